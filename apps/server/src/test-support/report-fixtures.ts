import type { Db } from '../db/database.js';
import { ensureCountryRoot, systemContext } from '../demo/demo-data.js';
import { getPlan } from '../modules/plans/plans.service.js';
import { buildUnitContent } from '../modules/reports/reports.content.js';
import { insertReport, updateReportRow } from '../modules/reports/reports.repository.js';
import { reportDueOn } from '../modules/reports/reports.service.js';

/** A report of a plan for a period, left as a draft or submitted (its numbers frozen), written straight to the tables. */
export async function createTestReport(db: Db, planId: number, periodKey: string, status: 'draft' | 'submitted' = 'draft') {
  const plan = await getPlan(systemContext(db, await ensureCountryRoot(db)), planId);
  const id = await insertReport(db, {
    kind: 'unit', unitId: plan.unitId, planId, periodKey, dueOn: reportDueOn(plan, periodKey),
    narrative: { results: 'Kết quả thử.', limits: '', proposals: '' }, recipients: ['Sở Y tế'], createdBy: null,
  });
  if (status === 'submitted') await updateReportRow(db, id, { status, submitted_at: new Date(), snapshot: JSON.stringify(await buildUnitContent(db, plan, periodKey)) });
  return id;
}

/** The report fixtures of the access tests: one draft and one frozen report per side, and pools for the steps that consume one. */
export async function reportFixture(db: Db, planA: number, planB: number) {
  let year = 2030;
  const drafts: number[] = [];
  const submitted: number[] = [];
  // The matrix asks every role (and an anonymous caller) for a sample, so each pool needs a report per role and one more.
  for (let i = 0; i < 14; i++) drafts.push(await createTestReport(db, planA, String(++year)));
  for (let i = 0; i < 14; i++) submitted.push(await createTestReport(db, planA, String(++year), 'submitted'));
  return {
    reportA: await createTestReport(db, planA, '2026H1'),
    reportB: await createTestReport(db, planB, '2026H1'),
    frozenReportA: await createTestReport(db, planA, '2026', 'submitted'),
    freshDraftReportA: () => drafts.pop()!,
    freshSubmittedReportA: () => submitted.pop()!,
    newReportPeriod: () => String(++year),
  };
}
