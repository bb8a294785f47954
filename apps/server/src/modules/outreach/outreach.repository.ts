import { sql, type RawBuilder } from 'kysely';
import type { TOutreachActivityListQuery, TOutreachReach } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

type DateExpr = string | RawBuilder<unknown>;
const asDate = (d: DateExpr) => (typeof d === 'string' ? sql`${d}::date` : d);

/** Which occurrences of outreach to take: a date range, units, channels, or one series. */
export interface OccurrenceFilter {
  /** Inclusive; without it, from the beginning. */
  from?: DateExpr;
  /** Exclusive. Open-ended series are expanded up to here, so it also bounds the work. */
  until: DateExpr;
  /** A subquery of unit ids (e.g. recordUnitIds), possibly correlated with the outer query. */
  units?: RawBuilder<unknown>;
  /** Any of these channels; all when absent. */
  channels?: readonly string[];
  /** Occurrences of one series only (an id, or the outer query's series column). */
  seriesId?: number | RawBuilder<unknown>;
}

/**
 * Every occurrence of outreach as rows (unit_id, channel, held_on, activity_id, series_id): one-off activities, and
 * each series expanded to its dates. A series is stored as one row and expanded here, when counted, so that ending
 * or shortening it needs no rewrite of stored occurrences (docs/ARCHITECTURE.md, "Outreach and training").
 * A monthly series steps by calendar months from its start (31/01, 28/02, 31/03: PostgreSQL clamps to the month's end).
 */
export function occurrences(f: OccurrenceFilter): RawBuilder<unknown> {
  const until = asDate(f.until);
  const from = f.from === undefined ? null : asDate(f.from);
  const channels = f.channels?.length ? [...f.channels] : null;
  const activityWhere = [
    sql`a.held_on < ${until}`,
    from ? sql`a.held_on >= ${from}` : null,
    f.units ? sql`a.unit_id in ${f.units}` : null,
    channels ? sql`a.channel = any(${channels}::text[])` : null,
  ].filter((c): c is NonNullable<typeof c> => c !== null);
  // The series' own end (inclusive) and the caller's bound (exclusive), whichever comes first.
  const seriesEnd = sql`least(${until}, coalesce(s.ends_on + 1, ${until}))`;
  const seriesWhere = [
    sql`s.starts_on < ${until}`,
    from ? sql`(s.ends_on is null or s.ends_on >= ${from})` : null,
    f.units ? sql`s.unit_id in ${f.units}` : null,
    channels ? sql`s.channel = any(${channels}::text[])` : null,
    f.seriesId !== undefined ? sql`s.id = ${f.seriesId}` : null,
  ].filter((c): c is NonNullable<typeof c> => c !== null);
  const occurrenceWhere = [sql`o.held_on < ${seriesEnd}`, from ? sql`o.held_on >= ${from}` : null].filter((c): c is NonNullable<typeof c> => c !== null);
  const activities =
    f.seriesId !== undefined
      ? sql``
      : sql`select a.unit_id, a.channel, a.held_on, a.id as activity_id, null::int as series_id
              from outreach_activities a where ${sql.join(activityWhere, sql` and `)}
            union all `;
  return sql`(
    ${activities}
    select s.unit_id, s.channel, o.held_on, null::int as activity_id, s.id as series_id
      from outreach_series s
      cross join lateral (
        select (case when s.frequency = 'monthly' then s.starts_on + make_interval(months => k * s.interval_count)
                     else s.starts_on + make_interval(days => k * s.interval_count * (case when s.frequency = 'weekly' then 7 else 1 end)) end)::date as held_on
          -- Enough steps to pass the end: a month is at least 28 days.
          from generate_series(0, (${seriesEnd} - s.starts_on) / (s.interval_count * (case s.frequency when 'daily' then 1 when 'weekly' then 7 else 28 end))) k
      ) o
     where ${sql.join(seriesWhere, sql` and `)} and ${sql.join(occurrenceWhere, sql` and `)})`;
}

/** Whether an occurrence names a target group (in its own reach rows or its series'). */
const namesGroup = (group: string) => sql`(
  exists (select 1 from outreach_activity_reach r where r.activity_id = o.activity_id and r.target_group = ${group})
  or exists (select 1 from outreach_series_reach r where r.series_id = o.series_id and r.target_group = ${group}))`;

/** Occurrences of outreach in a unit's records in [from, until), by channel and target group. */
export async function countOccurrences(db: Db, unitId: number, from: string, until: string, filter: { channels?: string[]; targetGroup?: string }) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${occurrences({ from, until, units: recordUnitIds(unitId), channels: filter.channels })} o
     where ${filter.targetGroup ? namesGroup(filter.targetGroup) : sql`true`}`.execute(db);
  return rows[0].n;
}

/** People of a target group reached in a unit's records in [from, until): each activity's count, each series' count per occurrence. */
export async function sumReached(db: Db, unitId: number, from: string, until: string, group: string, channels?: string[]) {
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(coalesce(ar.reached, sr.reached)), 0)::float8 as n
      from ${occurrences({ from, until, units: recordUnitIds(unitId), channels })} o
      left join outreach_activity_reach ar on ar.activity_id = o.activity_id and ar.target_group = ${group}
      left join outreach_series_reach sr on sr.series_id = o.series_id and sr.target_group = ${group}`.execute(db);
  return rows[0].n;
}

/** Units at a level under a unit, current on a day, as a derived table aliased `u` (id, name, code, parent_id). */
const unitsAtLevel = (unitId: number, level: number, on: string) => sql`(
  select u.id, u.name, u.code, u.parent_id from unit_closure c join units u on u.id = c.descendant_id
   where c.ancestor_id = ${unitId} and u.level = ${level}
     and u.valid_from <= ${on}::date and (u.valid_to is null or u.valid_to > ${on}::date)) u`;

/** Whether the records of the outer query's unit `u` had outreach in [from, until). */
const hasOutreach = (from: DateExpr, until: DateExpr, channels?: string[]) =>
  sql`exists (select 1 from ${occurrences({ from, until, units: recordUnitIds(sql.ref<number>('u.id')), channels })} o)`;

/** Units at a level under a unit (current on a day) that had outreach in their records in [from, until). */
export async function countUnitsCovered(db: Db, unitId: number, level: number, on: string, from: string, until: string, channels?: string[]) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${unitsAtLevel(unitId, level, on)} where ${hasOutreach(from, until, channels)}`.execute(db);
  return rows[0].n;
}

/** Σ over units at a level of the month windows in which the unit's records had at least one occurrence. */
export async function countUnitMonthsWithOutreach(db: Db, unitId: number, level: number, on: string, windows: { from: string; to: string }[], channels?: string[]) {
  if (windows.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
      from ${unitsAtLevel(unitId, level, on)}
      cross join unnest(${windows.map((w) => w.from)}::date[], ${windows.map((w) => w.to)}::date[]) as w(starts_on, ends_on)
     where ${hasOutreach(sql.ref('w.starts_on'), sql.ref('w.ends_on'), channels)}`.execute(db);
  return rows[0].n;
}

/** The coverage view: units at a level under a unit without outreach in [from, until), a page of them, with their last activity. */
export async function listUncoveredUnits(db: Db, q: { unitId: number; level: number; on: string; from: string; until: string; page: number; pageSize: number }) {
  const counts = await sql<{ total: number; covered: number }>`
    select count(*)::int as total, (count(*) filter (where ${hasOutreach(q.from, q.until)}))::int as covered
      from ${unitsAtLevel(q.unitId, q.level, q.on)}`.execute(db);
  const { rows } = await sql<{ id: number; name: string; code: string; parent_name: string | null; last_held_on: string | null }>`
    select u.id, u.name, u.code, p.name as parent_name,
           (select max(o.held_on)::text from ${occurrences({ until: q.until, units: recordUnitIds(sql.ref<number>('u.id')) })} o) as last_held_on
      from ${unitsAtLevel(q.unitId, q.level, q.on)}
      left join units p on p.id = u.parent_id
     where not ${hasOutreach(q.from, q.until)}
     order by u.code, u.id
     limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  return { total: counts.rows[0].total, covered: counts.rows[0].covered, rows };
}

// --- activities -------------------------------------------------------------------------------

export interface ActivityColumns {
  unit_id: number;
  held_on: string;
  agency: string;
  channel: string;
  topic: string;
  materials: string;
  task_id: number | null;
  peer_group_id: number | null;
}

export async function insertActivity(db: Db, values: ActivityColumns & { client_id: string | null; created_by: number | null }) {
  return (await db.insertInto('outreach_activities').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateActivityRow(db: Db, id: number, values: Partial<ActivityColumns>) {
  await db.updateTable('outreach_activities').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function replaceActivityReach(db: Db, activityId: number, reach: TOutreachReach) {
  await db.deleteFrom('outreach_activity_reach').where('activity_id', '=', activityId).execute();
  if (reach.length)
    await db.insertInto('outreach_activity_reach').values(reach.map((t) => ({ activity_id: activityId, target_group: t.group, reached: t.reached }))).execute();
}

const activityBase = (db: Db) =>
  db
    .selectFrom('outreach_activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as cr', 'cr.id', 'a.created_by')
    .selectAll('a')
    .select(['u.name as unit_name', 'cr.username as created_by_username']);

/** One activity with its reach and files. */
export async function findActivity(db: Db, id: number) {
  const row = await activityBase(db).where('a.id', '=', id).executeTakeFirst();
  return row ? withDetails(db, [row]).then((r) => r[0]) : undefined;
}

export async function findActivityByClientId(db: Db, clientId: string) {
  const row = await activityBase(db).where('a.client_id', '=', clientId).executeTakeFirst();
  return row ? withDetails(db, [row]).then((r) => r[0]) : undefined;
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof activityBase>['execute']>>[number];

async function withDetails(db: Db, rows: BaseRow[]) {
  const ids = rows.map((r) => r.id);
  const reach = ids.length
    ? await db.selectFrom('outreach_activity_reach').selectAll().where('activity_id', '=', sql<number>`any(${ids}::int[])`).orderBy('target_group').execute()
    : [];
  const files = ids.length
    ? await db
        .selectFrom('outreach_activity_files as af')
        .innerJoin('stored_files as f', 'f.id', 'af.file_id')
        .select(['af.activity_id', 'f.id', 'f.file_name as name', 'f.size_bytes as size'])
        .where('af.activity_id', '=', sql<number>`any(${ids}::int[])`)
        .orderBy('f.id')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    reach: reach.filter((x) => x.activity_id === r.id).map((x) => ({ group: x.target_group, reached: x.reached })),
    files: files.filter((x) => x.activity_id === r.id).map(({ id, name, size }) => ({ id, name, size })),
  }));
}

/** Activities of a subtree, newest first, with filters and a page. */
export async function listActivities(db: Db, scopeUnitId: number, q: TOutreachActivityListQuery) {
  let query = activityBase(db).where('a.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId ?? scopeUnitId));
  if (q.from) query = query.where('a.held_on', '>=', q.from);
  if (q.to) query = query.where('a.held_on', '<', q.to);
  if (q.channel) query = query.where('a.channel', '=', q.channel);
  if (q.peerGroupId) query = query.where('a.peer_group_id', '=', q.peerGroupId);
  const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('a.held_on', 'desc').orderBy('a.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { total: Number(total), rows: await withDetails(db, rows) };
}

/** The last activity a user recorded: the quick-entry form starts from its values. */
export async function findLastActivityBy(db: Db, userId: number) {
  const row = await activityBase(db).where('a.created_by', '=', userId).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').executeTakeFirst();
  return row ? withDetails(db, [row]).then((r) => r[0]) : undefined;
}

export async function attachActivityFile(db: Db, activityId: number, fileId: number) {
  await db.insertInto('outreach_activity_files').values({ activity_id: activityId, file_id: fileId }).execute();
  await db.updateTable('outreach_activities').set({ updated_at: sql`now()` }).where('id', '=', activityId).execute();
}

// --- series -----------------------------------------------------------------------------------

export interface SeriesColumns {
  unit_id: number;
  agency: string;
  channel: string;
  topic: string;
  frequency: string;
  interval_count: number;
  starts_on: string;
  ends_on: string | null;
  materials: string;
  task_id: number | null;
}

export async function insertSeries(db: Db, values: SeriesColumns & { created_by: number | null }) {
  return (await db.insertInto('outreach_series').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateSeriesRow(db: Db, id: number, values: Partial<SeriesColumns>) {
  await db.updateTable('outreach_series').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function replaceSeriesReach(db: Db, seriesId: number, reach: TOutreachReach) {
  await db.deleteFrom('outreach_series_reach').where('series_id', '=', seriesId).execute();
  if (reach.length)
    await db.insertInto('outreach_series_reach').values(reach.map((t) => ({ series_id: seriesId, target_group: t.group, reached: t.reached }))).execute();
}

// Aliased `os`: the expansion inside names its own series table `s`.
const seriesBase = (db: Db, until: string) =>
  db
    .selectFrom('outreach_series as os')
    .innerJoin('units as u', 'u.id', 'os.unit_id')
    .selectAll('os')
    .select(['u.name as unit_name'])
    .select(sql<number>`(select count(*)::int from ${occurrences({ until, seriesId: sql.ref('os.id') })} o)`.as('occurrences_so_far'));

async function withSeriesReach<T extends { id: number }>(db: Db, rows: T[]) {
  const ids = rows.map((r) => r.id);
  const reach = ids.length
    ? await db.selectFrom('outreach_series_reach').selectAll().where('series_id', '=', sql<number>`any(${ids}::int[])`).orderBy('target_group').execute()
    : [];
  return rows.map((r) => ({ ...r, reach: reach.filter((x) => x.series_id === r.id).map((x) => ({ group: x.target_group, reached: x.reached })) }));
}

export async function findSeries(db: Db, id: number, until: string) {
  const row = await seriesBase(db, until).where('os.id', '=', id).executeTakeFirst();
  return row ? (await withSeriesReach(db, [row]))[0] : undefined;
}

export async function listSeries(db: Db, scopeUnitId: number, until: string) {
  const rows = await seriesBase(db, until)
    .where('os.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('os.starts_on', 'desc')
    .orderBy('os.id', 'desc')
    .execute();
  return withSeriesReach(db, rows);
}

// --- peer groups ------------------------------------------------------------------------------

export interface PeerGroupColumns {
  unit_id: number;
  name: string;
  kind: string;
  host_agency: string;
  members_count: number;
  founded_on: string;
  dissolved_on: string | null;
  description: string;
}

export async function insertPeerGroup(db: Db, values: PeerGroupColumns & { created_by: number | null }) {
  return (await db.insertInto('peer_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePeerGroupRow(db: Db, id: number, values: Partial<PeerGroupColumns>) {
  await db.updateTable('peer_groups').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

const peerGroupBase = (db: Db) =>
  db
    .selectFrom('peer_groups as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .selectAll('g')
    .select([
      'u.name as unit_name',
      sql<number>`(select count(*)::int from outreach_activities a where a.peer_group_id = g.id)`.as('activities_count'),
      sql<string | null>`(select max(a.held_on)::text from outreach_activities a where a.peer_group_id = g.id)`.as('last_activity_on'),
    ]);

export async function findPeerGroup(db: Db, id: number) {
  return peerGroupBase(db).where('g.id', '=', id).executeTakeFirst();
}

export async function listPeerGroups(db: Db, scopeUnitId: number) {
  return peerGroupBase(db)
    .where('g.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('g.dissolved_on', (ob) => ob.nullsFirst())
    .orderBy('g.name')
    .execute();
}

/** Whether a plan task belongs to a plan of the unit or of a unit above it (a village carries out its ward's plan). */
export async function taskServesUnit(db: Db, taskId: number, unitId: number) {
  const row = await db
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.ancestor_id', '=', 'p.unit_id'))
    .select('t.id')
    .where('t.id', '=', taskId)
    .where('c.descendant_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}
