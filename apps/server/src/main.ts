import { serve } from '@hono/node-server';
import { ROLE_LABELS } from '@pcmd/contracts';
import { createApp, mountWebApp } from './app.js';
import { loadEnv } from './env.js';
import { openPglite, openPostgres } from './db/database.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { dataKeyForFolder } from './lib/data-key.js';
import { DEMO_PASSWORD, listDemoLogins, seedDemoIfEmpty } from './demo/demo-data.js';

async function main() {
  const startedAt = performance.now();
  const env = loadEnv();
  if (!env.PCMD_DATA_KEY) {
    if (env.DATABASE_URL) throw new Error('Cần đặt PCMD_DATA_KEY (32 byte, base64) khi dùng PostgreSQL / set PCMD_DATA_KEY with DATABASE_URL: openssl rand -base64 32');
    env.PCMD_DATA_KEY = dataKeyForFolder(env.PCMD_DATA_DIR);
  }
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.PCMD_DATA_DIR);
  await migrate(handle);
  const seeded = env.PCMD_DEMO_DATA === 'auto' ? await seedDemoIfEmpty(handle.db) : null;
  const logins = env.PCMD_DEMO_DATA === 'auto' ? (seeded ?? (await listDemoLogins(handle.db))) : [];

  const app = createApp({ db: handle.db, env });
  const hasWeb = mountWebApp(app, env.PCMD_WEB_DIST);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/`;
    const where = handle.kind === 'pglite' ? `PGlite (nhúng) tại ${env.PCMD_DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
    console.log(`PCMD đang chạy / is running: ${url}`);
    console.log(`Cơ sở dữ liệu / database: ${where}`);
    if (!hasWeb) console.log('Chưa có giao diện web đã build (npm run build); chỉ có API.');
    if (logins.length) {
      console.log(`Tài khoản demo (mật khẩu / password: ${DEMO_PASSWORD}):`);
      for (const l of logins) console.log(`  ${l.username.padEnd(12)} ${ROLE_LABELS[l.role].vi} — ${l.unitName}`);
    }
    console.log(`READY in ${Math.round(performance.now() - startedAt)} ms`);
  });

  const shutdown = async () => {
    server.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || (err instanceof Error && /^(Biến môi trường|Cần đặt)/.test(err.message))) {
    console.error(err.message);
  } else {
    console.error('PCMD không khởi động được / failed to start:', err);
  }
  process.exit(1);
});
