import {
  formatDateVi,
  ZReportingCalendar,
  type TCreatePlanRequest,
  type TIndicatorInput,
  type TMeasureRef,
  type TPlan,
  type TPlanIndicator,
  type TPlanSummary,
  type TPlanTask,
  type TTaskInput,
  type TUpdatePlanRequest,
} from '@pcmd/contracts';
import { inTransaction, type Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { fieldError, notFound, outOfScope } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertMeasuresExist } from '../indicators/indicators.engine.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { findUnit, isInSubtree } from '../units/units.repository.js';
import * as repo from './plans.repository.js';

const today = () => new Date().toISOString().slice(0, 10);

export function presentTask(t: Awaited<ReturnType<typeof repo.listTasksOfPlan>>[number]): TPlanTask {
  return {
    id: t.id,
    planId: t.plan_id,
    sectionId: t.section_id,
    position: t.position,
    title: t.title,
    leadAgency: t.lead_agency,
    cooperatingAgencies: (t.cooperating_agencies as string[]) ?? [],
    deadline: t.deadline,
    status: t.status as TPlanTask['status'],
    doneAt: t.done_at,
    overdue: t.deadline !== null && t.deadline < today() && t.status !== 'done' && t.status !== 'cancelled',
  };
}

function presentIndicator(i: Awaited<ReturnType<typeof repo.listIndicators>>[number]): TPlanIndicator {
  return {
    id: i.id,
    parentIndicatorId: i.parent_indicator_id,
    position: i.position,
    name: i.name,
    shape: i.shape as TPlanIndicator['shape'],
    numerator: i.numerator as TMeasureRef,
    denominator: (i.denominator as TMeasureRef | null) ?? null,
    comparator: i.comparator as TPlanIndicator['comparator'],
    unitLevel: i.unit_level,
    targets: i.targets,
  };
}

function presentSummary(p: Pick<repo.PlanRow, 'id' | 'unit_id' | 'unit_name' | 'parent_plan_id' | 'number_symbol' | 'issue_date' | 'subject' | 'period_from_year' | 'period_to_year' | 'status'>): TPlanSummary {
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    parentPlanId: p.parent_plan_id,
    numberSymbol: p.number_symbol,
    issueDate: p.issue_date,
    subject: p.subject,
    periodFromYear: p.period_from_year,
    periodToYear: p.period_to_year,
    status: p.status as TPlanSummary['status'],
  };
}

/** A plan is readable from its own subtree and from units below it (who implement it); writable only from its subtree. */
export async function loadPlan(ctx: RequestContext, id: number, mode: 'read' | 'write'): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan) throw notFound();
  const mine = await isInSubtree(ctx.db, ctx.actor.unitId, plan.unit_id);
  const above = mode === 'read' && (await isInSubtree(ctx.db, plan.unit_id, ctx.actor.unitId));
  if (!mine && !above) throw outOfScope();
  return plan;
}

export async function getPlan(ctx: RequestContext, id: number): Promise<TPlan> {
  const plan = await loadPlan(ctx, id, 'read');
  const [sections, indicators, tasks] = await Promise.all([repo.listSections(ctx.db, id), repo.listIndicators(ctx.db, id), repo.listTasksOfPlan(ctx.db, id)]);
  return {
    ...presentSummary(plan),
    placeName: plan.place_name,
    preamble: plan.preamble,
    purposes: plan.purposes,
    requirements: plan.requirements,
    generalObjective: plan.general_objective,
    budget: plan.budget,
    signerName: plan.signer_name,
    signingMode: plan.signing_mode as TPlan['signingMode'],
    signerTitle: plan.signer_title,
    recipients: plan.recipients as string[],
    reportingCalendar: ZReportingCalendar.parse(plan.reporting_calendar),
    sections,
    indicators: indicators.map(presentIndicator),
    tasks: tasks.map(presentTask),
  };
}

export async function listPlansInScope(ctx: RequestContext) {
  return { items: (await repo.listPlans(ctx.db, ctx.actor.unitId)).map(presentSummary) };
}

/** Checks formulas against the measure registry; `pathOf` places each error at its field (in a list, or a single indicator). */
async function validateIndicators(db: Db, indicators: TIndicatorInput[], vi: boolean, pathOf = (i: number, field: string) => `indicators.${i}.${field}`) {
  for (const [i, ind] of indicators.entries()) {
    if (ind.shape !== 'manual' && !ind.denominator)
      throw fieldError(pathOf(i, 'denominator'), vi ? '«Mẫu số» là bắt buộc với chỉ tiêu dạng tỷ lệ' : '«Denominator» is required for a share');
    await assertMeasuresExist(db, [{ path: pathOf(i, 'numerator'), ref: ind.numerator }, { path: pathOf(i, 'denominator'), ref: ind.denominator }], vi);
  }
}

async function insertTasks(db: Db, planId: number, tasks: TTaskInput[], sectionIds: number[], start = 0) {
  for (const [i, t] of tasks.entries()) {
    const sectionId = t.sectionPosition === null || t.sectionPosition === undefined ? null : (sectionIds[t.sectionPosition] ?? null);
    await repo.insertTask(db, planId, start + i, { ...t, sectionId });
  }
}

export async function createPlan(ctx: RequestContext, input: TCreatePlanRequest): Promise<TPlan> {
  const vi = ctx.locale === 'vi';
  await assertUnitInScope(ctx, input.unitId);
  if (input.parentPlanId) {
    const parent = await loadPlan(ctx, input.parentPlanId, 'read');
    if (!(await isInSubtree(ctx.db, parent.unit_id, input.unitId)))
      throw fieldError('parentPlanId', vi ? 'Kế hoạch cấp trên phải của đơn vị cấp trên' : 'The parent plan must belong to a unit above');
  }
  await validateIndicators(ctx.db, input.indicators, vi);
  for (const [i, t] of input.tasks.entries())
    if (t.sectionPosition !== null && t.sectionPosition !== undefined && t.sectionPosition >= input.sections.length)
      throw fieldError(`tasks.${i}.sectionPosition`, vi ? 'Không có mục này trong kế hoạch' : 'No such section');
  const id = await inTransaction(ctx.db, async (trx) => {
    const planId = await repo.insertPlan(trx, {
      ...input,
      parentPlanId: input.parentPlanId ?? null,
      numberSymbol: input.numberSymbol ?? null,
      issueDate: input.issueDate ?? null,
    });
    const sectionIds = await repo.insertSections(trx, planId, input.sections);
    for (const [i, ind] of input.indicators.entries()) await repo.insertIndicator(trx, planId, i, ind);
    await insertTasks(trx, planId, input.tasks, sectionIds);
    await recordAudit(trx, ctx, { action: 'create', entity: 'plan', entityId: planId, unitId: input.unitId, after: input });
    return planId;
  });
  return getPlan(ctx, id);
}

const PLAN_COLUMNS: Record<string, string> = {
  numberSymbol: 'number_symbol', issueDate: 'issue_date', placeName: 'place_name', subject: 'subject', periodFromYear: 'period_from_year',
  periodToYear: 'period_to_year', preamble: 'preamble', purposes: 'purposes', requirements: 'requirements', generalObjective: 'general_objective',
  budget: 'budget', signerName: 'signer_name', signingMode: 'signing_mode', signerTitle: 'signer_title', recipients: 'recipients',
  reportingCalendar: 'reporting_calendar', status: 'status',
};

export async function updatePlan(ctx: RequestContext, id: number, input: TUpdatePlanRequest): Promise<TPlan> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const plan = await loadPlan(tctx, id, 'write');
    const before = await getPlan(tctx, id);
    const from = input.periodFromYear ?? plan.period_from_year;
    const to = input.periodToYear ?? plan.period_to_year;
    if (to < from) throw fieldError('periodToYear', ctx.locale === 'vi' ? 'Năm kết thúc phải không trước năm bắt đầu' : 'The end year must not precede the start year');
    const patch = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [PLAN_COLUMNS[k], k === 'recipients' || k === 'reportingCalendar' ? JSON.stringify(v) : v]),
    );
    await repo.updatePlanRow(trx, id, patch);
    const after = await getPlan(tctx, id);
    const { sections: _s, indicators: _i, tasks: _t, ...beforeFields } = before;
    const { sections: _s2, indicators: _i2, tasks: _t2, ...afterFields } = after;
    await recordAudit(trx, ctx, { action: 'update', entity: 'plan', entityId: id, unitId: plan.unit_id, before: beforeFields, after: afterFields });
    return after;
  });
}

export async function replaceSections(ctx: RequestContext, id: number, sections: { heading: string; body: string }[]): Promise<TPlan> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const plan = await loadPlan(tctx, id, 'write');
    const before = await repo.listSections(trx, id);
    await repo.replaceSectionRows(trx, id, sections);
    await recordAudit(trx, ctx, { action: 'update', entity: 'plan_sections', entityId: id, unitId: plan.unit_id, before, after: sections });
    return getPlan(tctx, id);
  });
}

export async function addIndicator(ctx: RequestContext, planId: number, input: TIndicatorInput): Promise<TPlan> {
  await validateIndicators(ctx.db, [input], ctx.locale === 'vi', (_i, field) => field);
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const plan = await loadPlan(tctx, planId, 'write');
    const { i } = await repo.maxPositions(trx, planId);
    const id = await repo.insertIndicator(trx, planId, i, input);
    await recordAudit(trx, ctx, { action: 'create', entity: 'indicator', entityId: id, unitId: plan.unit_id, after: input });
    return getPlan(tctx, planId);
  });
}

export async function setTargets(ctx: RequestContext, indicatorId: number, targets: { periodKey: string; target: number }[]): Promise<TPlan> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const indicator = await repo.findIndicator(trx, indicatorId);
    if (!indicator) throw notFound();
    const plan = await loadPlan(tctx, indicator.plan_id, 'write');
    const before = (await repo.listIndicators(trx, plan.id)).find((i) => i.id === indicatorId)?.targets;
    await repo.replaceTargets(trx, indicatorId, targets);
    await recordAudit(trx, ctx, { action: 'update', entity: 'indicator_targets', entityId: indicatorId, unitId: plan.unit_id, before, after: targets });
    return getPlan(tctx, plan.id);
  });
}

export async function addTask(ctx: RequestContext, planId: number, input: TTaskInput): Promise<TPlan> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const plan = await loadPlan(tctx, planId, 'write');
    const sections = await repo.listSections(trx, planId);
    if (input.sectionPosition !== null && input.sectionPosition !== undefined && input.sectionPosition >= sections.length)
      throw fieldError('sectionPosition', ctx.locale === 'vi' ? 'Không có mục này trong kế hoạch' : 'No such section');
    const { t } = await repo.maxPositions(trx, planId);
    await insertTasks(trx, planId, [input], sections.map((s) => s.id), t);
    await recordAudit(trx, ctx, { action: 'create', entity: 'task', unitId: plan.unit_id, after: input });
    return getPlan(tctx, planId);
  });
}

/** "…trên địa bàn tỉnh Mẫu" becomes "…trên địa bàn phường Tân An": the unit's name with its type word in either case. */
function renameUnitInText(text: string, from: string, to: string): string {
  const lowerType = (name: string) => name.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  return text.replace(from, to).replace(lowerType(from), lowerType(to));
}

/**
 * Starts a lower level's plan from a higher one: sections, indicators (linked to their parent, targets copied)
 * and tasks are copied into a draft that the lower level then edits.
 */
export async function derivePlan(ctx: RequestContext, sourceId: number, input: { unitId: number; placeName: string }): Promise<TPlan> {
  const vi = ctx.locale === 'vi';
  const source = await getPlan(ctx, sourceId);
  await assertUnitInScope(ctx, input.unitId);
  if (input.unitId === source.unitId || !(await isInSubtree(ctx.db, source.unitId, input.unitId)))
    throw fieldError('unitId', vi ? 'Chỉ đơn vị cấp dưới mới xây dựng kế hoạch từ kế hoạch này' : 'Only a unit below can derive from this plan');
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound();
  const sourceRef = `Thực hiện Kế hoạch số ${source.numberSymbol ?? '…'}${source.issueDate ? ` ngày ${formatDateVi(source.issueDate)}` : ''} của UBND ${source.unitName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Huyện|Quận|Thị xã)\s+/u, (m) => m.toLowerCase())} về ${source.subject.charAt(0).toLowerCase()}${source.subject.slice(1)};`;
  const id = await inTransaction(ctx.db, async (trx) => {
    const planId = await repo.insertPlan(trx, {
      ...source,
      unitId: input.unitId,
      parentPlanId: source.id,
      numberSymbol: null,
      issueDate: null,
      placeName: input.placeName,
      subject: renameUnitInText(source.subject, source.unitName, unit.name),
      preamble: sourceRef,
      signerName: '',
    });
    const sectionIds = await repo.insertSections(trx, planId, source.sections);
    for (const ind of source.indicators) {
      const { id: parentId, position, parentIndicatorId: _p, ...rest } = ind;
      await repo.insertIndicator(trx, planId, position, { ...rest, denominator: rest.denominator ?? null }, parentId);
    }
    for (const task of source.tasks) {
      const sectionIndex = source.sections.findIndex((s) => s.id === task.sectionId);
      await repo.insertTask(
        trx,
        planId,
        task.position,
        { title: task.title, leadAgency: task.leadAgency, cooperatingAgencies: task.cooperatingAgencies, deadline: task.deadline, sectionId: sectionIndex >= 0 ? sectionIds[sectionIndex] : null },
        task.id,
      );
    }
    await recordAudit(trx, ctx, { action: 'create', entity: 'plan', entityId: planId, unitId: input.unitId, detail: { derivedFrom: source.id } });
    return planId;
  });
  return getPlan(ctx, id);
}
