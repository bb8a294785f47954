import { sha256 } from '@noble/hashes/sha2.js';

/** Hashes between two yields to the page, so that an old phone still scrolls and repaints while it works. */
const SLICE = 4096;

function startsWithZeroBits(digest: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i++) if ((digest[i >> 3] >> (7 - (i & 7))) & 1) return false;
  return true;
}

/**
 * Finds a nonce whose SHA-256 with the challenge starts with `bits` zero bits, as the server's ProofOfWork checks.
 * A library hash rather than Web Crypto: crypto.subtle exists only on HTTPS pages, and a commune may serve plain HTTP
 * on its own network.
 */
export async function solveProofOfWork(challenge: string, bits: number): Promise<string> {
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    if (startsWithZeroBits(sha256(encoder.encode(`${challenge}:${nonce}`)), bits)) return String(nonce);
    if (nonce % SLICE === SLICE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
