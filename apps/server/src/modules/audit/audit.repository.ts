import { sql } from 'kysely';
import type { TAuditQuery } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';

export interface AuditRow {
  actorId: number | null;
  actorUsername: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  requestId: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await insertAudits(db, [row]);
}

/** Many entries in few statements, for bulk paths such as imports. */
export async function insertAudits(db: Db, rows: AuditRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500)
    await db.insertInto('audit_log').values(rows.slice(start, start + 500).map(toColumns)).execute();
}

function toColumns(row: AuditRow) {
  return {
      actor_id: row.actorId,
      actor_username: row.actorUsername,
      action: row.action,
      entity: row.entity,
      entity_id: row.entityId,
      unit_id: row.unitId,
      before: json(row.before),
      after: json(row.after),
      detail: json(row.detail),
      request_id: row.requestId,
  };
}

/** Entries about units in the reader's subtree, or done by users of that subtree. */
export async function listAudit(db: Db, scopeUnitId: number, query: TAuditQuery) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .where((eb) =>
      eb.or([
        eb('a.unit_id', 'in', eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId)),
        eb('u.unit_id', 'in', eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId)),
      ]),
    );
  if (query.userId) q = q.where('a.actor_id', '=', query.userId);
  if (query.unitId)
    q = q.where('a.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', query.unitId!));
  if (query.entity) q = q.where('a.entity', '=', query.entity);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.from) q = q.where('a.at', '>=', sql<Date>`(${query.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (query.to) q = q.where('a.at', '<', sql<Date>`(${query.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(['a.id', 'a.at', 'a.actor_id', 'a.actor_username', 'a.action', 'a.entity', 'a.entity_id', 'a.unit_id', 'a.before', 'a.after', 'a.detail'])
    .orderBy('a.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** Every recorded change of one record, oldest first. */
export async function listEntityHistory(db: Db, entity: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_username', 'action', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
