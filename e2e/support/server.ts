import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, mountWebApp } from '../../apps/server/src/app.js';
import { openPglite } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { seedDemoData } from '../../apps/server/src/demo/demo-data.js';
import { loadEnv } from '../../apps/server/src/env.js';
import { TEST_DATA_KEY } from '../../apps/server/src/test-support/http.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The real server with the built web app, over an in-memory database holding the demo data, on a free local port. */
export async function startServer(): Promise<RunningServer> {
  const handle = await openPglite(null);
  await migrate(handle);
  await seedDemoData(handle.db);
  const app = createApp({ db: handle.db, env: loadEnv({ PCMD_DATA_DIR: './unused', PCMD_DATA_KEY: TEST_DATA_KEY }) });
  if (!mountWebApp(app, 'apps/web/dist')) {
    await handle.close();
    throw new Error('apps/web/dist/index.html is missing: run `npm run build` first (node scripts/run-tests.mjs e2e does it)');
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await handle.close();
    },
  };
}
