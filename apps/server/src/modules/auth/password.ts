import argon2 from 'argon2';

/** argon2id with OWASP's minimum (19 MiB, 2 passes): strong, and fast enough for an old server. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown usernames so that timing does not tell which usernames exist. */
let decoyHash: Promise<string> | undefined;
export async function spendDecoyVerify(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoyHash, password);
}
