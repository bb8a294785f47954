import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let key: Buffer | null = null;

/** Sets the key that encrypts identities at rest (AES-256-GCM). */
export function configureDataKey(base64: string) {
  key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('PCMD_DATA_KEY must be 32 bytes');
}

/**
 * The embedded database keeps its key beside itself (mode 600) so that `npm start` needs no setup;
 * a server deployment sets PCMD_DATA_KEY and keeps it apart from the database backups.
 */
export function dataKeyForFolder(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'data.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function requireKey(): Buffer {
  if (!key) throw new Error('data key not configured');
  return key;
}

/** Encrypts a small JSON value; the result carries a version, the nonce and the tag. */
export function encryptJson(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

export function decryptJson<T>(sealed: string): T {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1') throw new Error('unknown ciphertext version');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as T;
}
