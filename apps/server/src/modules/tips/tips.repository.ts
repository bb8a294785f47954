import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

/** The day a tip was received, in Vietnam's calendar: deadlines count in local days. */
const receivedDay = sql<string>`(t.received_at at time zone 'Asia/Ho_Chi_Minh')::date`;

export async function findRule(db: Db, kind: string) {
  return db.selectFrom('tip_deadline_rules').selectAll().where('kind', '=', kind).executeTakeFirst();
}

export async function listRules(db: Db) {
  return db.selectFrom('tip_deadline_rules').selectAll().orderBy('days').execute();
}

export async function upsertRule(db: Db, r: { kind: string; days: number; extensionDays: number; maxExtensions: number; legalBasis: string }) {
  const values = { days: r.days, extension_days: r.extensionDays, max_extensions: r.maxExtensions, legal_basis: r.legalBasis };
  await db.insertInto('tip_deadline_rules').values({ kind: r.kind, ...values }).onConflict((oc) => oc.column('kind').doUpdateSet(values)).execute();
}

export async function insertTip(db: Db, t: Record<string, unknown>) {
  const row = await db.insertInto('tips').values(t as never).returning(['id', 'received_at']).executeTakeFirstOrThrow();
  return row;
}

export async function findTip(db: Db, id: number) {
  return db
    .selectFrom('tips as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .selectAll('t')
    .select(['u.name as unit_name', sql<string>`${receivedDay}::text`.as('received_day')])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function findTipByCode(db: Db, referenceCode: string) {
  return db.selectFrom('tips').select(['id', 'secret_hash', 'status', 'received_at', 'reference_code', 'unit_id']).where('reference_code', '=', referenceCode).executeTakeFirst();
}

export async function updateTipRow(db: Db, id: number, values: Record<string, unknown>) {
  await db.updateTable('tips').set({ ...(values as object), updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertEvent(db: Db, e: { tipId: number; userId: number | null; event: string; fromStatus?: string | null; toStatus?: string | null; note?: string; publicNote?: string | null }) {
  await db
    .insertInto('tip_events')
    .values({ tip_id: e.tipId, user_id: e.userId, event: e.event, from_status: e.fromStatus ?? null, to_status: e.toStatus ?? null, note: e.note ?? '', public_note: e.publicNote ?? null })
    .execute();
}

export async function listEvents(db: Db, tipId: number) {
  return db
    .selectFrom('tip_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.at', 'u.username', 'e.event', 'e.from_status', 'e.to_status', 'e.note', 'e.public_note'])
    .where('e.tip_id', '=', tipId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function attachTipFile(db: Db, tipId: number, fileId: number, fromCitizen: boolean) {
  await db.insertInto('tip_files').values({ tip_id: tipId, file_id: fileId, from_citizen: fromCitizen }).execute();
}

export async function listTipFiles(db: Db, tipId: number) {
  return db
    .selectFrom('tip_files as tf')
    .innerJoin('stored_files as f', 'f.id', 'tf.file_id')
    .select(['f.id', 'f.file_name as name', 'f.size_bytes as size', 'tf.from_citizen'])
    .where('tf.tip_id', '=', tipId)
    .orderBy('f.id')
    .execute();
}

/** The inbox: tips of a subtree, open ones first by time left, with filters. */
export async function listTips(
  db: Db,
  scopeUnitId: number,
  filter: { status?: string; due?: 'overdue' | 'soon'; assignedTo?: { userId: number; agency: string | null }; today: string; page: number; pageSize: number },
) {
  let q = db
    .selectFrom('tips as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where('t.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId));
  if (filter.status === 'open') q = q.where('t.status', 'not in', ['handled', 'closed']);
  else if (filter.status) q = q.where('t.status', '=', filter.status);
  if (filter.assignedTo) {
    const { userId, agency } = filter.assignedTo;
    q = q.where((eb) => (agency ? eb.or([eb('t.assigned_user_id', '=', userId), eb('t.assigned_agency', '=', agency)]) : eb('t.assigned_user_id', '=', userId)));
  }
  if (filter.due) {
    q = q.where('t.status', 'not in', ['handled', 'closed']);
    q = filter.due === 'overdue' ? q.where('t.deadline', '<', filter.today) : q.where('t.deadline', '>=', filter.today).where(sql<boolean>`t.deadline <= ${filter.today}::date + 5`);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('t')
    .select(['u.name as unit_name', sql<string>`${receivedDay}::text`.as('received_day')])
    .orderBy(sql`t.status in ('handled', 'closed')`)
    .orderBy('t.deadline')
    .orderBy('t.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** Tips of a unit's records received in [from, to), by condition, optionally by kind, category or channel. */
export async function countTips(
  db: Db,
  unitId: number,
  from: string,
  to: string,
  asOf: string,
  condition: 'received' | 'on_time' | 'overdue',
  filter: { kind?: string; category?: string; channel?: string },
) {
  const cond =
    condition === 'on_time' ? sql`and t.handled_at is not null and (t.handled_at at time zone 'Asia/Ho_Chi_Minh')::date <= t.deadline`
    : condition === 'overdue' ? sql`and ((t.handled_at is not null and (t.handled_at at time zone 'Asia/Ho_Chi_Minh')::date > t.deadline) or (t.handled_at is null and t.deadline < ${asOf}::date))`
    : sql``;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from tips t
     where t.unit_id in ${recordUnitIds(unitId)}
       and ${receivedDay} >= ${from}::date and ${receivedDay} < ${to}::date ${cond}
       ${filter.kind ? sql`and t.kind = ${filter.kind}` : sql``}
       ${filter.category ? sql`and t.category = ${filter.category}` : sql``}
       ${filter.channel ? sql`and t.channel = ${filter.channel}` : sql``}`.execute(db);
  return rows[0].n;
}

export async function insertOnlinePost(db: Db, p: Record<string, unknown>) {
  return (await db.insertInto('online_posts').values(p as never).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findOnlinePost(db: Db, id: number) {
  return db.selectFrom('online_posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOnlinePost(db: Db, id: number, values: Record<string, unknown>) {
  await db.updateTable('online_posts').set({ ...(values as object), updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function listOnlinePosts(db: Db, scopeUnitId: number) {
  return db
    .selectFrom('online_posts')
    .selectAll()
    .where('unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('found_on', 'desc')
    .execute();
}

export async function countOnlinePosts(db: Db, unitId: number, from: string, to: string, removed: boolean) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from online_posts p
     where p.unit_id in ${recordUnitIds(unitId)}
       and ${removed ? sql`p.removed_on >= ${from}::date and p.removed_on < ${to}::date` : sql`p.found_on >= ${from}::date and p.found_on < ${to}::date`}`.execute(db);
  return rows[0].n;
}
