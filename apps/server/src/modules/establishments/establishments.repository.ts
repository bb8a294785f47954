import { sql } from 'kysely';
import type { TEstablishmentListQuery } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

/** Column ↔ field names, so that the service speaks the API's words and only this file speaks SQL's. */
export const COLUMN_OF = {
  unitId: 'unit_id', name: 'name', typeCode: 'type_code', address: 'address', latitude: 'latitude', longitude: 'longitude',
  registrationNo: 'registration_no', licenceNo: 'licence_no', licenceIssuer: 'licence_issuer', licenceExpiry: 'licence_expiry',
  representativeName: 'representative_name', representativeIdNo: 'representative_id_no', representativePhone: 'representative_phone',
  staffCount: 'staff_count', status: 'status', openedOn: 'opened_on', closedOn: 'closed_on', riskLevel: 'risk_level',
  riskReason: 'risk_reason', classifiedOn: 'classified_on', commitmentSignedOn: 'commitment_signed_on',
} as const;
export type EstablishmentField = keyof typeof COLUMN_OF;

const base = (db: Db) =>
  db
    .selectFrom('establishments as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .innerJoin('establishment_types as t', 't.code', 'e.type_code')
    .selectAll('e')
    .select(['u.name as unit_name', 'u.code as unit_code', 't.name_vi as type_name_vi', 't.name_en as type_name_en'])
    .select(sql<string | null>`(select max(i.inspected_on)::text from inspections i where i.establishment_id = e.id)`.as('last_inspected_on'));

export type EstablishmentRow = NonNullable<Awaited<ReturnType<typeof findEstablishment>>>;

export async function findEstablishment(db: Db, id: number) {
  return base(db).where('e.id', '=', id).executeTakeFirst();
}

export async function listEstablishments(db: Db, scopeUnitId: number, query: TEstablishmentListQuery) {
  let q = base(db).where('e.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', query.unitId ?? scopeUnitId));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`e.name_folded like pcmd_fold(${pattern})`, sql<boolean>`e.address_folded like pcmd_fold(${pattern})`, eb('e.registration_no', '=', query.q!)]));
  }
  if (query.typeCode) q = q.where('e.type_code', '=', query.typeCode);
  if (query.status) q = q.where('e.status', '=', query.status);
  if (query.riskLevel === 'none') q = q.where('e.risk_level', 'is', null);
  else if (query.riskLevel) q = q.where('e.risk_level', '=', query.riskLevel);
  if (query.hasCoordinates === 'true') q = q.where('e.latitude', 'is not', null).where('e.longitude', 'is not', null);
  const { total } = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('e.name_folded').orderBy('e.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { total: Number(total), rows };
}

export async function typeExists(db: Db, code: string) {
  return (await db.selectFrom('establishment_types').select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst()) !== undefined;
}

export async function listTypes(db: Db) {
  return db.selectFrom('establishment_types').select(['code', 'name_vi', 'name_en']).where('active', '=', true).orderBy('position').execute();
}

/** Same registration number (case and spaces ignored). */
export async function findByRegistrationNo(db: Db, registrationNo: string, exceptId?: number) {
  let q = db.selectFrom('establishments').select(['id', 'name']).where(sql<string>`upper(replace(registration_no, ' ', ''))`, '=', registrationNo.replace(/\s/g, '').toUpperCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** Same name and address once case and diacritics are folded. */
export async function findByNameAndAddress(db: Db, name: string, address: string, exceptId?: number) {
  let q = db
    .selectFrom('establishments')
    .select(['id', 'name', 'address'])
    .where('name_folded', '=', sql<string>`pcmd_fold(${name})`)
    .where('address_folded', '=', sql<string>`pcmd_fold(${address})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertEstablishment(db: Db, values: Record<string, unknown>) {
  const row = await db.insertInto('establishments').values(values as never).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts establishments given as column rows (bulk import), returning their ids in order. */
export async function insertEstablishments(db: Db, rows: Record<string, unknown>[]) {
  return (await db.insertInto('establishments').values(rows as never).returning('id').execute()).map((r) => r.id);
}

export async function updateEstablishmentRow(db: Db, id: number, values: Record<string, unknown>) {
  await db.updateTable('establishments').set({ ...(values as object), updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Establishments of a unit's records open at some time in [from, to), with an optional extra condition on them. */
export async function countEstablishments(db: Db, unitId: number, from: string, to: string, condition: 'active' | 'classified' | 'committed') {
  const extra =
    condition === 'classified' ? sql`and e.classified_on < ${to}::date and e.risk_level is not null`
    : condition === 'committed' ? sql`and e.commitment_signed_on < ${to}::date`
    : sql``;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from establishments e
     where e.unit_id in ${recordUnitIds(unitId)}
       and e.opened_on < ${to}::date and (e.closed_on is null or e.closed_on >= ${from}::date) ${extra}`.execute(db);
  return rows[0].n;
}

/** Establishments already holding these registration numbers (compared as the unique index does: no spaces, upper case). */
export async function registeredNumbers(db: Db, keys: string[]) {
  if (keys.length === 0) return new Map<string, { id: number; name: string }>();
  const keyExpr = sql<string>`upper(replace(registration_no, ' ', ''))`;
  const rows = await db.selectFrom('establishments').select([keyExpr.as('key'), 'id', 'name']).where(keyExpr, '=', sql<string>`any(${keys}::text[])`).execute();
  return new Map(rows.map((r) => [r.key, { id: r.id, name: r.name }]));
}

/** Existing establishments with the same folded name and address as row i of the lists, folded by the database's own pcmd_fold. */
export async function twinsInDatabase(db: Db, names: string[], addresses: string[]) {
  if (names.length === 0) return new Map<number, { id: number; name: string; address: string }>();
  const { rows } = await sql<{ i: number; id: number; name: string; address: string }>`
    select t.i::int as i, e.id, e.name, e.address
      from unnest(${names}::text[], ${addresses}::text[]) with ordinality as t(n, a, i)
      join establishments e on e.name_folded = pcmd_fold(t.n) and e.address_folded = pcmd_fold(t.a)`.execute(db);
  return new Map(rows.map((r) => [r.i - 1, r]));
}
