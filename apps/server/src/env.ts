import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  PCMD_DATA_DIR: z.string().min(1).default('./data'),
  PCMD_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  PCMD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  PCMD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  PCMD_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  PCMD_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  PCMD_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  PCMD_WEB_DIST: z.string().default('apps/web/dist'),
  /** A map tile server such as https://tile.example.org/{z}/{x}/{y}.png; empty: maps draw on a plain background. */
  PCMD_MAP_TILE_URL: z.string().max(500).default(''),
  PCMD_MAP_ATTRIBUTION: z.string().max(500).default(''),
  /** 32 bytes, base64: encrypts reporters' identities. Embedded mode keeps one in the data folder when unset. */
  PCMD_DATA_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'phải là 32 byte dạng base64').optional(),
  /** Behind a reverse proxy, the client address for rate limits comes from X-Forwarded-For (never stored). */
  PCMD_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PCMD_PUBLIC_SUBMISSIONS_PER_10_MIN: z.coerce.number().int().min(1).max(10_000).default(10),
  PCMD_PROOF_OF_WORK_BITS: z.coerce.number().int().min(0).max(24).default(16),
  /** Counts of people below this in support figures are shown as "<5" in reports sent above the commune. */
  PCMD_SMALL_COUNT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
});
export type TEnv = z.infer<typeof ZEnv>;

/** Reads the environment once at start; a bad variable stops the app with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  // An empty variable means "not set", as shells and CI files often write it.
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (giá trị: ${JSON.stringify(source[String(i.path[0])])})`);
  throw new Error(`Biến môi trường không hợp lệ / invalid environment variable:\n${lines.join('\n')}`);
}
