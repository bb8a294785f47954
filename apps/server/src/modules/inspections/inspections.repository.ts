import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

const json = (v: unknown) => JSON.stringify(v);

export async function listViolationTypes(db: Db) {
  return db.selectFrom('violation_types').selectAll().orderBy('position').orderBy('code').execute();
}

export async function findViolationType(db: Db, code: string) {
  return db.selectFrom('violation_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function upsertViolationType(db: Db, v: { code: string; name: string; legalBasis: string; category: string; fineMin?: number | null; fineMax?: number | null; active: boolean }) {
  const values = { name: v.name, legal_basis: v.legalBasis, category: v.category, fine_min: v.fineMin ?? null, fine_max: v.fineMax ?? null, active: v.active };
  await db.insertInto('violation_types').values({ code: v.code, ...values }).onConflict((oc) => oc.column('code').doUpdateSet(values)).execute();
}

export async function insertInspectionPlan(db: Db, p: { unitId: number; kind: string; title: string; team: unknown; startsOn: string; endsOn: string; createdBy: number | null }, establishmentIds: number[]) {
  const { id } = await db
    .insertInto('inspection_plans')
    .values({ unit_id: p.unitId, kind: p.kind, title: p.title, team: json(p.team), starts_on: p.startsOn, ends_on: p.endsOn, created_by: p.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (establishmentIds.length)
    await db.insertInto('inspection_plan_targets').values(establishmentIds.map((e) => ({ inspection_plan_id: id, establishment_id: e }))).execute();
  return id;
}

export async function findInspectionPlan(db: Db, id: number) {
  const plan = await db.selectFrom('inspection_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!plan) return undefined;
  const targets = await db
    .selectFrom('inspection_plan_targets as t')
    .innerJoin('establishments as e', 'e.id', 't.establishment_id')
    .select(['e.id', 'e.name', sql<boolean>`exists (select 1 from inspections i where i.inspection_plan_id = ${id} and i.establishment_id = e.id)`.as('inspected')])
    .where('t.inspection_plan_id', '=', id)
    .orderBy('e.name_folded')
    .execute();
  return { ...plan, targets };
}

export async function listInspectionPlans(db: Db, scopeUnitId: number) {
  return db
    .selectFrom('inspection_plans')
    .selectAll()
    .where('unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .orderBy('starts_on', 'desc')
    .execute();
}

/** Establishments of the list that lie outside a subtree (a plan may only target its own area's). */
export async function establishmentsOutside(db: Db, scopeUnitId: number, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('establishments')
    .select('id')
    .where('id', '=', sql<number>`any(${ids}::int[])`)
    .where('unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .execute();
  const inside = new Set(rows.map((r) => r.id));
  return ids.filter((i) => !inside.has(i));
}

export async function insertInspection(
  db: Db,
  i: { establishmentId: number; inspectionPlanId: number | null; kind: string; inspectedOn: string; checklist: unknown; findings: string; peoplePresent: number; createdBy: number | null },
) {
  const { id } = await db
    .insertInto('inspections')
    .values({
      establishment_id: i.establishmentId, inspection_plan_id: i.inspectionPlanId, kind: i.kind, inspected_on: i.inspectedOn,
      checklist: json(i.checklist), findings: i.findings, people_present: i.peoplePresent, created_by: i.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertViolations(db: Db, inspectionId: number, violations: { code: string; note: string }[]) {
  if (violations.length)
    await db.insertInto('inspection_violations').values(violations.map((v) => ({ inspection_id: inspectionId, violation_code: v.code, note: v.note }))).execute();
}

export async function insertSanction(
  db: Db,
  inspectionId: number,
  s: { decisionNo: string; decisionDate: string; issuer: string; fineAmount: number; additionalMeasures: string; followUp: string; followUpDoneOn?: string | null },
) {
  await db
    .insertInto('sanctions')
    .values({
      inspection_id: inspectionId, decision_no: s.decisionNo, decision_date: s.decisionDate, issuer: s.issuer, fine_amount: s.fineAmount,
      additional_measures: s.additionalMeasures, follow_up: s.followUp, follow_up_done_on: s.followUpDoneOn ?? null,
    })
    .execute();
}

export async function findInspection(db: Db, id: number) {
  const row = await db
    .selectFrom('inspections as i')
    .innerJoin('establishments as e', 'e.id', 'i.establishment_id')
    .selectAll('i')
    .select(['e.name as establishment_name', 'e.unit_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const violations = await db
    .selectFrom('inspection_violations as v')
    .innerJoin('violation_types as t', 't.code', 'v.violation_code')
    .select(['v.violation_code as code', 't.name', 'v.note'])
    .where('v.inspection_id', '=', id)
    .execute();
  const sanctions = await db.selectFrom('sanctions').selectAll().where('inspection_id', '=', id).orderBy('id').execute();
  const fileIds = (row.file_ids as number[]) ?? [];
  const files = fileIds.length
    ? await db.selectFrom('stored_files').select(['id', 'file_name as name', 'size_bytes as size']).where('id', 'in', fileIds).orderBy('id').execute()
    : [];
  return { ...row, violations, sanctions, files };
}

export async function listInspectionIdsOf(db: Db, establishmentId: number) {
  return (await db.selectFrom('inspections').select('id').where('establishment_id', '=', establishmentId).orderBy('inspected_on', 'desc').execute()).map((r) => r.id);
}

export async function attachFile(db: Db, inspectionId: number, fileId: number) {
  await db
    .updateTable('inspections')
    .set({ file_ids: sql`file_ids || ${JSON.stringify([fileId])}::jsonb`, updated_at: sql`now()` })
    .where('id', '=', inspectionId)
    .execute();
}

export async function findSanction(db: Db, id: number) {
  return db
    .selectFrom('sanctions as s')
    .innerJoin('inspections as i', 'i.id', 's.inspection_id')
    .innerJoin('establishments as e', 'e.id', 'i.establishment_id')
    .selectAll('s')
    .select(['e.unit_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function updateSanctionFollowUp(db: Db, id: number, followUp: string, doneOn: string | null) {
  await db.updateTable('sanctions').set({ follow_up: followUp, follow_up_done_on: doneOn }).where('id', '=', id).execute();
}

/** Distinct establishments of a unit's records inspected in [from, to), optionally only those with a violation or a sanction. */
export async function countInspected(db: Db, unitId: number, from: string, to: string, condition: 'any' | 'violation' | 'sanction') {
  const extra =
    condition === 'violation' ? sql`and exists (select 1 from inspection_violations v where v.inspection_id = i.id)`
    : condition === 'sanction' ? sql`and exists (select 1 from sanctions s where s.inspection_id = i.id)`
    : sql``;
  const { rows } = await sql<{ n: number }>`
    select count(distinct i.establishment_id)::int as n from inspections i join establishments e on e.id = i.establishment_id
     where e.unit_id in ${recordUnitIds(unitId)} and i.inspected_on >= ${from}::date and i.inspected_on < ${to}::date ${extra}`.execute(db);
  return rows[0].n;
}

export async function readRiskWeights(db: Db) {
  return (await db.selectFrom('risk_weights').select('weights').executeTakeFirstOrThrow()).weights;
}

export async function writeRiskWeights(db: Db, weights: unknown, userId: number | null) {
  await db.updateTable('risk_weights').set({ weights: json(weights), updated_by: userId, updated_at: sql`now()` }).execute();
}

/**
 * What the priority score reads of each active establishment in a subtree. Inspections, violations and tips are
 * aggregated once per establishment of the subtree (grouped joins), not looked up row by row: a province has
 * hundreds of thousands of establishments.
 */
export async function listPriorityInputs(db: Db, scopeUnitId: number) {
  const { rows } = await sql<{
    id: number; name: string; type_code: string; risk_level: string | null; commitment_signed_on: string | null; unit_name: string; name_vi: string; name_en: string;
    last_inspected_on: string | null; past_violations: number; linked_tips: number;
  }>`
    with scoped as (
      select e.id, e.name, e.type_code, e.risk_level, e.commitment_signed_on, e.unit_id
        from establishments e join unit_closure c on c.descendant_id = e.unit_id
       where c.ancestor_id = ${scopeUnitId} and e.status <> 'closed'),
    visits as (
      select i.establishment_id, max(i.inspected_on)::text as last_inspected_on, count(v.inspection_id)::int as past_violations
        from inspections i join scoped s on s.id = i.establishment_id
        left join inspection_violations v on v.inspection_id = i.id
       group by i.establishment_id),
    linked as (
      select t.establishment_id, count(*)::int as linked_tips
        from tips t join scoped s on s.id = t.establishment_id
       where t.result is null or t.result <> 'not_confirmed'
       group by t.establishment_id)
    select s.id, s.name, s.type_code, s.risk_level, s.commitment_signed_on::text as commitment_signed_on, u.name as unit_name, t.name_vi, t.name_en,
           v.last_inspected_on, coalesce(v.past_violations, 0) as past_violations, coalesce(l.linked_tips, 0) as linked_tips
      from scoped s
      join units u on u.id = s.unit_id
      join establishment_types t on t.code = s.type_code
      left join visits v on v.establishment_id = s.id
      left join linked l on l.establishment_id = s.id`.execute(db);
  return rows;
}
