import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

export async function sumManualValues(db: Db, measureKey: string, unitId: number, from: string, to: string): Promise<number> {
  const { rows } = await sql<{ v: number }>`
    select coalesce(sum(value), 0)::float8 as v from manual_values
     where measure_key = ${measureKey} and unit_id in ${recordUnitIds(unitId)}
       and period_start >= ${from}::date and period_end <= ${to}::date`.execute(db);
  return rows[0].v;
}

export async function sumDenominators(db: Db, groupKey: string, unitId: number, year: number): Promise<number> {
  const { rows } = await sql<{ v: number }>`
    select coalesce(sum(value), 0)::float8 as v from denominators
     where group_key = ${groupKey} and year = ${year} and unit_id in ${recordUnitIds(unitId)}`.execute(db);
  return rows[0].v;
}

export async function manualMeasureExists(db: Db, key: string): Promise<boolean> {
  return (await db.selectFrom('manual_measures').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function listManualMeasures(db: Db, scopeUnitId: number) {
  // A measure defined at a unit serves that unit's subtree, and the units above may read it.
  return db
    .selectFrom('manual_measures as m')
    .select(['m.key', 'm.name', 'm.unit_id'])
    .where((eb) =>
      eb.or([
        eb('m.unit_id', 'in', eb.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', scopeUnitId)),
        eb('m.unit_id', 'in', eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId)),
      ]),
    )
    .orderBy('m.key')
    .execute();
}

export async function insertManualMeasure(db: Db, m: { key: string; name: string; unitId: number; createdBy: number | null }) {
  await db.insertInto('manual_measures').values({ key: m.key, name: m.name, unit_id: m.unitId, created_by: m.createdBy }).execute();
}

export async function findManualValue(db: Db, key: { measureKey: string; unitId: number; periodStart: string; periodEnd: string }) {
  return db
    .selectFrom('manual_values')
    .select(['value', 'entered_by', 'entered_at'])
    .where('measure_key', '=', key.measureKey)
    .where('unit_id', '=', key.unitId)
    .where('period_start', '=', key.periodStart)
    .where('period_end', '=', key.periodEnd)
    .executeTakeFirst();
}

export async function upsertManualValue(db: Db, v: { measureKey: string; unitId: number; periodStart: string; periodEnd: string; value: number; enteredBy: number | null }) {
  await db
    .insertInto('manual_values')
    .values({ measure_key: v.measureKey, unit_id: v.unitId, period_start: v.periodStart, period_end: v.periodEnd, value: v.value, entered_by: v.enteredBy })
    .onConflict((oc) =>
      oc.columns(['measure_key', 'unit_id', 'period_start', 'period_end']).doUpdateSet({ value: v.value, entered_by: v.enteredBy, entered_at: sql`now()` }),
    )
    .execute();
}

export async function listManualValues(db: Db, measureKey: string, scopeUnitId: number) {
  return db
    .selectFrom('manual_values as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .leftJoin('users as e', 'e.id', 'v.entered_by')
    .select(['v.unit_id', 'u.name as unit_name', 'v.period_start', 'v.period_end', 'v.value', 'e.username as entered_by', 'v.entered_at'])
    .where('v.measure_key', '=', measureKey)
    .where('v.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('v.period_start', 'desc')
    .orderBy('u.name')
    .execute();
}

export async function upsertDenominator(db: Db, d: { groupKey: string; unitId: number; year: number; value: number; enteredBy: number | null }) {
  await db
    .insertInto('denominators')
    .values({ group_key: d.groupKey, unit_id: d.unitId, year: d.year, value: d.value, entered_by: d.enteredBy })
    .onConflict((oc) => oc.columns(['group_key', 'unit_id', 'year']).doUpdateSet({ value: d.value, entered_by: d.enteredBy, entered_at: sql`now()` }))
    .execute();
}

export async function listDenominators(db: Db, scopeUnitId: number, year: number | undefined) {
  let q = db
    .selectFrom('denominators as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.group_key', 'd.unit_id', 'u.name as unit_name', 'u.code as unit_code', 'd.year', 'd.value', 'd.entered_at'])
    .where('d.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId));
  if (year) q = q.where('d.year', '=', year);
  return q.orderBy('d.year', 'desc').orderBy('u.code').orderBy('d.group_key').execute();
}

/** A closure at the unit or any unit above it that overlaps the period. */
export async function findClosure(db: Db, unitId: number, periodStart: string, periodEnd: string) {
  return db
    .selectFrom('closed_periods as p')
    .select(['p.id', 'p.period_start', 'p.period_end'])
    .where('p.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId))
    .where('p.period_start', '<', periodEnd)
    .where('p.period_end', '>', periodStart)
    .executeTakeFirst();
}

export async function insertClosure(db: Db, c: { unitId: number; periodStart: string; periodEnd: string; closedBy: number | null }) {
  const row = await db
    .insertInto('closed_periods')
    .values({ unit_id: c.unitId, period_start: c.periodStart, period_end: c.periodEnd, closed_by: c.closedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
