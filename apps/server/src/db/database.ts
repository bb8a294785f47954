import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { join } from 'node:path';
import type { Database } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';

export type Db = Kysely<Database>;

/** An open database: the query builder, a way to run a whole SQL script (migrations), and close. */
export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Db;
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Dates stay yyyy-mm-dd strings (no time-zone shift); counts come back as numbers. */
const parsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/**
 * PGlite runs each query synchronously on the main thread, and its driver hands the single connection from one
 * waiting request to the next through promise callbacks alone, so new HTTP connections could wait for the whole queue.
 * Yielding to the event loop before each query lets every client be heard in turn.
 */
function yieldingBetweenQueries(client: PGlite): PGlite {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'query') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setImmediate(resolve));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** PGlite, in the app's data folder (locked against a second process; the database in its pgdata/) or in memory when dataDir is null. */
export async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: dataDir ? join(dataDir, 'pgdata') : undefined,
      extensions: { pg_trgm, unaccent },
      parsers,
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(yieldingBetweenQueries(client)) });
    return {
      kind: 'pglite',
      db,
      runScript: async (script) => {
        try {
          await client.exec(script);
        } catch (err) {
          await client.exec('rollback').catch(() => {});
          throw err;
        }
      },
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** A PostgreSQL server through a pool. */
export async function openPostgres(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid in parsers ? parsers[oid as keyof typeof parsers] : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    kind: 'postgres',
    db,
    runScript: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}

/** Runs fn in a transaction, or inside the caller's transaction when there already is one (Kysely does not nest). */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
