import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';

/**
 * Counts requests per client address in fixed windows, in memory only: addresses are never written anywhere,
 * and a restart forgets them.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Refuses with 429 once an address has used up its window. */
  take(address: string, now = Date.now()): void {
    const entry = this.hits.get(address);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 100_000) this.prune(now);
      this.hits.set(address, { windowStart: now, count: 1 });
      return;
    }
    entry.count += 1;
    if (entry.count > this.limit) throw new AppError('RATE_LIMITED');
  }

  private prune(now: number) {
    for (const [address, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(address);
  }
}

/** The client's address for rate limiting: the socket's, or the proxy's X-Forwarded-For when the proxy is trusted. */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('env').PCMD_TRUST_PROXY === 'true') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * A proof of work that needs no third-party service: the page must find a nonce whose SHA-256 with the challenge
 * starts with `bits` zero bits. Challenges are signed (nothing stored to issue them) and used once.
 */
export class ProofOfWork {
  private readonly signingKey = randomBytes(32);
  private readonly used = new Map<string, number>();
  private lastSweep = 0;
  constructor(readonly bits: number) {}

  issue(now = Date.now()): { challenge: string; difficulty: number } {
    const body = `${now + CHALLENGE_TTL_MS}.${randomBytes(12).toString('hex')}`;
    return { challenge: `${body}.${this.sign(body)}`, difficulty: this.bits };
  }

  /** Throws unless the challenge is ours, fresh, unused and solved. */
  verify(challenge: string, nonce: string, now = Date.now()): void {
    const [expires, random, signature] = challenge.split('.');
    const body = `${expires}.${random}`;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature ?? '');
    const valid = given.length === expected.length && timingSafeEqual(given, expected) && Number(expires) > now && !this.used.has(challenge);
    if (!valid || !ProofOfWork.solves(challenge, nonce, this.bits)) throw new AppError('PROOF_FAILED');
    // Sweeping on every call cost 2.4 ms with 100 000 used challenges (bench/tips); once a second is enough.
    if (now - this.lastSweep >= 1000) {
      for (const [c, until] of this.used) if (until < now) this.used.delete(c);
      this.lastSweep = now;
    }
    this.used.set(challenge, Number(expires));
  }

  static solves(challenge: string, nonce: string, bits: number): boolean {
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    for (let i = 0; i < bits; i++) if ((digest[i >> 3] >> (7 - (i & 7))) & 1) return false;
    return true;
  }

  /** Finds a nonce, as the page does (tests and tools use it). */
  static solve(challenge: string, bits: number): string {
    for (let n = 0; ; n++) if (ProofOfWork.solves(challenge, String(n), bits)) return String(n);
  }

  private sign(body: string) {
    return createHmac('sha256', this.signingKey).update(body).digest('base64url');
  }
}
