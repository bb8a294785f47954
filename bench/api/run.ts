/**
 * API throughput: the real server in its own process, loaded with autocannon from this one,
 * on PGlite and on PostgreSQL; then the raw INSERT rate of the same database for comparison.
 * Prints figures only; stops by itself (about 2 minutes). Traffic goes to 127.0.0.1 only.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { openPglite, openPostgres, type DatabaseHandle } from '../../apps/server/src/db/database.js';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/demo-data.js';
import { createScratchDatabase } from '../lib/postgres.js';
import { EXTRA, prepareBenchData } from '../lib/seed.js';
import { startServer } from '../lib/server.js';
import { formatTable } from '../lib/table.js';

const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RAW_SECONDS = 5;

interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<DatabaseHandle>;
  serverEnv: Record<string, string>;
  /** Raw inserts per second of an audit-like row; runs after the server has stopped (PGlite allows one process). */
  rawInsertsPerSecond(): Promise<number>;
  cleanup(): Promise<void>;
}

interface Scenario {
  label: string;
  request: autocannon.Request;
}

interface Row {
  backend: string;
  label: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  serverErrors: number;
  unanswered: number;
}

// --- raw inserts --------------------------------------------------------------------------------

/** The audit row a unit rename writes (same columns, JSON of the same shape), into a copy of audit_log with its indexes. */
const RAW_TABLE = 'create table bench_raw_audit (like audit_log including all)';
const RAW_INSERT = `insert into bench_raw_audit (actor_id, actor_username, action, entity, entity_id, unit_id, before, after, detail, request_id)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
function rawParams(i: number): unknown[] {
  const unit = { id: 1000 + (i % 3000), code: `BX1-${i % 75}`, name: `Tổ dân phố ${i}`, type: 'to_dan_pho', level: 4, parentId: 42, validFrom: '2025-07-01', validTo: null, childCount: 0 };
  return [1, 'quantri', 'update', 'unit', String(unit.id), unit.id, JSON.stringify(unit), JSON.stringify({ ...unit, name: `Tổ dân phố ${i + 1}` }), null, randomUUID()];
}

/** Runs `workers` loops of single-row inserts for `seconds`; each insert is its own transaction, as autocommit does. */
async function hammer(workers: number, insert: (worker: number, i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const deadline = start + RAW_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < deadline) await insert(w, done++);
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

async function rawPostgres(url: string): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    await clients[0].query(RAW_TABLE);
    return await hammer(CONNECTIONS, (w, i) => clients[w].query(RAW_INSERT, rawParams(i)));
  } finally {
    await clients[0].query('drop table if exists bench_raw_audit');
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** PGlite in this process, on the data folder the server used; its one connection queues the 50 callers like the server's does. */
async function rawPglite(dataDir: string): Promise<number> {
  const client = await PGlite.create({ dataDir: join(dataDir, 'pgdata'), extensions: { pg_trgm, unaccent } });
  try {
    await client.exec(RAW_TABLE);
    return await hammer(CONNECTIONS, (_w, i) => client.query(RAW_INSERT, rawParams(i)));
  } finally {
    await client.close();
  }
}

// --- backends -----------------------------------------------------------------------------------

function pgliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'pcmd-bench-'));
  return {
    name: 'PGlite',
    open: () => openPglite(dir),
    serverEnv: { PCMD_DATA_DIR: dir },
    rawInsertsPerSecond: () => rawPglite(dir),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(): Promise<Backend> {
  const scratch = await createScratchDatabase();
  return {
    name: 'PostgreSQL',
    open: () => openPostgres(scratch.url),
    serverEnv: { DATABASE_URL: scratch.url },
    rawInsertsPerSecond: () => rawPostgres(scratch.url),
    cleanup: () => scratch.drop(),
  };
}

// --- HTTP ---------------------------------------------------------------------------------------

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pcmd_session='));
  if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

/** One request before the load, so that a misconfigured scenario fails loudly instead of measuring 4xx. */
async function check(base: string, cookie: string, req: autocannon.Request): Promise<void> {
  const res = await fetch(base + req.path, { method: req.method, headers: { cookie, 'content-type': 'application/json' }, body: req.body as string | undefined });
  if (!res.ok) throw new Error(`${req.method} ${req.path}: ${res.status} ${await res.text()}`);
}

/** Runs the load; also notes when each connection got its first answer, since a queue can serve some connections and starve others. */
async function load(base: string, cookie: string, scenario: Scenario, seconds: number) {
  const started = performance.now();
  const firstAnswer = new Map<object, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { cookie, 'content-type': 'application/json', 'x-pcmd-locale': 'vi' },
        requests: [scenario.request],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (client) => {
      if (!firstAnswer.has(client)) firstAnswer.set(client, performance.now() - started);
    });
  });
  return { result, unanswered: CONNECTIONS - firstAnswer.size, lastFirstAnswerMs: Math.max(0, ...firstAnswer.values()) };
}

function scenarios(villageIds: number[]): Scenario[] {
  let n = 0;
  return [
    { label: 'GET /api/users?pageSize=50', request: { method: 'GET', path: '/api/users?pageSize=50' } },
    { label: 'GET /api/units/search?q=to dan pho', request: { method: 'GET', path: '/api/units/search?q=to%20dan%20pho' } },
    {
      label: 'PATCH /api/units/{id} (rename)',
      request: {
        method: 'PATCH',
        path: `/api/units/${villageIds[0]}`,
        body: JSON.stringify({ name: 'Tổ dân phố 1' }),
        // Round-robin over thousands of villages: concurrent requests never queue on one row lock.
        setupRequest: (req) => {
          const i = n++;
          return { ...req, path: `/api/units/${villageIds[i % villageIds.length]}`, body: JSON.stringify({ name: `Tổ dân phố ${i}` }) };
        },
      },
    },
  ];
}

async function runBackend(backend: Backend, rows: Row[], raw: Map<string, number>): Promise<void> {
  console.log(`\n=== ${backend.name} ===`);
  let t = performance.now();
  const handle = await backend.open();
  let villageIds: number[];
  try {
    ({ villageIds } = await prepareBenchData(handle));
  } finally {
    await handle.close();
  }
  console.log(`prepared: demo + ${EXTRA.communes} communes, ${villageIds.length} villages, ${EXTRA.users} users in ${Math.round(performance.now() - t)} ms`);

  t = performance.now();
  const server = startServer({ ...backend.serverEnv, PORT: '0', PCMD_DEMO_DATA: 'off' });
  try {
    const { port, readyMs } = await server.ready;
    console.log(`server ready on port ${port}: ${Math.round(performance.now() - t)} ms wall, "READY in ${readyMs} ms"`);
    const base = `http://127.0.0.1:${port}`;
    const cookie = await login(base, 'quantri');
    for (const s of scenarios(villageIds)) {
      await check(base, cookie, s.request);
      await autocannon({ url: base, connections: 10, amount: 200, headers: { cookie, 'content-type': 'application/json' }, requests: [s.request] }); // JIT and caches warm
      const errorsBefore = server.stderr.length;
      const { result: r, unanswered, lastFirstAnswerMs } = await load(base, cookie, s, LOAD_SECONDS);
      const row: Row = {
        backend: backend.name,
        label: s.label,
        rps: r['2xx'] / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        serverErrors: server.stderr.length - errorsBefore,
        unanswered,
      };
      rows.push(row);
      const codes = Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => `${code}×${v.count ?? 0}`).join(' ');
      console.log(`${s.label}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, status ${codes}, socket errors ${r.errors}, timeouts ${r.timeouts}`);
      console.log(`  connections answered: ${CONNECTIONS - unanswered}/${CONNECTIONS}, the last one first after ${Math.round(lastFirstAnswerMs)} ms`);
      if (row.serverErrors) console.log(`  server logged ${row.serverErrors} stderr lines, first: ${server.stderr[errorsBefore]}`);
    }
  } finally {
    await server.stop();
  }

  const perSecond = await backend.rawInsertsPerSecond();
  raw.set(backend.name, perSecond);
  console.log(`raw INSERT (audit-like row, ${CONNECTIONS} concurrent, ${RAW_SECONDS} s): ${perSecond.toFixed(0)} rows/s`);
}

async function main() {
  const started = performance.now();
  const rows: Row[] = [];
  const raw = new Map<string, number>();
  console.log(`API benchmark: ${CONNECTIONS} connections, ${LOAD_SECONDS} s per route, logged in as quantri (admin, province)`);
  for (const make of [async () => pgliteBackend(), postgresBackend]) {
    const backend = await make();
    try {
      await runBackend(backend, rows, raw);
    } finally {
      await backend.cleanup();
    }
  }

  console.log('\n' + formatTable([
    ['backend', 'route', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'sock err', 'srv err', 'conns never answered'],
    ...rows.map((r) => [r.backend, r.label, Math.round(r.rps), r.p50, r.p99, r.ok, r.non2xx, r.errors, r.serverErrors, r.unanswered]),
  ]));
  console.log('\n' + formatTable([
    ['backend', 'API writes/s', 'raw inserts/s', 'API ÷ raw'],
    ...rows
      .filter((r) => r.label.startsWith('PATCH'))
      .map((r) => {
        const rawRate = raw.get(r.backend) ?? NaN;
        return [r.backend, Math.round(r.rps), Math.round(rawRate), (r.rps / rawRate).toFixed(2)];
      }),
  ]));
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
