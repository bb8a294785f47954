import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/database.js';
import { migrate } from '../db/migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set (CI sets it). */
export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database of its own: in-memory PGlite, or a new database on the server that is dropped on close. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const handle = await openPglite(null);
    await migrate(handle);
    return handle;
  }
  const serverUrl = new URL(process.env.DATABASE_URL!);
  const name = `pcmd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropWhenIdle(serverUrl.toString(), name);
    },
  };
}

/**
 * The pool resolves its end() before its sockets have closed; dropping "with (force)" then would kill those sockets
 * and their clients would raise errors after the suite ended. Waiting until the database is free avoids that.
 */
async function dropWhenIdle(serverUrl: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: serverUrl });
  await dropper.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await dropper.query(`drop database if exists ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006') throw err;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await dropper.query(`drop database if exists ${name} with (force)`);
  } finally {
    await dropper.end();
  }
}

/**
 * Runs the same suite on every database kind, each with its own fresh database.
 * `setup` runs once per kind after migration (seed fixtures there); the suite reads the result through `get()`.
 */
export function describeEachDatabase<T>(
  title: string,
  setup: (handle: DatabaseHandle) => Promise<T>,
  suite: (get: () => T & { handle: DatabaseHandle; kind: DatabaseKind }) => void,
): void {
  for (const kind of databaseKinds()) {
    describe(`${title} [${kind}]`, () => {
      let state: (T & { handle: DatabaseHandle; kind: DatabaseKind }) | undefined;
      before(async () => {
        const handle = await openTestDatabase(kind);
        state = { ...(await setup(handle)), handle, kind };
      });
      after(async () => {
        await state?.handle.close();
      });
      suite(() => {
        if (!state) throw new Error('database not ready');
        return state;
      });
    });
  }
}
