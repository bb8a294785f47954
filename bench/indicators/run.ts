/**
 * Indicator engine at national size: a country of 34 provinces, 3 300 communes and 40 000 villages, about a million
 * manual values, 66 000 establishments with 100 000 inspections, denominators, and a plan per commune, province and the
 * country with the seven indicators of the seed.
 * For one commune, one province and the country it times computing every indicator of the plan with the engine
 * (computeIndicator, one measure at a time) next to one hand-written SQL aggregate of the same numbers, checks that the
 * numbers are equal, and prints engine ÷ SQL. Then it times the whole board (buildBoard) of the same three plans.
 * On PGlite (temporary folder) and on PostgreSQL (scratch database, dropped at the end). Prints figures only.
 */
import { sql, type KyselyPlugin, type RawBuilder } from 'kysely';
import { DEFAULT_REPORTING_CALENDAR, DENOMINATOR_GROUPS, periodRange, type TIndicatorValue, type TMeasureRef } from '@pcmd/contracts';
import type { Db } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { ensureCountryRoot, systemContext } from '../../apps/server/src/demo/demo-data.js';
import { SEED_MANUAL_MEASURES, tanHungPlan } from '../../apps/server/src/demo/seed-plans.js';
import { computeIndicator, targetFor, type IndicatorDefinition } from '../../apps/server/src/modules/indicators/indicators.engine.js';
import { buildBoard } from '../../apps/server/src/modules/indicators/indicators.service.js';
import { monthWindows } from '../../apps/server/src/modules/indicators/measures.js';
import { listIndicators } from '../../apps/server/src/modules/plans/plans.repository.js';
import { lastDay } from '../../apps/server/src/modules/units/units.measures.js';
import { formatTable, median } from '../lib/table.js';
import { pgliteBackend, postgresBackend, type Backend } from '../lib/backends.js';

const SIZE = { provinces: 34, communes: 3300, villages: 40_000 } as const;
const PERIOD = '2026';
const CALENDAR = DEFAULT_REPORTING_CALENDAR;
const REPS = Number(process.env.BENCH_REPS ?? 5);
/** To keep the run short: after a first run over SLOW_MS, 3 timed runs instead of REPS; over VERY_SLOW_MS, 1. */
const SLOW_MS = 4000;
const VERY_SLOW_MS = 10_000;
/** Set BENCH_BACKENDS=pglite or =postgres to run one backend only. */
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');

const MANUAL_KEYS = SEED_MANUAL_MEASURES.map(([key]) => key);
const GROUPS = Object.keys(DENOMINATOR_GROUPS);
/** The reporting months of the year: [15/12, 15/01), …, [15/11, 15/12) with the default calendar. */
const MONTHS = monthWindows(periodRange(CALENDAR, PERIOD).from, periodRange(CALENDAR, PERIOD).to);
const ms = (t: number) => performance.now() - t;
const today = () => new Date().toISOString().slice(0, 10);

// --- generation ---------------------------------------------------------------------------------

/**
 * Manual values: each village has 2 of the n manual measures of the seed in each of the 12 months (960 000 rows), each
 * commune 1 (39 600), each province all n (34 × 12 × n). Which measures rotates with the unit id and the month; values
 * are 0–10. `villageMeasures` = 1 halves the village rows (for a backend too slow to load a million).
 */
function manualValuesStatement(month: number, villageMeasures: 1 | 2): RawBuilder<unknown> {
  const { from, to } = MONTHS[month];
  const n = MANUAL_KEYS.length;
  const second = villageMeasures === 2 ? sql`or (u.id + ${month} + ${Math.floor(n / 2)}) % ${n} = k.i - 1` : sql``;
  return sql`
    insert into manual_values (measure_key, unit_id, period_start, period_end, value)
    select k.key, u.id, ${from}::date, ${to}::date, (u.id * 7 + ${month} * 3 + k.i) % 11
      from units u cross join unnest(${MANUAL_KEYS}::text[]) with ordinality as k(key, i)
     where u.code like 'B%'
       and ((u.level = 4 and ((u.id + ${month}) % ${n} = k.i - 1 ${second}))
         or (u.level = 3 and (u.id + ${month}) % ${n} = k.i - 1)
         or u.level = 1)
     order by u.id, k.key`;
}

/** The seven indicators of the seed plan, and their targets with one for 2026 each (the seed gives some only for 2026-2030). */
function seedIndicators() {
  const indicators = tanHungPlan(0).indicators.map((ind, position) => ({
    position,
    name: ind.name,
    shape: ind.shape,
    numerator: ind.numerator,
    denominator: ind.denominator,
    comparator: ind.comparator,
    unit_level: ind.unitLevel,
  }));
  const targets = tanHungPlan(0).indicators.flatMap((ind, position) => {
    const own = ind.targets.map((t) => ({ position, period_key: t.periodKey, target: t.target }));
    return own.some((t) => t.period_key === PERIOD) ? own : [...own, { position, period_key: PERIOD, target: own[0].target }];
  });
  return { indicators, targets };
}

async function step(label: string, timings: [string, number][], fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  timings.push([label, ms(t)]);
  console.log(`  ${label}: ${(ms(t) / 1000).toFixed(1)} s`);
}

const exec = (db: Db, query: RawBuilder<unknown>) => query.execute(db);

/** Generates the country with bulk statements (one per level or per month), as insertUnits would leave it. */
async function generate(db: Db, villageMeasures: 1 | 2): Promise<[string, number][]> {
  const timings: [string, number][] = [];
  const country = await ensureCountryRoot(db);
  const P = SIZE.provinces;
  const C = SIZE.communes;
  // Provinces B01…B34; commune c belongs to province (c-1) % 34 + 1; village v to commune (v-1) % 3300 + 1.
  // Rows go in by province then commune, as an import in code order would, so a subtree's ids are close together.
  const provCode = (c: RawBuilder<unknown>) => sql`'B' || lpad(((${c} - 1) % ${P} + 1)::text, 2, '0')`;
  const communeCode = (c: RawBuilder<unknown>) => sql`${provCode(c)} || '-' || lpad((${c})::text, 4, '0')`;
  const closure = (level: number) => sql`
    insert into unit_closure (ancestor_id, descendant_id, depth)
    select c.ancestor_id, u.id, c.depth + 1 from units u join unit_closure c on c.descendant_id = u.parent_id
     where u.level = ${level} and u.code like 'B%'
    union all
    select id, id, 0 from units where level = ${level} and code like 'B%'`;

  await step(`units (${P} + ${C} + ${SIZE.villages}), closure, lineage`, timings, async () => {
    await exec(db, sql`
      insert into units (code, name, type, level, parent_id, valid_from)
      select 'B' || lpad(p::text, 2, '0'), 'Tỉnh Thử Nghiệm ' || p, 'tinh', 1, ${country}, '2025-07-01'
        from generate_series(1, ${P}) p order by p`);
    await exec(db, closure(1));
    await exec(db, sql`
      insert into units (code, name, type, level, parent_id, valid_from)
      select ${communeCode(sql`c`)}, case when c % 4 = 0 then 'Phường Thử ' else 'Xã Thử ' end || c,
             case when c % 4 = 0 then 'phuong' else 'xa' end, 3, p.id, '2025-07-01'
        from generate_series(1, ${C}) c join units p on p.code = ${provCode(sql`c`)} and p.level = 1
       order by p.id, c`);
    await exec(db, closure(3));
    await exec(db, sql`
      insert into units (code, name, type, level, parent_id, valid_from)
      select x.code || '-' || lpad(((v - 1) / ${C} + 1)::text, 2, '0'),
             case when x.type = 'phuong' then 'Tổ dân phố ' else 'Thôn ' end || ((v - 1) / ${C} + 1),
             case when x.type = 'phuong' then 'to_dan_pho' else 'thon' end, 4, x.id, '2025-07-01'
        from generate_series(1, ${SIZE.villages}) v join units x on x.code = ${communeCode(sql`((v - 1) % ${C} + 1)`)} and x.level = 3
       order by x.id, v`);
    await exec(db, closure(4));
    await exec(db, sql`insert into unit_lineage (successor_id, predecessor_id, depth, partial) select id, id, 0, false from units where code like 'B%'`);
  });

  await step(`manual values (12 monthly statements)`, timings, async () => {
    await exec(db, sql`insert into manual_measures (key, name, unit_id)
                       select k, n, ${country} from unnest(${MANUAL_KEYS}::text[], ${SEED_MANUAL_MEASURES.map(([, name]) => name)}::text[]) as m(k, n)`);
    for (let m = 0; m < MONTHS.length; m++) await exec(db, manualValuesStatement(m, villageMeasures));
  });

  // Establishments: 0–3 a village (1.5 on average) and 2 a commune; 1 in 10 closed (some before the period, some in it),
  // a few opened after it. Inspections: 0–3 an establishment, from 01/10/2025 to 25/12/2026, so some fall outside the period.
  await step('establishments and inspections', timings, async () => {
    await exec(db, sql`
      insert into establishments (unit_id, name, type_code, address, status, opened_on, closed_on, risk_level, classified_on, commitment_signed_on)
      select u.id, 'Cơ sở ' || u.id || '-' || k, t.codes[1 + (u.id + k) % array_length(t.codes, 1)], 'Số ' || k || ', ' || u.name,
             case when h % 10 = 0 then 'closed' else 'operating' end,
             date '2017-01-01' + h % 3650,
             case when h % 10 = 0 then date '2017-01-01' + h % 3650 + h % 1200 end,
             (array[null, 'low', 'medium', 'high'])[1 + h % 4],
             case when h % 4 > 0 then date '2025-06-01' + h % 300 end,
             case when h % 3 = 0 then date '2025-06-01' + h % 400 end
        from units u
        cross join generate_series(1, case when u.level = 3 then 2 else u.id % 4 end) k
        cross join lateral (select (u.id * 7919 + k * 104729) % 100003 as h) x
        cross join (select array_agg(code order by position) as codes from establishment_types) t
       where u.level in (3, 4) and u.code like 'B%'
       order by u.id, k`);
    await exec(db, sql`
      insert into inspections (establishment_id, kind, inspected_on, people_present)
      select e.id, (array['periodic', 'thematic', 'surprise'])[1 + (e.id + j) % 3], date '2025-10-01' + (e.id * 31 + j * 97) % 451, (e.id + j) % 5
        from establishments e cross join generate_series(1, e.id % 4) j
       order by e.id, j`);
  });

  await step('denominators (every commune, 2026)', timings, () =>
    exec(db, sql`insert into denominators (group_key, unit_id, year, value)
                 select g, u.id, 2026, 5 + (u.id * 13 + length(g)) % 60
                   from units u cross join unnest(${GROUPS}::text[]) g where u.level = 3 and u.code like 'B%'
                  order by u.id, g`),
  );

  const { indicators, targets } = seedIndicators();
  await step('plans, indicators, targets, tasks', timings, async () => {
    const calendar = JSON.stringify(CALENDAR);
    const plans = (level: number) => sql`
      insert into plans (unit_id, parent_plan_id, number_symbol, issue_date, place_name, subject, period_from_year, period_to_year,
                         reporting_calendar, status)
      select u.id, pp.id, u.id || '/KH-UBND', '2026-05-29', u.name,
             'Triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026-2030 trên địa bàn ' || u.name,
             2026, 2030, ${calendar}::jsonb, 'issued'
        from units u left join plans pp on pp.unit_id = u.parent_id
       where u.level = ${level} and (u.code like 'B%' or u.level = 0)
       order by u.id`;
    const planIndicators = (level: number) => sql`
      insert into plan_indicators (plan_id, parent_indicator_id, position, name, shape, numerator, denominator, comparator, unit_level)
      select p.id, pi.id, k.position, k.name, k.shape, k.numerator, k.denominator, k.comparator, k.unit_level
        from plans p join units u on u.id = p.unit_id
        cross join jsonb_to_recordset(${JSON.stringify(indicators)}::jsonb)
             as k(position int, name text, shape text, numerator jsonb, denominator jsonb, comparator text, unit_level smallint)
        left join plan_indicators pi on pi.plan_id = p.parent_plan_id and pi.position = k.position
       where u.level = ${level}
       order by p.id, k.position`;
    for (const level of [0, 1, 3]) {
      await exec(db, plans(level));
      await exec(db, planIndicators(level));
    }
    await exec(db, sql`
      insert into indicator_targets (indicator_id, period_key, target)
      select i.id, t.period_key, t.target
        from plan_indicators i join jsonb_to_recordset(${JSON.stringify(targets)}::jsonb) as t(position int, period_key text, target numeric)
          on t.position = i.position`);
    // 3–6 tasks a plan, deadlines from 15/01 to 10/12/2026; h = 0–4 done on time, 5–6 done late, 7 in progress, 8 not started, 9 cancelled.
    await exec(db, sql`
      insert into plan_tasks (plan_id, position, title, lead_agency, deadline, status, done_at)
      select p.id, k, 'Nhiệm vụ ' || (k + 1), 'Phòng Văn hóa - Xã hội', d.deadline,
             case when d.h < 7 then 'done' when d.h = 7 then 'in_progress' when d.h = 8 then 'not_started' else 'cancelled' end,
             case when d.h < 5 then d.deadline - d.h * 3 when d.h < 7 then d.deadline + 1 + d.h * 4 end
        from plans p
        cross join generate_series(0, 2 + p.id % 4) k
        cross join lateral (select date '2026-01-15' + (p.id * 37 + k * 53) % 330 as deadline, (p.id * 7 + k * 3) % 10 as h) d
       order by p.id, k`);
  });

  await step('analyze', timings, () => exec(db, sql`analyze`));
  return timings;
}

async function rowCounts(db: Db): Promise<[string, number][]> {
  const { rows } = await sql<Record<string, number>>`
    select (select count(*) from units where level = 1)::int as "units: provinces",
           (select count(*) from units where level = 3)::int as "units: communes",
           (select count(*) from units where level = 4)::int as "units: villages/groups",
           (select count(*) from unit_closure)::int as "unit_closure",
           (select count(*) from unit_lineage)::int as "unit_lineage",
           (select count(*) from manual_measures)::int as "manual_measures",
           (select count(*) from manual_values)::int as "manual_values",
           (select count(*) from establishments)::int as "establishments",
           (select count(*) from inspections)::int as "inspections",
           (select count(*) from denominators)::int as "denominators",
           (select count(*) from plans)::int as "plans",
           (select count(*) from plan_indicators)::int as "plan_indicators",
           (select count(*) from indicator_targets)::int as "indicator_targets",
           (select count(*) from plan_tasks)::int as "plan_tasks"`.execute(db);
  return Object.entries(rows[0]);
}

// --- the two ways to compute --------------------------------------------------------------------

const asOfFor = (to: string) => (today() < to ? today() : to);

/** The engine, as the board calls it: each indicator in turn, each measure its own query (and a lookup of the measure). */
async function engine(db: Db, defs: IndicatorDefinition[], unitId: number): Promise<TIndicatorValue[]> {
  const { to } = periodRange(CALENDAR, PERIOD);
  const out: TIndicatorValue[] = [];
  for (const def of defs) out.push(await computeIndicator(db, def, unitId, CALENDAR, PERIOD, targetFor(def.targets, PERIOD), asOfFor(to)));
  return out;
}

interface HandNumbers {
  manual: Record<string, number>;
  den: Record<string, number>;
  villages: number;
  active: number;
  inspected: number;
  due: number;
  done: number;
}

/**
 * One statement: every number the seven indicators need, over the unit's subtree (no history in this data set, so the
 * closure alone gives the engine's record units). Two forms that differ in one word: with the subtree inlined into each
 * aggregate the planner knows its size; materialized, it guesses 200 rows and loops over the unit index.
 * On PostgreSQL neither form is the faster at every size, so both are timed and the ratio uses the faster.
 */
type HandForm = 'inlined' | 'materialized';
const HAND_FORMS: HandForm[] = ['inlined', 'materialized'];

async function handSql(db: Db, unitId: number, form: HandForm): Promise<HandNumbers> {
  const { from, to } = periodRange(CALENDAR, PERIOD);
  const on = lastDay(to);
  const { rows } = await sql<HandNumbers>`
    with sub as ${form === 'inlined' ? sql`not materialized` : sql`materialized`} (select descendant_id as id from unit_closure where ancestor_id = ${unitId}),
    manual as (
      select measure_key, sum(value)::float8 as v from manual_values
       where unit_id in (select id from sub) and measure_key = any(${MANUAL_KEYS}::text[])
         and period_start >= ${from}::date and period_end <= ${to}::date
       group by measure_key),
    den as (
      select group_key, sum(value)::float8 as v from denominators
       where unit_id in (select id from sub) and year = ${Number(on.slice(0, 4))} and group_key = any(${GROUPS}::text[])
       group by group_key),
    tasks as (
      select count(*)::int as due, (count(*) filter (where t.status = 'done' and t.done_at <= t.deadline))::int as done
        from plan_tasks t join plans p on p.id = t.plan_id
       where p.unit_id in (select id from sub) and p.status <> 'superseded' and t.status <> 'cancelled'
         and t.deadline >= ${from}::date and t.deadline < ${to}::date and t.deadline < ${asOfFor(to)}::date)
    select (select count(*)::int from establishments e
             where e.unit_id in (select id from sub) and e.opened_on < ${to}::date and (e.closed_on is null or e.closed_on >= ${from}::date)) as active,
           (select count(distinct i.establishment_id)::int from inspections i join establishments e on e.id = i.establishment_id
             where e.unit_id in (select id from sub) and i.inspected_on >= ${from}::date and i.inspected_on < ${to}::date) as inspected,
           (select coalesce(jsonb_object_agg(measure_key, v), '{}') from manual) as manual,
           (select coalesce(jsonb_object_agg(group_key, v), '{}') from den) as den,
           (select count(*)::int from sub join units u on u.id = sub.id
             where u.level = 4 and u.valid_from <= ${on}::date and (u.valid_to is null or u.valid_to > ${on}::date)) as villages,
           (select due from tasks) as due, (select done from tasks) as done`.execute(db);
  return rows[0];
}

/**
 * The hand-computed number for a measure reference of the seed's indicators; null for the registries this benchmark
 * does not generate (tips, outreach, training), whose indicators are timed but not cross-checked.
 */
function handValue(h: HandNumbers, ref: TMeasureRef): number | null {
  if (ref.measure.startsWith('manual.')) return h.manual[ref.measure] ?? 0;
  if (ref.measure.startsWith('denominator.')) return h.den[ref.measure.slice('denominator.'.length)] ?? 0;
  if (ref.measure === 'units.count' && Number(ref.params?.level) === 4) return h.villages;
  if (ref.measure === 'establishments.active') return h.active;
  if (ref.measure === 'establishments.inspected') return h.inspected;
  if (ref.measure === 'tasks.due') return h.due;
  if (ref.measure === 'tasks.done_on_time') return h.done;
  return null;
}

function compare(defs: IndicatorDefinition[], got: TIndicatorValue[], h: HandNumbers): string[] {
  const problems: string[] = [];
  defs.forEach((def, i) => {
    const num = handValue(h, def.numerator);
    const den = def.denominator ? handValue(h, def.denominator) : null;
    if (num === null || (def.denominator && den === null)) return;
    if (got[i].numerator !== num || got[i].denominator !== den)
      problems.push(`indicator ${def.id} «${def.name.slice(0, 40)}…»: engine ${got[i].numerator}/${got[i].denominator}, SQL ${num}/${den}`);
  });
  return problems;
}

/** Median of REPS timed runs (fewer if the first, uncounted run was slow); `first` is that run's time when the caller made it. */
async function timeIt(fn: () => Promise<unknown>, first?: number): Promise<{ median: number; runs: number[] }> {
  if (first === undefined) {
    const t = performance.now();
    await fn();
    first = ms(t);
  }
  const reps = first > VERY_SLOW_MS ? 1 : first > SLOW_MS ? Math.min(3, REPS) : REPS;
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    runs.push(ms(t));
  }
  return { median: median(runs), runs };
}

function countingQueries(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), count: () => n };
}

// --- the run ------------------------------------------------------------------------------------

interface Scope {
  label: string;
  unitId: number;
  planId: number;
}

interface ComputeRow {
  backend: string;
  scope: string;
  units: number;
  values: number;
  queries: number;
  engine: number;
  hand: Record<HandForm, number>;
  equal: boolean;
}

interface BoardRow {
  backend: string;
  scope: string;
  queries: number;
  board: number;
  runs: number;
  computeMs: number;
}

async function pickScopes(db: Db): Promise<Scope[]> {
  // The first commune of the first province (12 villages), that province (98 communes), and the country.
  const pick = async (where: RawBuilder<unknown>, label: string) => {
    const { rows } = await sql<{ unit_id: number; plan_id: number; name: string }>`
      select u.id as unit_id, p.id as plan_id, u.name from units u join plans p on p.unit_id = u.id where ${where} order by u.code limit 1`.execute(db);
    return { label: `${label}: ${rows[0].name}`, unitId: rows[0].unit_id, planId: rows[0].plan_id };
  };
  return [await pick(sql`u.level = 3 and u.code like 'B01-%'`, 'commune'), await pick(sql`u.level = 1 and u.code = 'B01'`, 'province'), await pick(sql`u.level = 0`, 'country')];
}

async function definitions(db: Db, planId: number): Promise<IndicatorDefinition[]> {
  return (await listIndicators(db, planId)).map((i) => ({
    id: i.id,
    name: i.name,
    shape: i.shape as IndicatorDefinition['shape'],
    numerator: i.numerator as TMeasureRef,
    denominator: (i.denominator as TMeasureRef | null) ?? null,
    comparator: i.comparator as IndicatorDefinition['comparator'],
    unitLevel: i.unit_level,
    targets: Object.fromEntries(i.targets.map((t) => [t.periodKey, t.target])),
  }));
}

async function runBackend(backend: Backend, computeRows: ComputeRow[], boardRows: BoardRow[], genRows: (string | number)[][]) {
  console.log(`\n=== ${backend.name} ===`);
  const handle = await backend.open();
  try {
    const db = handle.db;
    let t = performance.now();
    await migrate(handle);
    genRows.push([backend.name, 'migrate', Math.round(ms(t))]);
    console.log(`  migrate: ${(ms(t) / 1000).toFixed(1)} s`);
    const villageMeasures = backend.name === 'PGlite' && process.env.BENCH_PGLITE_SMALL ? 1 : 2;
    if (villageMeasures === 1) console.log('  !!! BENCH_PGLITE_SMALL: 1 measure a village a month on PGlite (about 520 000 manual values instead of 1 000 000)');
    console.log(backend.name === 'PGlite' ? '  PGlite in a temporary folder, as the server uses it' : '  PostgreSQL scratch database');
    t = performance.now();
    for (const [label, took] of await generate(db, villageMeasures)) genRows.push([backend.name, label, Math.round(took)]);
    genRows.push([backend.name, 'generation in total', Math.round(ms(t))]);
    const counts = await rowCounts(db);
    console.log('  rows: ' + counts.map(([k, v]) => `${k} ${v}`).join(', '));
    genRows.push(...counts.map(([k, v]) => [backend.name, `rows: ${k}`, v]));

    for (const scope of await pickScopes(db)) {
      const defs = await definitions(db, scope.planId);
      const { rows: size } = await sql<{ units: number; values: number }>`
        select (select count(*) from unit_closure where ancestor_id = ${scope.unitId})::int as units,
               (select count(*) from manual_values where unit_id in (select descendant_id from unit_closure where ancestor_id = ${scope.unitId}))::int as values`.execute(db);
      // A first, uncounted run of each: it checks the numbers and counts the engine's queries.
      const counting = countingQueries(db);
      t = performance.now();
      const got = await engine(counting.db, defs, scope.unitId);
      const engineFirst = ms(t);
      const problems: string[] = [];
      const handFirst = {} as Record<HandForm, number>;
      for (const form of HAND_FORMS) {
        t = performance.now();
        const numbers = await handSql(db, scope.unitId, form);
        handFirst[form] = ms(t);
        for (const p of compare(defs, got, numbers)) problems.push(`SQL ${form}: ${p}`);
      }
      for (const p of problems) console.error(`  !!! MISMATCH ${backend.name} ${scope.label}: ${p}`);
      const e = await timeIt(() => engine(db, defs, scope.unitId), engineFirst);
      const h = {
        inlined: await timeIt(() => handSql(db, scope.unitId, 'inlined'), handFirst.inlined),
        materialized: await timeIt(() => handSql(db, scope.unitId, 'materialized'), handFirst.materialized),
      };
      const row: ComputeRow = {
        backend: backend.name, scope: scope.label, units: size[0].units, values: size[0].values, queries: counting.count(), engine: e.median,
        hand: { inlined: h.inlined.median, materialized: h.materialized.median }, equal: problems.length === 0,
      };
      computeRows.push(row);
      const runs = (t: { runs: number[] }) => t.runs.map(Math.round).join(', ');
      console.log(`  ${scope.label}: engine ${row.engine.toFixed(1)} ms (${row.queries} queries; runs ${runs(e)}), SQL inlined ${row.hand.inlined.toFixed(1)} ms (runs ${runs(h.inlined)}), materialized ${row.hand.materialized.toFixed(1)} ms (runs ${runs(h.materialized)}), numbers ${row.equal ? 'equal' : 'DIFFER'}`);
      console.log(`    ${got.map((g) => `${g.numerator}/${g.denominator ?? '-'} ${g.status}`).join('; ')}`);
    }

    // The whole board: the current value, the trend (one value a year up to this one) and each child unit's value, for every indicator.
    const country = await ensureCountryRoot(db);
    for (const scope of await pickScopes(db)) {
      const counting = countingQueries(db);
      const ctx = systemContext(counting.db, country);
      t = performance.now();
      await buildBoard(ctx, scope.planId, PERIOD);
      const first = ms(t);
      const queries = counting.count();
      const b = await timeIt(() => buildBoard(systemContext(db, country), scope.planId, PERIOD), first);
      const computeMs = computeRows.find((r) => r.backend === backend.name && r.scope === scope.label)?.engine ?? NaN;
      boardRows.push({ backend: backend.name, scope: scope.label, queries, board: b.median, runs: b.runs.length, computeMs });
      console.log(`  board ${scope.label}: ${b.median.toFixed(0)} ms (${queries} queries; first ${first.toFixed(0)} ms, runs ${b.runs.map(Math.round).join(', ')})`);
    }
  } finally {
    await handle.close();
  }
}

async function main() {
  const started = performance.now();
  const computeRows: ComputeRow[] = [];
  const boardRows: BoardRow[] = [];
  const genRows: (string | number)[][] = [];
  const { from, to } = periodRange(CALENDAR, PERIOD);
  console.log(`Indicator benchmark: period ${PERIOD} = [${from}, ${to}), as of ${asOfFor(to)}; median of ${REPS} runs (3 after a first run over ${SLOW_MS / 1000} s, 1 over ${VERY_SLOW_MS / 1000} s) after one uncounted run`);
  const makers: Record<string, () => Promise<Backend>> = { pglite: async () => pgliteBackend('ind'), postgres: postgresBackend };
  for (const key of BACKENDS) {
    const backend = await makers[key.trim()]();
    try {
      await runBackend(backend, computeRows, boardRows, genRows);
    } finally {
      await backend.cleanup();
    }
  }

  console.log('\n' + formatTable([['backend', 'generation step / rows', 'ms or rows'], ...genRows]));
  console.log('\n' + formatTable([
    ['backend', 'every indicator of the plan of', 'units', 'manual values', 'engine queries', 'engine ms', 'SQL inlined ms', 'SQL materialized ms', 'engine ÷ faster SQL', 'numbers'],
    ...computeRows.map((r) => {
      const oneDecimal = (x: number) => Math.round(x * 10) / 10;
      const best = Math.min(r.hand.inlined, r.hand.materialized);
      return [r.backend, r.scope, r.units, r.values, r.queries, oneDecimal(r.engine), oneDecimal(r.hand.inlined), oneDecimal(r.hand.materialized), (r.engine / best).toFixed(1), r.equal ? 'equal' : 'MISMATCH'];
    }),
  ]));
  console.log('\n' + formatTable([
    ['backend', 'board of the plan of', 'queries', 'board ms', 'timed runs', 'board ÷ indicators alone'],
    ...boardRows.map((r) => [r.backend, r.scope, r.queries, Math.round(r.board), r.runs, (r.board / r.computeMs).toFixed(1)]),
  ]));
  if (computeRows.some((r) => !r.equal)) console.error('\n!!! The engine and the hand-written SQL disagree: see MISMATCH above.');
  console.log(`\ntotal ${(ms(started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
