import { sql } from 'kysely';
import type { TIndicatorInput, TTaskInput } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';

const json = (v: unknown) => JSON.stringify(v);

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function findPlan(db: Db, id: number) {
  return db
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.level as unit_level'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Plans of the reader's subtree, and the plans of the units above it (the plans they implement). */
export async function listPlans(db: Db, scopeUnitId: number) {
  return db
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.unit_id', 'u.name as unit_name', 'p.parent_plan_id', 'p.number_symbol', 'p.issue_date', 'p.subject', 'p.period_from_year', 'p.period_to_year', 'p.status'])
    .where((eb) =>
      eb.or([
        eb('p.unit_id', 'in', eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId)),
        eb('p.unit_id', 'in', eb.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', scopeUnitId)),
      ]),
    )
    .orderBy('p.period_from_year', 'desc')
    .orderBy('u.level')
    .orderBy('p.id')
    .execute();
}

export async function insertPlan(
  db: Db,
  p: {
    unitId: number; parentPlanId: number | null; numberSymbol: string | null; issueDate: string | null; placeName: string; subject: string;
    periodFromYear: number; periodToYear: number; preamble: string; purposes: string; requirements: string; generalObjective: string;
    budget: string; signerName: string; signingMode: string; signerTitle: string; recipients: string[]; reportingCalendar: unknown;
  },
) {
  const row = await db
    .insertInto('plans')
    .values({
      unit_id: p.unitId, parent_plan_id: p.parentPlanId, number_symbol: p.numberSymbol, issue_date: p.issueDate, place_name: p.placeName,
      subject: p.subject, period_from_year: p.periodFromYear, period_to_year: p.periodToYear, preamble: p.preamble, purposes: p.purposes,
      requirements: p.requirements, general_objective: p.generalObjective, budget: p.budget, signer_name: p.signerName,
      signing_mode: p.signingMode, signer_title: p.signerTitle, recipients: json(p.recipients), reporting_calendar: json(p.reportingCalendar),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlanRow(db: Db, id: number, patch: Record<string, unknown>) {
  await db.updateTable('plans').set({ ...patch, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function listSections(db: Db, planId: number) {
  return db.selectFrom('plan_sections').select(['id', 'position', 'heading', 'body']).where('plan_id', '=', planId).orderBy('position').execute();
}

export async function insertSections(db: Db, planId: number, sections: { heading: string; body: string }[]) {
  if (!sections.length) return [];
  const rows = await db
    .insertInto('plan_sections')
    .values(sections.map((s, i) => ({ plan_id: planId, position: i, heading: s.heading, body: s.body })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Replaces a plan's sections position by position: a section that stays keeps its id, and so its tasks;
 * sections past the new end are removed and their tasks become unsectioned.
 */
export async function replaceSectionRows(db: Db, planId: number, sections: { heading: string; body: string }[]) {
  const existing = await listSections(db, planId);
  for (const [i, s] of sections.entries()) {
    if (i < existing.length) await db.updateTable('plan_sections').set({ position: i, heading: s.heading, body: s.body }).where('id', '=', existing[i].id).execute();
    else await db.insertInto('plan_sections').values({ plan_id: planId, position: i, heading: s.heading, body: s.body }).execute();
  }
  const removed = existing.slice(sections.length).map((s) => s.id);
  if (removed.length) await db.deleteFrom('plan_sections').where('id', 'in', removed).execute();
}

export async function listIndicators(db: Db, planId: number) {
  const rows = await db
    .selectFrom('plan_indicators')
    .select(['id', 'parent_indicator_id', 'position', 'name', 'shape', 'numerator', 'denominator', 'comparator', 'unit_level'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const targets = rows.length
    ? await db.selectFrom('indicator_targets').select(['indicator_id', 'period_key', 'target']).where('indicator_id', 'in', rows.map((r) => r.id)).orderBy('period_key').execute()
    : [];
  return rows.map((r) => ({ ...r, targets: targets.filter((t) => t.indicator_id === r.id).map((t) => ({ periodKey: t.period_key, target: Number(t.target) })) }));
}

export async function findIndicator(db: Db, id: number) {
  return db.selectFrom('plan_indicators').select(['id', 'plan_id']).where('id', '=', id).executeTakeFirst();
}

export async function insertIndicator(db: Db, planId: number, position: number, ind: TIndicatorInput, parentIndicatorId: number | null = null) {
  const row = await db
    .insertInto('plan_indicators')
    .values({
      plan_id: planId, parent_indicator_id: parentIndicatorId, position, name: ind.name, shape: ind.shape, numerator: json(ind.numerator),
      denominator: ind.denominator ? json(ind.denominator) : null, comparator: ind.comparator, unit_level: ind.unitLevel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceTargets(db, row.id, ind.targets);
  return row.id;
}

export async function replaceTargets(db: Db, indicatorId: number, targets: { periodKey: string; target: number }[]) {
  await db.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).execute();
  if (targets.length)
    await db.insertInto('indicator_targets').values(targets.map((t) => ({ indicator_id: indicatorId, period_key: t.periodKey, target: t.target }))).execute();
}

/** Targets that child plans set for the indicators derived from these, by child unit. */
export async function listDerivedTargets(db: Db, parentIndicatorIds: number[]) {
  if (!parentIndicatorIds.length) return [];
  return db
    .selectFrom('plan_indicators as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('indicator_targets as t', 't.indicator_id', 'i.id')
    .select(['i.parent_indicator_id', 'p.unit_id', 't.period_key', 't.target'])
    .where('i.parent_indicator_id', 'in', parentIndicatorIds)
    .where('p.status', '<>', 'superseded')
    .execute();
}

export async function listTasksOfPlan(db: Db, planId: number) {
  return db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function insertTask(db: Db, planId: number, position: number, t: TTaskInput & { sectionId: number | null }, parentTaskId: number | null = null) {
  const row = await db
    .insertInto('plan_tasks')
    .values({
      plan_id: planId, section_id: t.sectionId, parent_task_id: parentTaskId, position, title: t.title, lead_agency: t.leadAgency,
      cooperating_agencies: json(t.cooperatingAgencies ?? []), deadline: t.deadline ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function maxPositions(db: Db, planId: number) {
  const { rows } = await sql<{ i: number; t: number }>`
    select coalesce((select max(position) + 1 from plan_indicators where plan_id = ${planId}), 0)::int as i,
           coalesce((select max(position) + 1 from plan_tasks where plan_id = ${planId}), 0)::int as t`.execute(db);
  return rows[0];
}
