/**
 * bench/outreach: the coverage view (villages and residential groups without outreach in a period) of a province with
 * 40,000 groups and 2,000,000 activities (ms), on PostgreSQL and PGlite.
 * One fictional province of 3,300 communes and 40,000 villages/groups, 2,000,000 one-off activities and 2,000 weekly
 * series, generated in bulk, then ANALYZE. It times `coverage` (the service behind GET /api/outreach/coverage) for the
 * province and for one commune, over 2026H1 and over one month, and each of its two statements (the counts, the page).
 * Figures only; no pass or fail. Run: npm run bench:outreach
 *   BENCH_BACKENDS=pglite or postgres runs one backend; BENCH_REPS changes the 5 timed runs;
 *   BENCH_PGLITE_ACTIVITIES sets a smaller count for PGlite (printed loudly); BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of
 *   each statement of a view over 1 s.
 */
import { loadavg } from 'node:os';
import { CompiledQuery, sql, type KyselyPlugin, type RawBuilder } from 'kysely';
import { DEFAULT_REPORTING_CALENDAR, OUTREACH_CHANNELS, periodRange } from '@pcmd/contracts';
import type { Db } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { ensureCountryRoot } from '../../apps/server/src/demo/demo-data.js';
import type { RequestContext } from '../../apps/server/src/lib/context.js';
import { coverage } from '../../apps/server/src/modules/outreach/outreach.service.js';
import { formatTable, median } from '../lib/table.js';
import { pgliteBackend, postgresBackend, type Backend as SharedBackend } from '../lib/backends.js';

const COMMUNES = 3300;
const VILLAGES = 40_000;
const ACTIVITIES = 2_000_000;
/** Weekly loudspeaker series on 1 village in 20: the view expands them too. */
const SERIES_EVERY = 20;
const BATCH = 250_000;
const REPS = Number(process.env.BENCH_REPS ?? 5);
/** After a first run over this, 3 timed runs; over VERY_SLOW_MS, 1: keeps the whole run within minutes. */
const SLOW_MS = 4000;
const VERY_SLOW_MS = 15_000;
const EXPLAIN_OVER_MS = 1000;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((b) => b.trim());
const H1 = periodRange(DEFAULT_REPORTING_CALENDAR, '2026H1');
const MONTH = { from: '2026-05-01', to: '2026-06-01' };

const ms = (t: number) => performance.now() - t;

type Backend = SharedBackend & { activities: number };

// --- generation -----------------------------------------------------------------------------------

const exec = (db: Db, query: RawBuilder<unknown>) => query.execute(db);

/** One province, its communes and villages, with closure and lineage rows as insertUnits leaves them, in a few statements. */
async function generateUnits(db: Db): Promise<{ provinceId: number }> {
  const country = await ensureCountryRoot(db);
  const closure = (level: number) => sql`
    insert into unit_closure (ancestor_id, descendant_id, depth)
    select c.ancestor_id, u.id, c.depth + 1 from units u join unit_closure c on c.descendant_id = u.parent_id
     where u.level = ${level} and u.code like 'BO%'
    union all
    select id, id, 0 from units where level = ${level} and code like 'BO%'`;
  await exec(db, sql`insert into units (code, name, type, level, parent_id, valid_from) values ('BO', 'Tỉnh Thử Lớn', 'tinh', 1, ${country}, '2025-07-01')`);
  await exec(db, closure(1));
  // Every 4th commune a ward; village v belongs to commune (v-1) % 3300 + 1, so 12–13 a commune; rows go in by commune.
  await exec(db, sql`
    insert into units (code, name, type, level, parent_id, valid_from)
    select 'BO-' || lpad(c::text, 4, '0'), case when c % 4 = 0 then 'Phường Thử ' else 'Xã Thử ' end || c,
           case when c % 4 = 0 then 'phuong' else 'xa' end, 3, p.id, '2025-07-01'
      from generate_series(1, ${COMMUNES}::int) c cross join (select id from units where code = 'BO') p order by c`);
  await exec(db, closure(3));
  await exec(db, sql`
    insert into units (code, name, type, level, parent_id, valid_from)
    select x.code || '-' || lpad(((v - 1) / ${COMMUNES} + 1)::text, 2, '0'),
           case when x.type = 'phuong' then 'Tổ dân phố ' else 'Thôn ' end || ((v - 1) / ${COMMUNES} + 1),
           case when x.type = 'phuong' then 'to_dan_pho' else 'thon' end, 4, x.id, '2025-07-01'
      from generate_series(1, ${VILLAGES}::int) v join units x on x.code = 'BO-' || lpad(((v - 1) % ${COMMUNES} + 1)::text, 4, '0') and x.level = 3
     order by x.id, v`);
  await exec(db, closure(4));
  await exec(db, sql`insert into unit_lineage (successor_id, predecessor_id, depth, partial) select id, id, 0, false from units where code like 'BO%'`);
  const { rows } = await sql<{ id: number }>`select id from units where code = 'BO'`.execute(db);
  return { provinceId: rows[0].id };
}

/**
 * Activities in batches of BATCH rows (one insert … select each, so that PGlite's memory stays bounded). 9 in 10 go to
 * villages, 1 in 10 to communes (which covers no village). Villages with an id ending in 0, and 1 in 10 of the others
 * (by the hash that picks them), get none, so about 18 % of the groups are listed as uncovered in any period; the
 * others get about 55 each from 01/10/2025 to 30/11/2026, a few every month. Dates are spread by a multiplicative hash,
 * not in id order, as entries from many units would arrive.
 */
async function generateActivities(db: Db, total: number): Promise<void> {
  const channels = Object.keys(OUTREACH_CHANNELS);
  for (let start = 0; start < total; start += BATCH) {
    const end = Math.min(total, start + BATCH);
    await exec(db, sql`
      with villages as (select array_agg(id order by id) as ids from units where level = 4 and code like 'BO-%' and id % 10 <> 0),
           communes as (select array_agg(id order by id) as ids from units where level = 3 and code like 'BO-%')
      insert into outreach_activities (unit_id, held_on, agency, channel, topic)
      select case when g % 10 = 0 then c.ids[1 + (g / 10) % array_length(c.ids, 1)] else v.ids[1 + ((g::bigint * 7919) % array_length(v.ids, 1))::int] end,
             date '2025-10-01' + ((g::bigint * 104729) % 426)::int,
             'Hội Liên hiệp Phụ nữ', (${channels}::text[])[1 + g % ${channels.length}], 'Tuyên truyền ' || g
        from generate_series(${start + 1}::int, ${end}::int) g, villages v, communes c`);
  }
  await exec(db, sql`
    insert into outreach_series (unit_id, agency, channel, topic, frequency, starts_on, ends_on)
    select id, 'Đài truyền thanh', 'loudspeaker', 'Chuyên mục phòng, chống tệ nạn xã hội', 'weekly', date '2025-11-01' + id % 90,
           case when id % 3 = 0 then date '2026-03-01' + id % 60 end
      from units where level = 4 and code like 'BO-%' and id % ${SERIES_EVERY} = 1`);
}

// --- timing ---------------------------------------------------------------------------------------

interface Statement {
  ms: number;
  compiled: CompiledQuery;
}

/** Times each statement a call runs (from its compilation to its result), and keeps its SQL for EXPLAIN. */
function recordingStatements(db: Db): { db: Db; take: () => Statement[] } {
  let statements: Statement[] = [];
  const started = new Map<unknown, { t: number; compiled: CompiledQuery }>();
  const executor = db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      started.set(args.queryId, { t: performance.now(), compiled: executor.compileQuery(args.node, args.queryId) });
      return args.node;
    },
    transformResult: async (args) => {
      const s = started.get(args.queryId);
      if (s) statements.push({ ms: ms(s.t), compiled: s.compiled });
      started.delete(args.queryId);
      return args.result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    take: () => {
      const out = statements;
      statements = [];
      return out;
    },
  };
}

interface ViewRow {
  backend: string;
  view: string;
  total: number;
  covered: number;
  listed: number;
  runs: number[];
  /** Median time of each statement: the scope check, the counts, then the page. */
  statements: number[];
}

async function timeView(db: Db, unitId: number, label: string, period: { from: string; to: string }, backend: string): Promise<ViewRow> {
  const rec = recordingStatements(db);
  const ctx: RequestContext = { db: rec.db, actor: { userId: 0, username: 'bench.soyte', role: 'provincial_health', unitId }, requestId: 'bench', locale: 'vi' };
  const call = () => coverage(ctx, { unitId, from: period.from, to: period.to, level: 4, page: 1, pageSize: 50 });
  // One uncounted run, as a first request after start would be.
  let t = performance.now();
  const first = await call();
  const firstMs = ms(t);
  rec.take();
  const reps = firstMs > VERY_SLOW_MS ? 1 : firstMs > SLOW_MS ? Math.min(3, REPS) : REPS;
  const runs: number[] = [];
  const perStatement: number[][] = [];
  let statements: Statement[] = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    await call();
    runs.push(ms(t));
    statements = rec.take();
    statements.forEach((s, k) => (perStatement[k] ??= []).push(s.ms));
  }
  const row: ViewRow = {
    backend, view: label, total: first.unitsTotal, covered: first.unitsCovered, listed: first.items.length, runs,
    statements: perStatement.map((xs) => median(xs)),
  };
  console.log(`  ${label}: ${median(runs).toFixed(0)} ms (first ${firstMs.toFixed(0)}, runs ${runs.map(Math.round).join(', ')}); statements ${row.statements.map((x) => x.toFixed(0)).join(' + ')} ms; ${first.unitsCovered}/${first.unitsTotal} covered`);
  if (process.env.BENCH_EXPLAIN && median(runs) > EXPLAIN_OVER_MS)
    for (const [k, s] of statements.entries()) {
      const plan = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (analyze, buffers) ${s.compiled.sql}`, [...s.compiled.parameters]));
      console.log(`\n  --- EXPLAIN ANALYZE, ${label}, statement ${k + 1} ---\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}\n`);
    }
  return row;
}

async function runBackend(backend: Backend, genRows: (string | number)[][], viewRows: ViewRow[]) {
  console.log(`\n=== ${backend.name} ===`);
  if (backend.activities !== ACTIVITIES) console.log(`  !!! ${backend.activities} activities on ${backend.name} instead of ${ACTIVITIES} (BENCH_PGLITE_ACTIVITIES)`);
  const handle = await backend.open();
  try {
    const db = handle.db;
    const step = async <T>(label: string, fn: () => Promise<T>) => {
      const t = performance.now();
      const result = await fn();
      genRows.push([backend.name, label, Math.round(ms(t))]);
      console.log(`  ${label}: ${(ms(t) / 1000).toFixed(1)} s`);
      return result;
    };
    await step('migrate', () => migrate(handle));
    const { provinceId } = await step(`units (1 + ${COMMUNES} + ${VILLAGES}), closure, lineage`, () => generateUnits(db));
    await step(`${backend.activities} activities, ${VILLAGES / SERIES_EVERY} series`, () => generateActivities(db, backend.activities));
    await step('analyze', () => exec(db, sql`analyze`));
    const { rows } = await sql<{ activities: number; series: number; commune: number; name: string }>`
      select (select count(*) from outreach_activities)::int as activities, (select count(*) from outreach_series)::int as series,
             (select id from units where code = 'BO-0001') as commune, (select name from units where code = 'BO-0001') as name`.execute(db);
    console.log(`  rows: ${rows[0].activities} activities, ${rows[0].series} series`);
    for (const [label, unitId, period] of [
      [`province, 2026H1 [${H1.from}, ${H1.to})`, provinceId, H1],
      [`province, month [${MONTH.from}, ${MONTH.to})`, provinceId, MONTH],
      [`commune (${rows[0].name}), 2026H1`, rows[0].commune, H1],
      [`commune (${rows[0].name}), month`, rows[0].commune, MONTH],
    ] as const)
      viewRows.push(await timeView(db, unitId, label, period, backend.name));
  } finally {
    await handle.close();
  }
}

const pgliteWithActivities = (): Backend => ({ ...pgliteBackend('out'), activities: Number(process.env.BENCH_PGLITE_ACTIVITIES ?? ACTIVITIES) });

const postgresWithActivities = async (): Promise<Backend> => ({ ...(await postgresBackend()), activities: ACTIVITIES });

async function main() {
  const started = performance.now();
  const genRows: (string | number)[][] = [];
  const viewRows: ViewRow[] = [];
  console.log(`Outreach coverage benchmark: median of ${REPS} runs after one uncounted run (3 after a first run over ${SLOW_MS / 1000} s, 1 over ${VERY_SLOW_MS / 1000} s); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const makers: Record<string, () => Promise<Backend>> = { pglite: async () => pgliteWithActivities(), postgres: postgresWithActivities };
  for (const key of BACKENDS) {
    const backend = await makers[key]();
    try {
      await runBackend(backend, genRows, viewRows);
    } finally {
      await backend.cleanup();
    }
  }
  console.log('\n' + formatTable([['backend', 'generation step', 'ms'], ...genRows]));
  console.log('\n' + formatTable([
    ['backend', 'coverage view of', 'groups', 'covered', 'listed', 'median ms', 'min ms', 'max ms', 'timed runs', 'scope check ms', 'counts ms', 'page ms'],
    ...viewRows.map((r) => [r.backend, r.view, r.total, r.covered, r.listed, Math.round(median(r.runs)), Math.round(Math.min(...r.runs)), Math.round(Math.max(...r.runs)), r.runs.length, ...r.statements.map(Math.round)]),
  ]));
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; total ${(ms(started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
