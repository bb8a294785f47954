import { DENOMINATOR_GROUPS, formatDateVi, periodRange, type TBoardRow, type TDenominatorRequest, type TManualValueRequest } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, fieldError, isUniqueViolation } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getPlan } from '../plans/plans.service.js';
import { listDerivedTargets } from '../plans/plans.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { findUnit, isInSubtree, listCurrentChildren } from '../units/units.repository.js';
import { lastDay } from '../units/units.measures.js';
import { computeIndicator, targetFor, type IndicatorDefinition, type MeasureCache } from './indicators.engine.js';
import { listBuiltInMeasures, resolveMeasure } from './measure-registry.js';
import * as repo from './indicators.repository.js';

/**
 * The indicator board of a plan for a unit (the plan's own unit, or one below it to drill down) and a period:
 * value and status of each indicator, its trend over the plan's years, each child unit's value next to the
 * target that unit set for itself, and the units that are behind.
 */
export async function buildBoard(ctx: RequestContext, planId: number, periodKey: string, unitId?: number): Promise<{ unitId: number; unitName: string; periodKey: string; rows: TBoardRow[] }> {
  const plan = await getPlan(ctx, planId);
  // A plan of the level above is read for one's own area: its board defaults to the reader's unit.
  const target = unitId ?? ((await isInSubtree(ctx.db, ctx.actor.unitId, plan.unitId)) ? plan.unitId : ctx.actor.unitId);
  await assertUnitInScope(ctx, target);
  const unit = await findUnit(ctx.db, target);
  if (!unit) throw new AppError('NOT_FOUND');
  const { to } = periodRange(plan.reportingCalendar, periodKey);
  const children = await listCurrentChildren(ctx.db, target, lastDay(to));
  const derived = await listDerivedTargets(ctx.db, plan.indicators.map((i) => i.id));
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: plan.periodToYear - plan.periodFromYear + 1 }, (_, k) => String(plan.periodFromYear + k)).filter((y) => +y <= thisYear);
  const rows: TBoardRow[] = [];
  const cache: MeasureCache = new Map();
  for (const ind of plan.indicators) {
    const def: IndicatorDefinition = { ...ind, targets: Object.fromEntries(ind.targets.map((t) => [t.periodKey, t.target])) };
    const ownTarget = (childUnitId: number) => {
      const mine = derived.filter((d) => d.parent_indicator_id === ind.id && d.unit_id === childUnitId);
      return targetFor(Object.fromEntries(mine.map((d) => [d.period_key, Number(d.target)])), periodKey);
    };
    const planTarget = targetFor(def.targets, periodKey);
    const current = await computeIndicator(ctx.db, def, target, plan.reportingCalendar, periodKey, target === plan.unitId ? planTarget : (ownTarget(target) ?? planTarget), undefined, cache);
    const trend = [];
    for (const year of years) trend.push({ periodKey: year, ...(await computeIndicator(ctx.db, def, target, plan.reportingCalendar, year, targetFor(def.targets, year), undefined, cache)) });
    const childValues = [];
    if (unit.level < ind.unitLevel)
      for (const child of children) {
        const childTarget = ownTarget(child.id);
        const value = await computeIndicator(ctx.db, def, child.id, plan.reportingCalendar, periodKey, childTarget ?? planTarget, undefined, cache);
        childValues.push({ unitId: child.id, unitName: child.name, ownTarget: childTarget, ...value });
      }
    rows.push({
      indicatorId: ind.id,
      name: ind.name,
      shape: ind.shape,
      comparator: ind.comparator,
      current,
      trend,
      children: childValues,
      behind: childValues.filter((c) => c.status === 'behind').map((c) => ({ unitId: c.unitId, unitName: c.unitName })),
    });
  }
  return { unitId: target, unitName: unit.name, periodKey, rows };
}

export async function listMeasures(ctx: RequestContext) {
  const manual = await repo.listManualMeasures(ctx.db, ctx.actor.unitId);
  const denominators = Object.entries(DENOMINATOR_GROUPS).map(([group, label]) => ({ key: `denominator.${group}`, label: { ...label }, params: [] as string[] }));
  return {
    builtIn: [...listBuiltInMeasures(), ...denominators],
    manual: manual.map((m) => ({ key: m.key, name: m.name, unitId: m.unit_id })),
  };
}

export async function defineManualMeasure(ctx: RequestContext, input: { key: string; name: string; unitId: number }) {
  await assertUnitInScope(ctx, input.unitId);
  try {
    await inTransaction(ctx.db, async (trx) => {
      await repo.insertManualMeasure(trx, { ...input, createdBy: ctx.actor.userId || null });
      await recordAudit(trx, ctx, { action: 'create', entity: 'manual_measure', entityId: input.key, unitId: input.unitId, after: input });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', { fields: [{ path: 'key', message: ctx.locale === 'vi' ? 'Mã chỉ số đo đã có' : 'This key exists' }] });
    throw err;
  }
  return { key: input.key, name: input.name, unitId: input.unitId };
}

async function assertPeriodOpen(ctx: RequestContext, unitId: number, periodStart: string, periodEnd: string) {
  const closure = await repo.findClosure(ctx.db, unitId, periodStart, periodEnd);
  if (closure)
    throw fieldError(
      'periodStart',
      ctx.locale === 'vi'
        ? `Kỳ báo cáo ${formatDateVi(closure.period_start)}–${formatDateVi(lastDay(closure.period_end))} đã khóa; không thể nhập thêm số liệu`
        : 'This reporting period is closed; no more data can be entered',
    );
}

/** One cell of a manual data set: refused outside the user's subtree, for a closed period, or for an unknown measure. */
export async function enterManualValue(ctx: RequestContext, input: TManualValueRequest) {
  const vi = ctx.locale === 'vi';
  await assertUnitInScope(ctx, input.unitId);
  if (input.periodEnd <= input.periodStart) throw fieldError('periodEnd', vi ? 'Ngày kết thúc phải sau ngày bắt đầu' : 'The end must come after the start');
  if (!(await resolveMeasure(ctx.db, input.measureKey))) throw fieldError('measureKey', vi ? `Không có chỉ số đo «${input.measureKey}»` : `No measure «${input.measureKey}»`);
  await assertPeriodOpen(ctx, input.unitId, input.periodStart, input.periodEnd);
  return inTransaction(ctx.db, async (trx) => {
    const before = await repo.findManualValue(trx, input);
    await repo.upsertManualValue(trx, { ...input, enteredBy: ctx.actor.userId || null });
    await recordAudit(trx, ctx, { action: before ? 'update' : 'create', entity: 'manual_value', entityId: `${input.measureKey}:${input.periodStart}:${input.periodEnd}`, unitId: input.unitId, before: before ? { value: Number(before.value) } : null, after: { value: input.value } });
    return { ...input, enteredBy: ctx.actor.username };
  });
}

export async function listManualValues(ctx: RequestContext, measureKey: string) {
  const rows = await repo.listManualValues(ctx.db, measureKey, ctx.actor.unitId);
  return {
    items: rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, periodStart: r.period_start, periodEnd: r.period_end, value: Number(r.value), enteredBy: r.entered_by, enteredAt: new Date(r.entered_at).toISOString() })),
  };
}

export async function setDenominator(ctx: RequestContext, input: TDenominatorRequest) {
  await assertUnitInScope(ctx, input.unitId);
  return inTransaction(ctx.db, async (trx) => {
    await repo.upsertDenominator(trx, { ...input, enteredBy: ctx.actor.userId || null });
    await recordAudit(trx, ctx, { action: 'update', entity: 'denominator', entityId: `${input.groupKey}:${input.year}`, unitId: input.unitId, after: input });
    return input;
  });
}

export async function listDenominators(ctx: RequestContext, year?: number) {
  const rows = await repo.listDenominators(ctx.db, ctx.actor.unitId, year);
  return { items: rows.map((r) => ({ groupKey: r.group_key, unitId: r.unit_id, unitName: r.unit_name, unitCode: r.unit_code, year: r.year, value: Number(r.value) })) };
}

export async function closePeriod(ctx: RequestContext, input: { unitId: number; periodStart: string; periodEnd: string }) {
  await assertUnitInScope(ctx, input.unitId);
  if (input.periodEnd <= input.periodStart) throw fieldError('periodEnd', ctx.locale === 'vi' ? 'Ngày kết thúc phải sau ngày bắt đầu' : 'The end must come after the start');
  return inTransaction(ctx.db, async (trx) => {
    const id = await repo.insertClosure(trx, { ...input, closedBy: ctx.actor.userId || null });
    await recordAudit(trx, ctx, { action: 'create', entity: 'closed_period', entityId: id, unitId: input.unitId, after: input });
    return { id, ...input };
  });
}

