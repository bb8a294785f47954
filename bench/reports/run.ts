/**
 * bench/reports: time and peak memory to build a commune's 6-month report and the consolidated report of a province
 * over 100 communes (.docx and .xlsx), on PGlite and on PostgreSQL.
 * A province of 100 communes × 12 villages, the demo province plan (its 8 indicators) derived into 100 commune plans,
 * and registry data generated in bulk (establishments, inspections, tips, online posts, outreach, training, manual
 * values, denominators, tasks). Then, through the reports service as the app calls it:
 *   (a) one commune: its content (buildUnitContent), the draft as the document routes read it, the .docx and the .xlsx;
 *   (b) the 100 commune reports: created, submitted (numbers frozen in a snapshot) and approved, one after the other;
 *   (c) the province: the consolidated report from the 100 snapshots, its .docx and .xlsx.
 * Figures only; no pass or fail. Run: npm run bench:reports   (BENCH_BACKENDS=pglite or postgres runs one backend;
 * BENCH_REPS changes the number of timed runs, 5 by default.)
 */
import { loadavg } from 'node:os';
import { sql, type KyselyPlugin, type RawBuilder } from 'kysely';
import {
  DEFAULT_REPORTING_CALENDAR,
  DENOMINATOR_GROUPS,
  OUTREACH_CHANNELS,
  OUTREACH_TARGET_GROUPS,
  ROSTER_KINDS,
  TIP_CATEGORIES,
  TIP_CHANNELS,
  TIP_KINDS,
  ZCreatePlanRequest,
  periodRange,
  type TMeasureRef,
  type TPlan,
  type TReportContent,
  type TRole,
} from '@pcmd/contracts';
import type { Db } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { ensureCountryRoot, systemContext } from '../../apps/server/src/demo/demo-data.js';
import { SEED_MANUAL_MEASURES, provincePlan } from '../../apps/server/src/demo/seed-plans.js';
import type { RequestContext } from '../../apps/server/src/lib/context.js';
import { monthWindows } from '../../apps/server/src/modules/indicators/measures.js';
import { defineManualMeasure } from '../../apps/server/src/modules/indicators/indicators.service.js';
import { resolveMeasure } from '../../apps/server/src/modules/indicators/measure-registry.js';
import { createPlan, derivePlan, getPlan, updatePlan } from '../../apps/server/src/modules/plans/plans.service.js';
import { buildUnitContent } from '../../apps/server/src/modules/reports/reports.content.js';
import { renderReportAnnex, renderReportDocument } from '../../apps/server/src/modules/reports/reports.document.js';
import { approveReport, createReport, getReportForDocument, reportOverview, submitReport, type ReportSettings } from '../../apps/server/src/modules/reports/reports.service.js';
import { insertUnits } from '../../apps/server/src/modules/units/units.repository.js';
import { formatTable, median } from '../lib/table.js';
import { pgliteBackend, postgresBackend, type Backend } from '../lib/backends.js';

const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 12;
const PERIOD = '2026H1';
const REPS = Number(process.env.BENCH_REPS ?? 5);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((b) => b.trim());
/** The server's default (PCMD_SMALL_COUNT_THRESHOLD). */
const SETTINGS: ReportSettings = { smallCountThreshold: 5 };

const TIPS = 30_000;
const ONLINE_POSTS = 2_000;
const ACTIVITIES = 60_000;
const PEOPLE_PER_COMMUNE = 20;

const ms = (t: number) => performance.now() - t;
const mb = (bytes: number) => bytes / 2 ** 20;

/** A real actor of a role at a unit, as the session middleware would build it (user 0: no users row; the services store null). */
function actor(db: Db, role: TRole, unitId: number, username: string): RequestContext {
  return { db, actor: { userId: 0, username, role, unitId }, requestId: 'bench', locale: 'vi' };
}

// --- memory ---------------------------------------------------------------------------------------

/** Runs fn while sampling the process's memory every 25 ms; returns its time, the peak RSS and its growth above the start. */
async function measured<T>(fn: () => Promise<T>) {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t0 = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: ms(t0), peakMb: mb(peak), growthMb: mb(peak - start) };
  } finally {
    clearInterval(timer);
  }
}

interface Timed {
  median: number;
  min: number;
  max: number;
  /** The highest RSS seen in any run, the first included (it is the one that allocates). */
  peakMb: number;
  /** RSS growth during the first run: what one call costs a fresh process. */
  firstGrowthMb: number;
  bytes?: number;
}

/** One uncounted run (its memory is kept), then REPS timed runs. */
async function timeIt(fn: () => Promise<unknown>): Promise<Timed> {
  const first = await measured(fn);
  const runs: number[] = [];
  let peakMb = first.peakMb;
  let bytes: number | undefined;
  for (let i = 0; i < REPS; i++) {
    const r = await measured(fn);
    runs.push(r.ms);
    peakMb = Math.max(peakMb, r.peakMb);
    if (Buffer.isBuffer(r.result)) bytes = r.result.length;
  }
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), peakMb, firstGrowthMb: first.growthMb, bytes };
}

// --- generation -----------------------------------------------------------------------------------

interface Places {
  country: number;
  provinceId: number;
  communeIds: number[];
}

/** A fictional province of communes with villages, through the same bulk insert the app uses. */
async function createProvince(db: Db): Promise<Places> {
  const country = await ensureCountryRoot(db);
  const units: Parameters<typeof insertUnits>[1] = [{ code: 'BR', name: 'Tỉnh Thử Nghiệm', type: 'tinh', level: 1, parentId: country, validFrom: '2025-07-01' }];
  for (let c = 0; c < COMMUNES; c++) {
    const communeIndex = units.length;
    const ward = c % 4 === 3;
    units.push({ code: `BR-${String(c).padStart(3, '0')}`, name: `${ward ? 'Phường' : 'Xã'} Thử ${c + 1}`, type: ward ? 'phuong' : 'xa', level: 3, parentIndex: 0, parentId: null, validFrom: '2025-07-01' });
    for (let v = 0; v < VILLAGES_PER_COMMUNE; v++)
      units.push({
        code: `BR-${String(c).padStart(3, '0')}-${String(v).padStart(2, '0')}`, name: `${ward ? 'Tổ dân phố' : 'Thôn'} ${v + 1}`, type: ward ? 'to_dan_pho' : 'thon',
        level: 4, parentIndex: communeIndex, parentId: null, validFrom: '2025-07-01',
      });
  }
  const ids = await insertUnits(db, units);
  return { country, provinceId: ids[0], communeIds: ids.filter((_, i) => units[i].level === 3) };
}

const exec = (db: Db, query: RawBuilder<unknown>) => query.execute(db);

/** Units of the province as two arrays, so that each generator can pick one by position in a single pass. */
const scope = (provinceId: number) => sql`
  scope as (
    select array_agg(u.id order by u.id) filter (where u.level = 4) as villages,
           array_agg(u.id order by u.id) filter (where u.level = 3) as communes
      from units u join unit_closure c on c.descendant_id = u.id where c.ancestor_id = ${provinceId})`;

/**
 * Registry data of the province, one statement per table. Dates run from 01/10/2025 to late 2026, so that some fall
 * before and after the 6-month period (15/12/2025–15/06/2026 with the default calendar).
 */
async function generateRegistries(db: Db, provinceId: number): Promise<[string, number][]> {
  const timings: [string, number][] = [];
  const step = async (label: string, ...queries: RawBuilder<unknown>[]) => {
    const t = performance.now();
    for (const q of queries) await exec(db, q);
    timings.push([label, ms(t)]);
  };
  const inProvince = sql`u.id in (select descendant_id from unit_closure where ancestor_id = ${provinceId})`;

  // 0–6 establishments a village (3 on average), 3 a commune; 1 in 10 closed, some classified and committed.
  // Inspections: 0–3 an establishment; 1 in 5 finds a violation, 1 in 10 a sanction.
  await step(
    'establishments, inspections, violations, sanctions',
    sql`
      insert into establishments (unit_id, name, type_code, address, status, opened_on, closed_on, risk_level, classified_on, commitment_signed_on)
      select u.id, 'Cơ sở ' || u.id || '-' || k, t.codes[1 + (u.id + k) % array_length(t.codes, 1)], 'Số ' || k || ', ' || u.name,
             case when h % 10 = 0 then 'closed' else 'operating' end,
             date '2017-01-01' + h % 3000,
             case when h % 10 = 0 then date '2017-01-01' + h % 3000 + h % 1200 end,
             (array[null, 'low', 'medium', 'high'])[1 + h % 4],
             case when h % 4 > 0 then date '2025-06-01' + h % 300 end,
             case when h % 3 = 0 then date '2025-06-01' + h % 400 end
        from units u
        cross join generate_series(1, case when u.level = 3 then 3 else u.id % 7 end) k
        cross join lateral (select (u.id * 7919 + k * 104729) % 100003 as h) x
        cross join (select array_agg(code order by position) as codes from establishment_types) t
       where u.level in (3, 4) and ${inProvince}
       order by u.id, k`,
    sql`
      insert into inspections (establishment_id, kind, inspected_on, people_present)
      select e.id, (array['periodic', 'thematic', 'surprise'])[1 + (e.id + j) % 3], date '2025-10-01' + (e.id * 31 + j * 97) % 420, (e.id + j) % 5
        from establishments e cross join generate_series(1, e.id % 4) j
       order by e.id, j`,
    sql`insert into inspection_violations (inspection_id, violation_code) select id, 'late_hours' from inspections where id % 5 = 0`,
    sql`
      insert into sanctions (inspection_id, decision_no, decision_date, issuer, fine_amount)
      select id, id || '/QĐ-XPHC', inspected_on + 3, 'Chủ tịch UBND xã', 5000000 from inspections where id % 10 = 0`,
  );

  // Tips: 80 % in villages, 20 % at communes; 7 in 10 handled, most of them within the deadline.
  await step(
    `tips (${TIPS}), online posts (${ONLINE_POSTS})`,
    sql`
      with ${scope(provinceId)},
      base as (
        select g, (g * 7919) % 1000 as r, timestamptz '2025-10-01 08:00+07' + ((g * 37) % 420) * interval '1 day' + (g % 600) * interval '1 minute' as received_at
          from generate_series(1, ${TIPS}::int) g)
      insert into tips (reference_code, unit_id, description, category, channel, kind, status, result, received_at, deadline, handled_at, anonymous, priority)
      select 'BR-' || lpad(b.g::text, 8, '0'),
             case when b.r < 800 then s.villages[1 + b.g % array_length(s.villages, 1)] else s.communes[1 + b.g % array_length(s.communes, 1)] end,
             'Phản ánh ' || b.g || ': có dấu hiệu hoạt động mua bán dâm tại khu vực.',
             (${Object.keys(TIP_CATEGORIES)}::text[])[1 + b.g % ${Object.keys(TIP_CATEGORIES).length}],
             (${Object.keys(TIP_CHANNELS)}::text[])[1 + (b.g / 7) % ${Object.keys(TIP_CHANNELS).length}],
             (${Object.keys(TIP_KINDS)}::text[])[1 + (b.g / 3) % ${Object.keys(TIP_KINDS).length}],
             case when b.r < 700 then 'handled' when b.r < 850 then 'assigned' else 'received' end,
             case when b.r < 700 then 'confirmed_acted' end,
             b.received_at,
             (b.received_at at time zone 'Asia/Ho_Chi_Minh')::date + 20,
             case when b.r < 700 then least(now(), b.received_at + (1 + b.r % 30) * interval '1 day') end,
             true, 'normal'
        from base b, scope s`,
    sql`
      with ${scope(provinceId)}
      insert into online_posts (unit_id, platform, url, found_on, takedown_sent_on, takedown_result, removed_on)
      select s.communes[1 + g % array_length(s.communes, 1)], 'facebook', 'https://example.invalid/post/' || g, date '2025-10-01' + (g * 13) % 420,
             case when g % 2 = 0 then date '2025-10-01' + (g * 13) % 420 + 2 end,
             case when g % 2 = 0 then (array['pending', 'removed', 'refused', 'no_response'])[1 + g % 4] end,
             case when g % 4 = 2 then date '2025-10-01' + (g * 13) % 420 + 9 end
        from generate_series(1, ${ONLINE_POSTS}::int) g, scope s`,
  );

  // Outreach: one-off activities in 4 of 5 villages (so the groups covered are not all of them) and at communes, with
  // 1–2 target groups reached each; one weekly loudspeaker series a commune.
  const channels = Object.keys(OUTREACH_CHANNELS);
  const groups = Object.keys(OUTREACH_TARGET_GROUPS);
  await step(
    `outreach (${ACTIVITIES} activities, reach, series)`,
    sql`
      with ${scope(provinceId)},
      covered as (select array_agg(v order by v) as villages from scope, unnest(scope.villages) v where v % 5 <> 0)
      insert into outreach_activities (unit_id, held_on, agency, channel, topic)
      select case when g % 5 = 0 then s.communes[1 + g % array_length(s.communes, 1)] else c.villages[1 + g % array_length(c.villages, 1)] end,
             date '2025-10-01' + (g * 17) % 420, 'Hội Liên hiệp Phụ nữ', (${channels}::text[])[1 + (g / 5) % ${channels.length}], 'Tuyên truyền phòng, chống mại dâm ' || g
        from generate_series(1, ${ACTIVITIES}::int) g, scope s, covered c`,
    sql`
      insert into outreach_activity_reach (activity_id, target_group, reached)
      select a.id, (${groups}::text[])[1 + a.id % ${groups.length}], 10 + a.id % 90 from outreach_activities a
      union all
      select a.id, (${groups}::text[])[1 + (a.id + 5) % ${groups.length}], 3 + a.id % 40 from outreach_activities a where a.id % 3 = 0`,
    sql`
      insert into outreach_series (unit_id, agency, channel, topic, frequency, starts_on)
      select u.id, 'Đài truyền thanh xã', 'loudspeaker', 'Chuyên mục phòng, chống tệ nạn xã hội', 'weekly', date '2025-11-01' + u.id % 60
        from units u where u.level = 3 and ${inProvince}`,
    sql`insert into outreach_series_reach (series_id, target_group, reached) select id, 'residents', 0 from outreach_series`,
  );

  // Training: a roster of 20 people a commune (1 in 8 has left), two courses a commune, most people attend one.
  const kinds = Object.keys(ROSTER_KINDS);
  await step(
    'training (roster, courses, attendance)',
    sql`
      insert into training_people (unit_id, full_name, kind, agency, joined_on, left_on)
      select u.id, 'Người Thử ' || u.id || '-' || k, (${kinds}::text[])[1 + k % ${kinds.length}], 'UBND ' || u.name, date '2024-01-01' + (u.id + k) % 500,
             case when (u.id + k) % 8 = 0 then date '2026-03-01' + (u.id + k) % 200 end
        from units u cross join generate_series(1, ${PEOPLE_PER_COMMUNE}::int) k
       where u.level = 3 and ${inProvince}`,
    sql`
      insert into training_courses (unit_id, title, organiser, level, starts_on, ends_on)
      select u.id, 'Tập huấn nghiệp vụ ' || k, 'Sở Y tế', 'province', d, d + 1
        from units u cross join generate_series(1, 2) k cross join lateral (select date '2026-01-10' + k * 150 + u.id % 40 as d) x
       where u.level = 3 and ${inProvince}`,
    sql`
      insert into training_attendance (course_id, person_id, completed)
      select c.id, p.id, (p.id % 10) <> 0 from training_courses c join training_people p on p.unit_id = c.unit_id where (p.id + c.id) % 3 <> 0`,
  );

  // Manual values of the seed's data sets for each commune and each month of 2026, and every denominator group.
  const { from, to } = periodRange(DEFAULT_REPORTING_CALENDAR, '2026');
  const months = monthWindows(from, to);
  await step(
    'manual values, denominators, tasks',
    sql`
      insert into manual_values (measure_key, unit_id, period_start, period_end, value)
      select k.key, u.id, m.f, m.t, (u.id * 7 + k.i * 3 + m.i) % 9
        from units u
        cross join unnest(${SEED_MANUAL_MEASURES.map(([key]) => key)}::text[]) with ordinality as k(key, i)
        cross join unnest(${months.map((m) => m.from)}::date[], ${months.map((m) => m.to)}::date[]) with ordinality as m(f, t, i)
       where u.level = 3 and ${inProvince}`,
    sql`
      insert into denominators (group_key, unit_id, year, value)
      select g, u.id, 2026, 5 + (u.id * 13 + length(g)) % 60
        from units u cross join unnest(${Object.keys(DENOMINATOR_GROUPS)}::text[]) g where u.level = 3 and ${inProvince}`,
    // The derived plans copied the province's 2 tasks; each commune adds 3–6 of its own, with mixed progress.
    sql`
      insert into plan_tasks (plan_id, position, title, lead_agency, deadline, status, done_at)
      select p.id, 10 + k, 'Nhiệm vụ ' || (k + 1), (array['Phòng Văn hóa - Xã hội', 'Công an xã', 'Trạm Y tế', 'Đoàn Thanh niên'])[1 + k % 4], d.deadline,
             case when d.h < 7 then 'done' when d.h = 7 then 'in_progress' when d.h = 8 then 'not_started' else 'cancelled' end,
             case when d.h < 5 then d.deadline - d.h * 3 when d.h < 7 then d.deadline + 1 + d.h * 4 end
        from plans p join units u on u.id = p.unit_id
        cross join generate_series(0, 2 + p.id % 4) k
        cross join lateral (select date '2026-01-15' + (p.id * 37 + k * 53) % 330 as deadline, (p.id * 7 + k * 3) % 10 as h) d
       where u.level = 3 and ${inProvince}`,
  );
  await step('analyze', sql`analyze`);
  return timings;
}

async function rowCounts(db: Db): Promise<string> {
  const { rows } = await sql<Record<string, number>>`
    select (select count(*) from units where level = 3)::int as communes, (select count(*) from units where level = 4)::int as villages,
           (select count(*) from plans)::int as plans, (select count(*) from plan_indicators)::int as indicators, (select count(*) from plan_tasks)::int as tasks,
           (select count(*) from establishments)::int as establishments, (select count(*) from inspections)::int as inspections,
           (select count(*) from tips)::int as tips, (select count(*) from online_posts)::int as "online posts",
           (select count(*) from outreach_activities)::int as "outreach activities", (select count(*) from outreach_activity_reach)::int as "reach rows",
           (select count(*) from training_people)::int as roster, (select count(*) from training_attendance)::int as attendance,
           (select count(*) from manual_values)::int as "manual values", (select count(*) from denominators)::int as denominators`.execute(db);
  return Object.entries(rows[0]).map(([k, v]) => `${k} ${v}`).join(', ');
}

// --- where the content's time goes ---------------------------------------------------------------

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

/**
 * Each distinct measure a commune report computes (the indicators' numerators and denominators, and every statistic),
 * timed alone (median of 3), summed by family (the part of the key before the dot): which registry the time goes to.
 */
async function measureBreakdown(db: Db, plan: TPlan, content: TReportContent): Promise<Row[]> {
  const refs = new Map<string, TMeasureRef>();
  const keyOf = (ref: TMeasureRef) => `${ref.measure}?${new URLSearchParams(Object.entries(ref.params ?? {}).map(([k, v]) => [k, String(v)]))}`;
  for (const ind of plan.indicators) for (const ref of [ind.numerator, ind.denominator]) if (ref) refs.set(keyOf(ref), ref);
  for (const s of content.statistics) {
    const [measure, query] = s.key.split('?');
    const ref: TMeasureRef = { measure, params: query ? Object.fromEntries(new URLSearchParams(query)) : undefined };
    refs.set(keyOf(ref), ref);
  }
  const { from, to } = periodRange(plan.reportingCalendar, PERIOD);
  const asOf = new Date().toISOString().slice(0, 10) < to ? new Date().toISOString().slice(0, 10) : to;
  const families = new Map<string, { calls: number; ms: number; slowest: number }>();
  for (const ref of refs.values()) {
    const measure = await resolveMeasure(db, ref.measure);
    if (!measure) continue;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await measure.compute({ db, unitId: plan.unitId, from, to, asOf, params: ref.params ?? {} });
      runs.push(ms(t));
    }
    const family = ref.measure.startsWith('outreach.') || ref.measure.startsWith('manual.') ? ref.measure : ref.measure.split('.')[0];
    const f = families.get(family) ?? { calls: 0, ms: 0, slowest: 0 };
    families.set(family, { calls: f.calls + 1, ms: f.ms + median(runs), slowest: Math.max(f.slowest, median(runs)) });
  }
  return [...families.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([family, f]) => [family, f.calls, round1(f.ms), round1(f.slowest)]);
}

// --- the run --------------------------------------------------------------------------------------

type Row = (string | number)[];

async function runBackend(backend: Backend, genRows: Row[], timeRows: Row[], workflowRows: Row[], measureRows: Row[]) {
  console.log(`\n=== ${backend.name} ===`);
  const handle = await backend.open();
  try {
    const db = handle.db;
    let t = performance.now();
    await migrate(handle);
    genRows.push([backend.name, 'migrate', Math.round(ms(t))]);

    // Units, the seed's data sets, the province plan (issued) and the 100 commune plans derived from it, through the services.
    t = performance.now();
    const places = await createProvince(db);
    const system = systemContext(db, places.country);
    for (const [key, name] of SEED_MANUAL_MEASURES) await defineManualMeasure(system, { key, name, unitId: places.provinceId });
    const health = actor(db, 'provincial_health', places.provinceId, 'bench.soyte');
    // createPlan checks every measure the indicators name against the registry: the plan only exists if they resolve.
    const province = await createPlan(health, ZCreatePlanRequest.parse(provincePlan(places.provinceId)));
    await updatePlan(health, province.id, { status: 'issued' });
    const communePlans: number[] = [];
    for (const [i, communeId] of places.communeIds.entries()) {
      const focal = actor(db, 'focal_point', communeId, `bench.daumoi.${i}`);
      communePlans.push((await derivePlan(focal, province.id, { unitId: communeId, placeName: `Thử ${i + 1}` })).id);
    }
    genRows.push([backend.name, `units (1 + ${COMMUNES} + ${COMMUNES * VILLAGES_PER_COMMUNE}), province plan, ${COMMUNES} derived plans`, Math.round(ms(t))]);
    for (const [label, took] of await generateRegistries(db, places.provinceId)) genRows.push([backend.name, label, Math.round(took)]);
    console.log(`  province plan: ${province.indicators.length} indicators (${province.indicators.map((i) => i.numerator.measure).join(', ')})`);
    console.log(`  rows: ${await rowCounts(db)}`);

    // (a) One commune's 6-month report: the first commune, by its focal point.
    const communeId = places.communeIds[0];
    const focal = actor(db, 'focal_point', communeId, 'bench.daumoi.0');
    const plan = await getPlan(focal, communePlans[0]);
    const content = await buildUnitContent(db, plan, PERIOD);
    console.log(`  commune report: ${content.indicators.map((r) => `${r.numerator ?? '-'}/${r.denominator ?? '-'} ${r.status}`).join('; ')}`);
    console.log(`    ${content.statistics.length} statistics, ${content.tasks.length} task rows; snapshot ${(JSON.stringify(content).length / 1024).toFixed(1)} KB`);
    const draft = await createReport(focal, SETTINGS, { planId: plan.id, periodKey: PERIOD, kind: 'unit' });
    const forDocument = await getReportForDocument(focal, SETTINGS, draft.id);
    const communeTimes: [string, Timed][] = [
      ['buildUnitContent (content only)', await timeIt(() => buildUnitContent(db, plan, PERIOD))],
      ['getReportForDocument (live draft)', await timeIt(() => getReportForDocument(focal, SETTINGS, draft.id))],
      ['renderReportDocument (.docx)', await timeIt(() => renderReportDocument(forDocument.report, forDocument.placeName))],
      ['renderReportAnnex (.xlsx)', await timeIt(() => renderReportAnnex(forDocument.report))],
    ];
    for (const [what, r] of communeTimes) timeRows.push([backend.name, `commune: ${what}`, ...timedCells(r)]);
    logTimes('commune', communeTimes);
    const counting = countingQueries(db);
    await buildUnitContent(counting.db, plan, PERIOD);
    console.log(`  buildUnitContent ran ${counting.count()} queries`);
    measureRows.push(...(await measureBreakdown(db, plan, content)).map((r) => [backend.name, ...r]));

    // (b) Every commune's report, created, submitted and approved one after the other, as 100 focal points and leaders would.
    const reportIds: number[] = [draft.id];
    const perCreate: number[] = [];
    const perSubmit: number[] = [];
    const perApprove: number[] = [];
    const created = await measured(async () => {
      for (const [i, planId] of communePlans.entries()) {
        if (i === 0) continue; // its draft exists already, from (a)
        const s = performance.now();
        reportIds.push((await createReport(actor(db, 'focal_point', places.communeIds[i], `bench.daumoi.${i}`), SETTINGS, { planId, periodKey: PERIOD, kind: 'unit' })).id);
        perCreate.push(ms(s));
      }
    });
    const submitted = await measured(async () => {
      for (const [i, id] of reportIds.entries()) {
        const s = performance.now();
        await submitReport(actor(db, 'focal_point', places.communeIds[i], `bench.daumoi.${i}`), SETTINGS, id);
        perSubmit.push(ms(s));
      }
    });
    const approved = await measured(async () => {
      for (const [i, id] of reportIds.entries()) {
        const s = performance.now();
        await approveReport(actor(db, 'leader', places.communeIds[i], `bench.lanhdao.${i}`), SETTINGS, id, { signerName: `Lãnh Đạo ${i + 1}`, signerTitle: 'CHỦ TỊCH', signingMode: 'TM' });
        perApprove.push(ms(s));
      }
    });
    const { rows: snap } = await sql<{ kb: number }>`select (sum(pg_column_size(snapshot)) / 1024.0)::float8 as kb from reports where kind = 'unit'`.execute(db);
    for (const [what, run, per] of [
      [`create ${perCreate.length} drafts`, created, perCreate],
      [`submit ${perSubmit.length} (snapshot)`, submitted, perSubmit],
      [`approve ${perApprove.length}`, approved, perApprove],
    ] as const)
      workflowRows.push([backend.name, what, Math.round(run.ms), Math.round(median([...per])), Math.round(Math.max(...per)), Math.round(run.peakMb), Math.round(run.growthMb)]);
    console.log(`  100 reports: create ${(created.ms / 1000).toFixed(1)} s, submit ${(submitted.ms / 1000).toFixed(1)} s, approve ${(approved.ms / 1000).toFixed(1)} s; snapshots ${snap[0].kb.toFixed(0)} KB stored`);

    // (c) The province: what it sees of the 100, then the consolidated report from their snapshots.
    const overview = await timeIt(() => reportOverview(health, province.id, PERIOD));
    const consolidated = await createReport(health, SETTINGS, { planId: province.id, periodKey: PERIOD, kind: 'consolidated' });
    const provinceDoc = await getReportForDocument(health, SETTINGS, consolidated.id);
    console.log(`  consolidated from ${provinceDoc.report.content.sources.length} reports: ${provinceDoc.report.content.indicators.map((r) => `${r.numerator ?? '-'}/${r.denominator ?? '-'} ${r.status}`).join('; ')}`);
    const provinceTimes: [string, Timed][] = [
      ['reportOverview (100 communes)', overview],
      ['getReportForDocument (consolidate 100 snapshots)', await timeIt(() => getReportForDocument(health, SETTINGS, consolidated.id))],
      ['renderReportDocument (.docx)', await timeIt(() => renderReportDocument(provinceDoc.report, provinceDoc.placeName))],
      ['renderReportAnnex (.xlsx)', await timeIt(() => renderReportAnnex(provinceDoc.report))],
    ];
    for (const [what, r] of provinceTimes) timeRows.push([backend.name, `province: ${what}`, ...timedCells(r)]);
    logTimes('province', provinceTimes);
  } finally {
    await handle.close();
  }
}

const timedCells = (r: Timed): Row => [round1(r.median), round1(r.min), round1(r.max), Math.round(r.peakMb), Math.round(r.firstGrowthMb), r.bytes === undefined ? '' : Math.round(r.bytes / 1024)];
const round1 = (x: number) => Math.round(x * 10) / 10;
function logTimes(label: string, times: [string, Timed][]) {
  for (const [what, r] of times) console.log(`  ${label}: ${what}: median ${r.median.toFixed(1)} ms (${r.min.toFixed(1)}–${r.max.toFixed(1)}), peak RSS ${r.peakMb.toFixed(0)} MB`);
}

async function main() {
  const started = performance.now();
  const genRows: Row[] = [];
  const timeRows: Row[] = [];
  const workflowRows: Row[] = [];
  const measureRows: Row[] = [];
  console.log(`Reports benchmark: period ${PERIOD}, ${COMMUNES} communes × ${VILLAGES_PER_COMMUNE} villages; median of ${REPS} runs after one uncounted run; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const makers: Record<string, () => Promise<Backend>> = { pglite: async () => pgliteBackend('rep'), postgres: postgresBackend };
  for (const key of BACKENDS) {
    const backend = await makers[key]();
    try {
      await runBackend(backend, genRows, timeRows, workflowRows, measureRows);
    } finally {
      await backend.cleanup();
    }
  }
  console.log('\n' + formatTable([['backend', 'generation step', 'ms'], ...genRows]));
  console.log('\n' + formatTable([['backend', 'step', 'median ms', 'min ms', 'max ms', 'peak RSS MB', '1st run RSS growth MB', 'file KB'], ...timeRows]));
  console.log('\n' + formatTable([['backend', '100 commune reports, one by one', 'total ms', 'median ms/report', 'max ms/report', 'peak RSS MB', 'RSS growth MB'], ...workflowRows]));
  console.log('\n' + formatTable([['backend', 'measures of one commune report, by family', 'calls', 'ms (sum of medians)', 'slowest call ms'], ...measureRows]));
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; total ${(ms(started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
