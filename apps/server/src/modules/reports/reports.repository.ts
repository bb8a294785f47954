import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

const reportColumns = [
  'r.id', 'r.kind', 'r.unit_id', 'r.plan_id', 'r.period_key', 'r.status', 'r.number_symbol', 'r.recipients', 'r.narrative', 'r.snapshot', 'r.due_on',
  'r.submitted_at', 'r.sent_at', 'r.signer_name', 'r.signer_title', 'r.signing_mode', 'r.received_at', 'r.return_comment',
] as const;

function reports(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .select([...reportColumns, 'u.name as unit_name', 'u.level as unit_level', 'p.number_symbol as plan_number_symbol', 'p.subject as plan_subject', 'p.place_name']);
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export const findReport = (db: Db, id: number) => reports(db).where('r.id', '=', id).executeTakeFirst();

export const findReportFor = (db: Db, planId: number, periodKey: string, kind: 'unit' | 'consolidated') =>
  reports(db).where('r.plan_id', '=', planId).where('r.period_key', '=', periodKey).where('r.kind', '=', kind).executeTakeFirst();

/** Reports of the units in a subtree, the newest period first. */
export const listReports = (db: Db, scopeUnitId: number) =>
  reports(db)
    .where('r.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('r.period_key', 'desc')
    .orderBy('u.name')
    .orderBy('r.id')
    .limit(500)
    .execute();

export async function insertReport(
  db: Db,
  row: { kind: 'unit' | 'consolidated'; unitId: number; planId: number; periodKey: string; dueOn: string; narrative: unknown; recipients: string[]; createdBy: number | null },
) {
  const { id } = await db
    .insertInto('reports')
    .values({
      kind: row.kind, unit_id: row.unitId, plan_id: row.planId, period_key: row.periodKey, due_on: row.dueOn,
      narrative: JSON.stringify(row.narrative), recipients: JSON.stringify(row.recipients), created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateReportRow(db: Db, id: number, patch: Record<string, unknown>) {
  await db
    .updateTable('reports')
    .set({ ...patch, updated_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

/** The communes (and wards) under an upper unit on a day: the units that report to it. */
export const listReportingUnits = (db: Db, upperUnitId: number, day: string) =>
  db
    .selectFrom('units as u')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'u.id')
    .select(['u.id', 'u.name'])
    .where('c.ancestor_id', '=', upperUnitId)
    .where('u.level', '=', 3)
    .where('u.valid_from', '<=', day)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', day)]))
    .orderBy('u.name')
    .execute();

/** The unit reports of one period on the plans derived from an upper plan: what the upper level receives. */
export const listReportsOnDerivedPlans = (db: Db, upperPlanId: number, periodKey: string) =>
  reports(db)
    .where('r.kind', '=', 'unit')
    .where('r.period_key', '=', periodKey)
    .where('p.parent_plan_id', '=', upperPlanId)
    .execute();

export const listIndicatorCodes = (db: Db, indicatorIds: number[]) =>
  indicatorIds.length
    ? db.selectFrom('dhis2_indicator_codes').selectAll().where('indicator_id', '=', sql<number>`any(${indicatorIds}::int[])`).execute()
    : Promise.resolve([]);

export const listUnitCodes = (db: Db, unitIds: number[]) =>
  unitIds.length ? db.selectFrom('dhis2_unit_codes').selectAll().where('unit_id', '=', sql<number>`any(${unitIds}::int[])`).execute() : Promise.resolve([]);

export async function upsertIndicatorCode(db: Db, c: { indicatorId: number; dataElement: string; categoryOptionCombo: string | null }) {
  await db
    .insertInto('dhis2_indicator_codes')
    .values({ indicator_id: c.indicatorId, data_element: c.dataElement, category_option_combo: c.categoryOptionCombo })
    .onConflict((oc) => oc.column('indicator_id').doUpdateSet({ data_element: c.dataElement, category_option_combo: c.categoryOptionCombo }))
    .execute();
}

export async function upsertUnitCode(db: Db, c: { unitId: number; orgUnit: string }) {
  await db
    .insertInto('dhis2_unit_codes')
    .values({ unit_id: c.unitId, org_unit: c.orgUnit })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ org_unit: c.orgUnit }))
    .execute();
}

/** The unit's issued plans that run in a year: those it must report on. */
export const listIssuedPlansOfYear = (db: Db, unitId: number, year: number) =>
  db
    .selectFrom('plans')
    .select(['id', 'subject'])
    .where('unit_id', '=', unitId)
    .where('status', '=', 'issued')
    .where('period_from_year', '<=', year)
    .where('period_to_year', '>=', year)
    .orderBy('id')
    .execute();

export async function findIndicatorUnit(db: Db, indicatorId: number): Promise<number | null> {
  const row = await db.selectFrom('plan_indicators as i').innerJoin('plans as p', 'p.id', 'i.plan_id').select('p.unit_id').where('i.id', '=', indicatorId).executeTakeFirst();
  return row?.unit_id ?? null;
}
