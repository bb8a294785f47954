/**
 * bench/tips: public submissions per second with 50 concurrent clients, against raw INSERTs of the same row on the
 * same database, and the tips inbox of a province with 500,000 tips (ms), on PGlite and on PostgreSQL.
 * Figures only; no pass or fail. Run: npm run bench:tips   (BENCH_BACKENDS=pglite or postgres runs one backend;
 * BENCH_SECONDS shortens the load runs; BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of inbox queries over 500 ms.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { TTipListQuery } from '@pcmd/contracts';
import { openPglite, openPostgres, type DatabaseHandle, type Db } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { ensureCountryRoot, systemContext } from '../../apps/server/src/demo/demo-data.js';
import { configureDataKey, encryptJson } from '../../apps/server/src/lib/data-key.js';
import { ProofOfWork } from '../../apps/server/src/lib/public-guard.js';
import { listTips } from '../../apps/server/src/modules/tips/tips.service.js';
import { insertUnits } from '../../apps/server/src/modules/units/units.repository.js';
import { createScratchDatabase } from '../lib/postgres.js';
import { startServer } from '../lib/server.js';
import { formatTable, median } from '../lib/table.js';

const CLIENTS = 50;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RAW_SECONDS = Math.min(5, LOAD_SECONDS);
const WARM_UP_SUBMISSIONS = 500;
/** The server's own PostgreSQL pool size (openPostgres): the raw inserts get no more connections than the app. */
const POSTGRES_POOL = 10;
const PROOF_BITS = 0;

const INBOX_TIPS = 500_000;
const INBOX_BATCH = 50_000;
const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 12;
/** The submissions go to a second, small province, so that they do not change the inbox being measured. */
const SUBMIT_COMMUNES = 10;
const REPS = Number(process.env.BENCH_REPS ?? 5);
const SLOW_MS = 4000;
const EXPLAIN_OVER_MS = 500;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((b) => b.trim());

/** Any fixed key: the server needs one on PostgreSQL, and the raw inserts seal a reporter with it too. */
const DATA_KEY = Buffer.alloc(32, 9).toString('base64');
const REPORTER = { name: 'Nguyễn Văn Thử', contact: '0900 000 000' };
const CATEGORIES = ['prostitution_activity', 'brokering', 'online_advertising', 'child_victim', 'trafficking', 'other'] as const;
const DESCRIPTION = 'có dấu hiệu hoạt động mua bán dâm tại nhà nghỉ trên địa bàn, nhiều người ra vào lúc khuya.';

const ms = (t: number) => performance.now() - t;
const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<DatabaseHandle>;
  serverEnv: Record<string, string>;
  /** Raw inserts need the database to themselves: PGlite admits one process, so the server must have stopped. */
  rawInserts(unitIds: number[], reporter: boolean): Promise<number>;
  cleanup(): Promise<void>;
}

// --- units --------------------------------------------------------------------------------------

interface Places {
  inboxProvinceId: number;
  inboxCommuneId: number;
  submitUnitIds: number[];
}

/** Two fictional provinces of communes with villages, through the same bulk insert the app uses. */
async function createProvinces(db: Db): Promise<Places> {
  const root = await ensureCountryRoot(db);
  const province = (code: string, name: string, communes: number) => {
    const units: Parameters<typeof insertUnits>[1] = [{ code, name, type: 'tinh', level: 1, parentId: root, validFrom: '2025-07-01' }];
    for (let c = 0; c < communes; c++) {
      const communeIndex = units.length;
      units.push({ code: `${code}-${c}`, name: `Xã Thử ${c}`, type: 'xa', level: 3, parentIndex: 0, parentId: null, validFrom: '2025-07-01' });
      for (let v = 0; v < VILLAGES_PER_COMMUNE; v++)
        units.push({ code: `${code}-${c}-${v}`, name: `Thôn ${v} xã Thử ${c}`, type: 'thon', level: 4, parentIndex: communeIndex, parentId: null, validFrom: '2025-07-01' });
    }
    return units;
  };
  const inbox = province('BT', 'Tỉnh Thử Hộp Tin', COMMUNES);
  const inboxIds = await insertUnits(db, inbox);
  const submit = province('BG', 'Tỉnh Thử Gửi Tin', SUBMIT_COMMUNES);
  const submitIds = await insertUnits(db, submit);
  return { inboxProvinceId: inboxIds[0], inboxCommuneId: inboxIds[1], submitUnitIds: submitIds.slice(1) };
}

// --- public submissions over HTTP ---------------------------------------------------------------

interface LoadResult {
  perSecond: number;
  ok: number;
  others: Map<string, number>;
  latencies: number[];
  idleClients: number;
}

function tipBody(i: number, unitIds: number[], reporter: boolean) {
  return {
    unitId: unitIds[i % unitIds.length],
    category: CATEGORIES[i % CATEGORIES.length],
    description: `Phản ánh thử số ${i}: ${DESCRIPTION}`,
    address: `Số ${i % 300}, đường Thử Nghiệm`,
    occurredAt: 'Khoảng 22 giờ',
    ...(reporter ? { reporter: REPORTER } : {}),
  };
}

/** What the public page does: fetch a challenge, solve it (no work at 0 bits), post the tip. Returns the POST status. */
async function submitOnce(base: string, address: string, body: object): Promise<number> {
  const challengeRes = await fetch(`${base}/api/public/challenge`, { headers: { 'x-forwarded-for': address } });
  if (challengeRes.status !== 200) {
    await challengeRes.arrayBuffer();
    return challengeRes.status;
  }
  const { challenge, difficulty } = (await challengeRes.json()) as { challenge: string; difficulty: number };
  const res = await fetch(`${base}/api/public/tips`, {
    method: 'POST',
    headers: { 'x-forwarded-for': address, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, proof: { challenge, nonce: ProofOfWork.solve(challenge, difficulty) } }),
  });
  await res.arrayBuffer();
  return res.status;
}

let submissionCounter = 0;

/**
 * CLIENTS loops, each a citizen with its own address (TEST-NET-2, RFC 5737), submitting one tip after the other until
 * `seconds` have passed or `amount` submissions have started.
 */
async function submissions(base: string, unitIds: number[], reporter: boolean, limit: { seconds?: number; amount?: number }): Promise<LoadResult> {
  const start = performance.now();
  const deadline = start + (limit.seconds ?? 3600) * 1000;
  let started = 0;
  let ok = 0;
  const others = new Map<string, number>();
  const latencies: number[] = [];
  const perClient = new Array<number>(CLIENTS).fill(0);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const address = `198.51.100.${c + 1}`;
      while (performance.now() < deadline && (limit.amount === undefined || started < limit.amount)) {
        started++;
        const t = performance.now();
        let outcome: string;
        try {
          const status = await submitOnce(base, address, tipBody(submissionCounter++, unitIds, reporter));
          outcome = status === 201 ? 'ok' : String(status);
        } catch (err) {
          outcome = `error ${(err as Error).message}`;
        }
        latencies.push(ms(t));
        if (outcome === 'ok') {
          ok++;
          perClient[c]++;
        } else others.set(outcome, (others.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return { perSecond: ok / (ms(start) / 1000), ok, others, latencies, idleClients: perClient.filter((n) => n === 0).length };
}

// --- raw inserts ----------------------------------------------------------------------------------

/** The columns submitPublicTip writes, in its order, so that the raw insert stores the very same row. */
const RAW_INSERT = `insert into tips (reference_code, unit_id, address, latitude, longitude, establishment_id, occurred_at, description,
  category, channel, priority, deadline, anonymous, reporter_encrypted, secret_hash)
  values ($1, $2, $3, null, null, null, $4, $5, $6, 'web', $7, $8, $9, $10, $11) returning id, received_at`;

let rawCounter = 0;

function rawParams(unitIds: number[], sealedReporter: string | null, deadline: string): unknown[] {
  const i = rawCounter++;
  const body = tipBody(i, unitIds, false);
  const urgent = body.category === 'child_victim' || body.category === 'trafficking';
  const secretHash = createHash('sha256').update(randomBytes(15)).digest('hex');
  return [`TR-${String(i).padStart(8, '0')}`, body.unitId, body.address, body.occurredAt, body.description, body.category, urgent ? 'urgent' : 'normal', deadline, sealedReporter === null, sealedReporter, secretHash];
}

/** `workers` loops of single-row inserts for RAW_SECONDS; each insert is its own transaction, as autocommit does. */
async function hammer(workers: number, insert: () => Promise<unknown>): Promise<number> {
  // Untimed, as the app's load had its warm-up: caches, connections, JIT.
  for (let i = 0; i < 200; i += workers) await Promise.all(Array.from({ length: workers }, insert));
  const start = performance.now();
  const deadline = start + RAW_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        await insert();
        done++;
      }
    }),
  );
  return done / (ms(start) / 1000);
}

function rawRow(unitIds: number[], reporter: boolean) {
  // Sealed once: encryption is the app's CPU work, not the database's.
  const sealed = reporter ? encryptJson(REPORTER) : null;
  // The provisional deadline of a tip received today: the strictest rule (15 days) from today.
  const deadline = addDays(vnToday(), 15);
  return () => rawParams(unitIds, sealed, deadline);
}

async function rawPostgres(url: string, unitIds: number[], reporter: boolean): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL });
  try {
    const params = rawRow(unitIds, reporter);
    return await hammer(CLIENTS, () => pool.query(RAW_INSERT, params()));
  } finally {
    await pool.end();
  }
}

/** PGlite in this process, on the folder the server used; its one connection queues the 50 callers as the server's does. */
async function rawPglite(dataDir: string, unitIds: number[], reporter: boolean): Promise<number> {
  const client = await PGlite.create({ dataDir: join(dataDir, 'pgdata'), extensions: { pg_trgm, unaccent } });
  try {
    const params = rawRow(unitIds, reporter);
    return await hammer(CLIENTS, () => client.query(RAW_INSERT, params()));
  } finally {
    await client.close();
  }
}

// --- the inbox ----------------------------------------------------------------------------------

/** A uniform pseudo-random 0–999 per row and stream k, the same on both backends (unlike random()). */
const r = (k: number) => sql.raw(`mod(hashint4extended(g, ${k}) & 2147483647, 1000)::int`);

/**
 * Tips g = lo..hi of the inbox province, received uniformly over the last 2 years, 80 % in villages and 20 % in
 * communes. Open with a chance of 75 % when under 14 days old, 25 % under 60 days and 0.5 % after (forgotten ones,
 * overdue); the others handled (40 % under 60 days, 2 % after) or closed. Kinds as the law's rules (null until
 * classified), 5 % extended once, 12 % handled late, a third of reporters named. Deadlines follow tip_deadline_rules.
 */
function inboxBatch(provinceId: number, lo: number, hi: number) {
  return sql`
    with scope as (
      select array_agg(u.id order by u.id) filter (where u.level = 4) as villages,
             array_agg(u.id order by u.id) filter (where u.level = 3) as communes
        from units u join unit_closure c on c.descendant_id = u.id
       where c.ancestor_id = ${provinceId}),
    base as (
      select g, ((g::bigint * 2654435761) % 1051200) / 1440.0 as age_days,
             ${r(1)} as r1, ${r(2)} as r2, ${r(3)} as r3, ${r(4)} as r4, ${r(5)} as r5, ${r(6)} as r6, ${r(7)} as r7
        from generate_series(${lo}::int, ${hi}::int) g),
    step as (
      select b.*, now() - b.age_days * interval '1 day' as received_at,
             case
               when (b.age_days < 14 and b.r1 < 750) or (b.age_days < 60 and b.r1 < 250) or b.r1 < 5 then
                 case when b.r2 < 250 then 'received' when b.r2 < 450 then 'verifying' when b.r2 < 650 then 'classified' else 'assigned' end
               when b.r2 < (case when b.age_days < 60 then 400 else 20 end) then 'handled'
               else 'closed'
             end as status
        from base b),
    kinded as (
      select s.*,
             case when s.status in ('received', 'verifying') then null
                  when s.r3 < 150 then 'crime_report' when s.r3 < 350 then 'denunciation' when s.r3 < 500 then 'complaint'
                  else 'information' end as kind
        from step s),
    timed as (
      select k.*, (k.received_at at time zone 'Asia/Ho_Chi_Minh')::date as received_day,
             case when k.kind is not null and k.r4 < 50 then 1 else 0 end as extensions,
             rl.days + (case when k.kind is not null and k.r4 < 50 then rl.extension_days else 0 end) as allowed_days
        from kinded k join tip_deadline_rules rl on rl.kind = coalesce(k.kind, 'information')),
    handled as (
      select t.*,
             case when t.status in ('handled', 'closed') then
               least(now(), t.received_at + (case when t.r5 < 880 then t.r5 % (t.allowed_days + 1) else t.allowed_days + 1 + t.r5 % 20 end) * interval '1 day'
                                       + t.r6 * interval '1 minute')
             end as handled_at,
             (array['web','web','web','hotline','hotline','hotline','in_person','in_person','letter','transfer'])[1 + t.r7 % 10] as channel,
             case when t.r6 < 350 then 'prostitution_activity' when t.r6 < 550 then 'brokering' when t.r6 < 800 then 'online_advertising'
                  when t.r6 < 830 then 'child_victim' when t.r6 < 850 then 'trafficking' else 'other' end as category
        from timed t)
    insert into tips (reference_code, secret_hash, unit_id, address, occurred_at, description, category, channel, kind, priority, status,
                      result, received_at, deadline, extensions, assigned_agency, handled_at, closed_at, anonymous, reporter_encrypted, updated_at)
    select 'TB-' || lpad(h.g::text, 8, '0'),
           case when h.channel = 'web' then md5(h.g::text) || md5((-h.g)::text) end,
           case when h.r7 < 800 then s.villages[1 + h.g % array_length(s.villages, 1)] else s.communes[1 + h.g % array_length(s.communes, 1)] end,
           'Số ' || (h.g % 300) || ', đường Thử Nghiệm ' || (h.g % 50),
           case when h.r3 % 2 = 0 then 'Khoảng ' || (h.r3 % 24) || ' giờ' else '' end,
           'Phản ánh ' || h.g || ': ' || repeat('có dấu hiệu hoạt động mua bán dâm tại khu vực, nhiều người lạ ra vào. ', 1 + h.r5 % 5),
           h.category, h.channel, h.kind,
           case when h.category in ('child_victim', 'trafficking') then 'urgent' when h.r4 > 900 then 'high' else 'normal' end,
           h.status,
           case when h.status in ('handled', 'closed') then (array['confirmed_acted', 'transferred', 'not_confirmed'])[1 + h.r3 % 3] end,
           h.received_at, h.received_day + h.allowed_days, h.extensions,
           case when h.status in ('assigned', 'handled', 'closed') then 'Công an xã' end,
           h.handled_at,
           case when h.status = 'closed' then least(now(), h.handled_at + (1 + h.r6 % 5) * interval '1 day') end,
           h.r2 % 3 <> 0,
           case when h.r2 % 3 = 0 then 'v1.' || md5(h.g::text) || md5((h.g + 1)::text) || md5((h.g + 2)::text) end,
           coalesce(h.handled_at, h.received_at)
      from handled h, scope s`;
}

async function generateInbox(handle: DatabaseHandle, provinceId: number): Promise<{ ms: number; analyzeMs: number }> {
  const t = performance.now();
  for (let lo = 1; lo <= INBOX_TIPS; lo += INBOX_BATCH) {
    await inboxBatch(provinceId, lo, Math.min(INBOX_TIPS, lo + INBOX_BATCH - 1)).execute(handle.db);
    process.stdout.write(`\r  generated ${Math.min(INBOX_TIPS, lo + INBOX_BATCH - 1)} tips in ${(ms(t) / 1000).toFixed(0)} s`);
  }
  process.stdout.write('\n');
  const generation = ms(t);
  const a = performance.now();
  // PostgreSQL's autovacuum would soon vacuum and analyze tables that grew this much (the units too: without their
  // statistics the planner takes a province for 33 units instead of 1 301). PGlite has no autovacuum; the server
  // analyzes at every start, which is what a restart after the growth would give.
  await handle.runScript(handle.kind === 'postgres' ? 'vacuum analyze tips, tip_events, audit_log, units, unit_closure, unit_lineage' : 'analyze');
  return { ms: generation, analyzeMs: ms(a) };
}

async function inboxMix(db: Db, provinceId: number) {
  const { rows } = await sql<{ total: number; open: number; overdue: number; handled: number; closed: number; unclassified: number; table_mb: number }>`
    select count(*)::int as total, (pg_table_size('tips') / 1048576)::int as table_mb,
           count(*) filter (where status not in ('handled', 'closed'))::int as open,
           count(*) filter (where status not in ('handled', 'closed') and deadline < ${vnToday()}::date)::int as overdue,
           count(*) filter (where status = 'handled')::int as handled,
           count(*) filter (where status = 'closed')::int as closed,
           count(*) filter (where kind is null)::int as unclassified
      from tips where unit_id in (select descendant_id from unit_closure where ancestor_id = ${provinceId})`.execute(db);
  return rows[0];
}

interface Traced {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/** Records each query's SQL and time, so that a slow inbox can be split into its count and its page. */
function tracing(db: Db): { db: Db; take: () => Traced[] } {
  const executor = db.getExecutor();
  const pending = new Map<unknown, Omit<Traced, 'ms'> & { t: number }>();
  let done: Traced[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      const compiled = executor.compileQuery(args.node, args.queryId);
      pending.set(args.queryId, { sql: compiled.sql, parameters: compiled.parameters, t: performance.now() });
      return args.node;
    },
    transformResult: async (args) => {
      const p = pending.get(args.queryId);
      if (p) {
        pending.delete(args.queryId);
        done.push({ sql: p.sql, parameters: p.parameters, ms: ms(p.t) });
      }
      return args.result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    take: () => {
      const out = done;
      done = [];
      return out;
    },
  };
}

const INBOX_QUERIES: { label: string; query: Partial<TTipListQuery> }[] = [
  { label: 'default (all, open first by deadline)', query: {} },
  { label: 'status=open', query: { status: 'open' } },
  { label: 'status=closed', query: { status: 'closed' } },
  { label: 'due=overdue', query: { due: 'overdue' } },
  { label: 'default, page 100', query: { page: 100 } },
];

interface InboxRow {
  backend: string;
  scope: string;
  label: string;
  total: number;
  median: number;
  runs: number[];
  /** Medians of the service's queries in order: scope check, count, page. */
  parts: number[];
  /** Median of each run's time outside those queries: presenting the rows (JavaScript). */
  outside: number;
}

async function timeInbox(backend: Backend['name'], db: Db, provinceId: number, communeId: number): Promise<InboxRow[]> {
  // A province-level actor, as a provincial officer opening the inbox.
  const traced = tracing(db);
  const ctx = systemContext(traced.db, provinceId);
  const rows: InboxRow[] = [];
  for (const [scope, unitId] of [['province', provinceId], ['commune', communeId]] as const) {
    for (const { label, query } of INBOX_QUERIES) {
      const q: TTipListQuery = { page: 1, pageSize: 50, ...query, unitId };
      let t = performance.now();
      const first = await listTips(ctx, q);
      const reps = ms(t) > SLOW_MS ? Math.min(3, REPS) : REPS;
      traced.take();
      const runs: number[] = [];
      const perQuery: number[][] = [];
      const outside: number[] = [];
      let lastTrace: Traced[] = [];
      for (let i = 0; i < reps; i++) {
        t = performance.now();
        await listTips(ctx, q);
        runs.push(ms(t));
        lastTrace = traced.take();
        lastTrace.forEach((x, k) => (perQuery[k] ??= []).push(x.ms));
        outside.push(runs[i] - lastTrace.reduce((sum, x) => sum + x.ms, 0));
      }
      const row: InboxRow = { backend, scope, label, total: first.total, median: median(runs), runs, parts: perQuery.map(median), outside: median(outside) };
      rows.push(row);
      console.log(`  inbox ${scope} ${label}: ${row.median.toFixed(1)} ms (runs ${runs.map(Math.round).join(', ')}; scope check, count, page, outside queries: ${[...row.parts, row.outside].map((p) => p.toFixed(1)).join(', ')}), total ${first.total}, ${first.items.length} on the page`);
      if (process.env.BENCH_EXPLAIN && row.median > EXPLAIN_OVER_MS) {
        for (const query of lastTrace.slice(1)) {
          const plan = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
          console.log(`    EXPLAIN ANALYZE (${query.ms.toFixed(0)} ms): ${query.sql}\n    parameters ${JSON.stringify(query.parameters)}`);
          for (const line of plan.rows) console.log(`      ${Object.values(line)[0]}`);
        }
      }
    }
  }
  return rows;
}

// --- the run ------------------------------------------------------------------------------------

interface SubmitRow {
  backend: string;
  variant: string;
  load: LoadResult;
  serverErrors: number;
  raw: number;
}

async function runBackend(backend: Backend, submitRows: SubmitRow[], inboxRows: InboxRow[], genRows: (string | number)[][]) {
  console.log(`\n=== ${backend.name} ===`);
  let t = performance.now();
  let handle = await backend.open();
  let places: Places;
  try {
    await migrate(handle);
    places = await createProvinces(handle.db);
  } finally {
    await handle.close();
  }
  console.log(`  migrated, ${COMMUNES} + ${SUBMIT_COMMUNES} communes with ${VILLAGES_PER_COMMUNE} villages each in ${Math.round(ms(t))} ms`);

  const variants = [
    { variant: 'anonymous', reporter: false },
    { variant: 'with reporter (encrypted)', reporter: true },
  ];
  const loads: { variant: string; load: LoadResult; serverErrors: number }[] = [];
  t = performance.now();
  const server = startServer({
    ...backend.serverEnv,
    PORT: '0',
    PCMD_DEMO_DATA: 'off',
    PCMD_DATA_KEY: DATA_KEY,
    PCMD_TRUST_PROXY: 'true',
    PCMD_PUBLIC_SUBMISSIONS_PER_10_MIN: '10000',
    PCMD_PROOF_OF_WORK_BITS: String(PROOF_BITS),
  });
  try {
    const { port, readyMs } = await server.ready;
    console.log(`  server ready on port ${port}: ${Math.round(ms(t))} ms wall, "READY in ${readyMs} ms"`);
    const base = `http://127.0.0.1:${port}`;
    const check = await submitOnce(base, '192.0.2.1', tipBody(0, places.submitUnitIds, true));
    if (check !== 201) throw new Error(`a first public submission answered ${check}; stderr:\n${server.stderr.join('\n')}`);
    await submissions(base, places.submitUnitIds, false, { amount: WARM_UP_SUBMISSIONS });
    for (const { variant, reporter } of variants) {
      const errorsBefore = server.stderr.length;
      const load = await submissions(base, places.submitUnitIds, reporter, { seconds: LOAD_SECONDS });
      const serverErrors = server.stderr.length - errorsBefore;
      loads.push({ variant, load, serverErrors });
      const others = [...load.others].map(([k, v]) => `${k}×${v}`).join(' ') || 'none';
      console.log(`  submissions ${variant}: ${load.perSecond.toFixed(0)}/s, p50 ${percentile(load.latencies, 50).toFixed(0)} ms, p99 ${percentile(load.latencies, 99).toFixed(0)} ms, ${load.ok} × 201, others ${others}, clients with no submission ${load.idleClients}`);
      if (serverErrors) console.log(`    server logged ${serverErrors} stderr lines, first: ${server.stderr[errorsBefore]}`);
    }
  } finally {
    await server.stop();
  }

  for (const { variant, reporter } of variants) {
    const raw = await backend.rawInserts(places.submitUnitIds, reporter);
    const l = loads.find((x) => x.variant === variant)!;
    submitRows.push({ backend: backend.name, variant, load: l.load, serverErrors: l.serverErrors, raw });
    console.log(`  raw INSERT into tips, ${variant}, ${CLIENTS} concurrent for ${RAW_SECONDS} s: ${raw.toFixed(0)} rows/s (app ÷ raw ${(l.load.perSecond / raw).toFixed(3)})`);
  }

  handle = await backend.open();
  try {
    console.log(`  generating ${INBOX_TIPS} tips in ${COMMUNES} communes × ${VILLAGES_PER_COMMUNE} villages…`);
    const gen = await generateInbox(handle, places.inboxProvinceId);
    const mix = await inboxMix(handle.db, places.inboxProvinceId);
    console.log(`  generation ${(gen.ms / 1000).toFixed(1)} s, ${handle.kind === 'postgres' ? 'vacuum analyze' : 'analyze'} ${(gen.analyzeMs / 1000).toFixed(1)} s; ${JSON.stringify(mix)}`);
    genRows.push([backend.name, (gen.ms / 1000).toFixed(1), (gen.analyzeMs / 1000).toFixed(1), mix.total, mix.open, mix.overdue, mix.handled, mix.closed, mix.unclassified, mix.table_mb]);
    inboxRows.push(...(await timeInbox(backend.name, handle.db, places.inboxProvinceId, places.inboxCommuneId)));
  } finally {
    await handle.close();
  }
}

function pgliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'pcmd-bench-tips-'));
  return {
    name: 'PGlite',
    open: () => openPglite(dir),
    serverEnv: { PCMD_DATA_DIR: dir },
    rawInserts: (unitIds, reporter) => rawPglite(dir, unitIds, reporter),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(): Promise<Backend> {
  const scratch = await createScratchDatabase();
  return {
    name: 'PostgreSQL',
    open: () => openPostgres(scratch.url),
    serverEnv: { DATABASE_URL: scratch.url },
    rawInserts: (unitIds, reporter) => rawPostgres(scratch.url, unitIds, reporter),
    cleanup: () => scratch.drop(),
  };
}

async function main() {
  const started = performance.now();
  configureDataKey(DATA_KEY);
  const submitRows: SubmitRow[] = [];
  const inboxRows: InboxRow[] = [];
  const genRows: (string | number)[][] = [];
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load average at start: ${load()}`);
  console.log(`Tips benchmark: ${CLIENTS} public clients for ${LOAD_SECONDS} s per variant (proof of work ${PROOF_BITS} bits), raw inserts for ${RAW_SECONDS} s; inbox of ${INBOX_TIPS} tips, median of ${REPS} runs after one uncounted run`);
  const makers: Record<string, () => Promise<Backend>> = { pglite: async () => pgliteBackend(), postgres: postgresBackend };
  for (const key of BACKENDS) {
    if (!makers[key]) throw new Error(`BENCH_BACKENDS: unknown backend ${key} (pglite, postgres)`);
    const backend = await makers[key]();
    try {
      await runBackend(backend, submitRows, inboxRows, genRows);
    } finally {
      await backend.cleanup();
    }
  }

  console.log('\n' + formatTable([
    ['backend', 'public submission', 'submissions/s', 'p50 ms', 'p99 ms', '201', 'other', 'srv err', 'clients never served', 'raw inserts/s', 'app ÷ raw'],
    ...submitRows.map((s) => [
      s.backend, s.variant, Math.round(s.load.perSecond), Math.round(percentile(s.load.latencies, 50)), Math.round(percentile(s.load.latencies, 99)), s.load.ok,
      [...s.load.others.values()].reduce((a, b) => a + b, 0), s.serverErrors, s.load.idleClients, Math.round(s.raw), (s.load.perSecond / s.raw).toFixed(3),
    ]),
  ]));
  console.log('\n' + formatTable([['backend', 'generate s', 'analyze s', 'tips', 'open', 'overdue', 'handled', 'closed', 'unclassified', 'tips table MB'], ...genRows]));
  console.log('\n' + formatTable([
    ['backend', 'scope', 'inbox query', 'total', 'median ms', 'scope check ms', 'count ms', 'page ms', 'outside queries ms'],
    ...inboxRows.map((x) => [x.backend, x.scope, x.label, x.total, ...[x.median, ...x.parts, x.outside].map((p) => Math.round(p * 10) / 10)]),
  ]));
  console.log(`\ntotal ${(ms(started) / 1000).toFixed(0)} s; load average at the end: ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
