import {
  ZRiskWeights,
  compareVi,
  type TInspection,
  type TInspectionPlanRequest,
  type TInspectionRequest,
  type TRiskWeights,
} from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkEvidenceFile } from '../../lib/evidence-file.js';
import { insertStoredFile } from '../tasks/tasks.repository.js';
import { findEstablishment } from '../establishments/establishments.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './inspections.repository.js';

export async function listViolationTypes(ctx: RequestContext) {
  const rows = await repo.listViolationTypes(ctx.db);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.name, legalBasis: r.legal_basis, category: r.category as 'prostitution', fineMin: r.fine_min === null ? null : Number(r.fine_min), fineMax: r.fine_max === null ? null : Number(r.fine_max), active: r.active })),
  };
}

/** The administrator keeps the violation catalogue current as decrees change: it is data, never code. */
export async function saveViolationType(ctx: RequestContext, input: Parameters<typeof repo.upsertViolationType>[1]) {
  await inTransaction(ctx.db, async (trx) => {
    const before = await repo.findViolationType(trx, input.code);
    await repo.upsertViolationType(trx, input);
    await recordAudit(trx, ctx, { action: before ? 'update' : 'create', entity: 'violation_type', entityId: input.code, unitId: ctx.actor.unitId, before, after: input });
  });
  return (await listViolationTypes(ctx)).items.find((v) => v.code === input.code)!;
}

async function loadEstablishment(ctx: RequestContext, id: number, field = 'establishmentId') {
  const e = await findEstablishment(ctx.db, id);
  if (!e) throw fieldError(field, ctx.locale === 'vi' ? 'Không tìm thấy cơ sở' : 'Establishment not found');
  await assertUnitInScope(ctx, e.unit_id);
  return e;
}

export async function createInspectionPlan(ctx: RequestContext, input: TInspectionPlanRequest) {
  await assertUnitInScope(ctx, input.unitId);
  const outside = await repo.establishmentsOutside(ctx.db, input.unitId, input.establishmentIds);
  if (outside.length)
    throw fieldError('establishmentIds', ctx.locale === 'vi' ? `Cơ sở ngoài địa bàn của kế hoạch: ${outside.join(', ')}` : `Establishments outside the plan's area: ${outside.join(', ')}`);
  const id = await inTransaction(ctx.db, async (trx) => {
    const planId = await repo.insertInspectionPlan(trx, { ...input, createdBy: ctx.actor.userId || null }, [...new Set(input.establishmentIds)]);
    await recordAudit(trx, ctx, { action: 'create', entity: 'inspection_plan', entityId: planId, unitId: input.unitId, after: input });
    return planId;
  });
  return getInspectionPlan(ctx, id);
}

export async function getInspectionPlan(ctx: RequestContext, id: number) {
  const plan = await repo.findInspectionPlan(ctx.db, id);
  if (!plan) throw notFound();
  await assertUnitInScope(ctx, plan.unit_id);
  return {
    id: plan.id, unitId: plan.unit_id, kind: plan.kind as 'periodic', title: plan.title, team: plan.team as { name: string; agency: string }[],
    startsOn: plan.starts_on, endsOn: plan.ends_on, establishments: plan.targets,
  };
}

export async function listInspectionPlans(ctx: RequestContext) {
  const rows = await repo.listInspectionPlans(ctx.db, ctx.actor.unitId);
  return { items: rows.map((p) => ({ id: p.id, unitId: p.unit_id, kind: p.kind, title: p.title, startsOn: p.starts_on, endsOn: p.ends_on })) };
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findInspection>>>): TInspection {
  return {
    id: row.id,
    establishmentId: row.establishment_id,
    establishmentName: row.establishment_name,
    inspectionPlanId: row.inspection_plan_id,
    kind: row.kind as TInspection['kind'],
    inspectedOn: row.inspected_on,
    checklist: row.checklist as TInspection['checklist'],
    findings: row.findings,
    peoplePresent: row.people_present,
    violations: row.violations,
    files: row.files,
    sanctions: row.sanctions.map((s) => ({
      id: s.id, decisionNo: s.decision_no, decisionDate: s.decision_date, issuer: s.issuer, fineAmount: Number(s.fine_amount),
      additionalMeasures: s.additional_measures, followUp: s.follow_up, followUpDoneOn: s.follow_up_done_on,
    })),
  };
}

/** One visit: checklist, findings, people present (counted), violations from the catalogue and the sanction decision. */
export async function recordInspection(ctx: RequestContext, input: TInspectionRequest): Promise<TInspection> {
  const vi = ctx.locale === 'vi';
  const establishment = await loadEstablishment(ctx, input.establishmentId);
  if (input.inspectionPlanId) {
    const plan = await repo.findInspectionPlan(ctx.db, input.inspectionPlanId);
    if (!plan || !plan.targets.some((t) => t.id === input.establishmentId))
      throw fieldError('inspectionPlanId', vi ? 'Cơ sở không có trong kế hoạch kiểm tra này' : 'The establishment is not in this inspection plan');
  }
  for (const [i, v] of input.violations.entries()) {
    const type = await repo.findViolationType(ctx.db, v.code);
    if (!type || !type.active) throw fieldError(`violations.${i}.code`, vi ? `Hành vi vi phạm «${v.code}» không có trong danh mục` : `Violation «${v.code}» is not in the catalogue`);
  }
  if (input.sanction && input.violations.length === 0)
    throw fieldError('sanction', vi ? 'Quyết định xử phạt cần ít nhất một hành vi vi phạm' : 'A sanction needs at least one violation');
  const id = await inTransaction(ctx.db, async (trx) => {
    const inspectionId = await repo.insertInspection(trx, { ...input, inspectionPlanId: input.inspectionPlanId ?? null, createdBy: ctx.actor.userId || null });
    await repo.insertViolations(trx, inspectionId, input.violations);
    if (input.sanction) await repo.insertSanction(trx, inspectionId, input.sanction);
    await recordAudit(trx, ctx, { action: 'create', entity: 'inspection', entityId: inspectionId, unitId: establishment.unit_id, after: input });
    return inspectionId;
  });
  return present((await repo.findInspection(ctx.db, id))!);
}

export async function getInspection(ctx: RequestContext, id: number) {
  const row = await repo.findInspection(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return present(row);
}

export async function listInspectionsOf(ctx: RequestContext, establishmentId: number) {
  await loadEstablishment(ctx, establishmentId);
  const ids = await repo.listInspectionIdsOf(ctx.db, establishmentId);
  return { items: await Promise.all(ids.map(async (id) => present((await repo.findInspection(ctx.db, id))!))) };
}

/** A photo or document of the visit (type recognised by its content, size limited), kept with the inspection. */
export async function attachInspectionFile(ctx: RequestContext, id: number, file: File | null) {
  const inspection = await getInspection(ctx, id);
  if (!file) throw fieldError('file', ctx.locale === 'vi' ? '«Tệp» là bắt buộc' : '«File» is required');
  const unitId = (await repo.findInspection(ctx.db, id))!.unit_id;
  const checked = await checkEvidenceFile(file);
  await inTransaction(ctx.db, async (trx) => {
    const fileId = await insertStoredFile(trx, { ...checked, module: 'establishments', unitId, uploadedBy: ctx.actor.userId || null });
    await repo.attachFile(trx, id, fileId);
    await recordAudit(trx, ctx, { action: 'update', entity: 'inspection', entityId: id, unitId, detail: { attached: { name: checked.fileName, sha256: checked.sha256 } } });
  });
  return getInspection(ctx, inspection.id);
}

export async function followUpSanction(ctx: RequestContext, id: number, input: { followUp: string; followUpDoneOn: string | null }) {
  const sanction = await repo.findSanction(ctx.db, id);
  if (!sanction) throw notFound();
  await assertUnitInScope(ctx, sanction.unit_id);
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateSanctionFollowUp(trx, id, input.followUp, input.followUpDoneOn);
    await recordAudit(trx, ctx, { action: 'update', entity: 'sanction', entityId: id, unitId: sanction.unit_id, before: { followUp: sanction.follow_up, followUpDoneOn: sanction.follow_up_done_on }, after: input });
  });
  return getInspection(ctx, sanction.inspection_id);
}

export async function getRiskWeights(ctx: RequestContext): Promise<TRiskWeights> {
  return ZRiskWeights.parse(await repo.readRiskWeights(ctx.db));
}

export async function setRiskWeights(ctx: RequestContext, weights: TRiskWeights) {
  await inTransaction(ctx.db, async (trx) => {
    const before = await repo.readRiskWeights(trx);
    await repo.writeRiskWeights(trx, weights, ctx.actor.userId || null);
    await recordAudit(trx, ctx, { action: 'update', entity: 'risk_weights', unitId: ctx.actor.unitId, before, after: weights });
  });
  return weights;
}

const monthsBetween = (fromIso: string, toIso: string) => Math.max(0, (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / (30.44 * 86_400_000));

/**
 * Which establishments to inspect next: a score a person can read, as the sum of its factors (type, classification,
 * time since the last inspection, past violations, tips about it not found groundless, no commitment), each with the configured weight.
 */
export async function inspectionPriority(ctx: RequestContext, query: { unitId?: number; limit: number }, today = new Date().toISOString().slice(0, 10)) {
  const vi = ctx.locale === 'vi';
  const scope = query.unitId ?? ctx.actor.unitId;
  await assertUnitInScope(ctx, scope);
  const w = await getRiskWeights(ctx);
  const rows = await repo.listPriorityInputs(ctx.db, scope);
  const items = rows.map((r) => {
    const factors: { factor: string; label: string; points: number }[] = [];
    const add = (factor: string, label: string, points: number) => points > 0 && factors.push({ factor, label, points: Math.round(points * 10) / 10 });
    const typeName = vi ? r.name_vi : r.name_en;
    add('type', vi ? `Loại hình: ${typeName}` : `Type: ${typeName}`, w.type[r.type_code] ?? 0);
    if (r.risk_level) add('riskLevel', vi ? `Phân loại nguy cơ: ${r.risk_level === 'high' ? 'cao' : r.risk_level === 'medium' ? 'trung bình' : 'thấp'}` : `Risk level: ${r.risk_level}`, w.riskLevel[r.risk_level as 'low']);
    else add('unclassified', vi ? 'Chưa rà soát, phân loại' : 'Not yet classified', w.unclassified);
    if (r.last_inspected_on) {
      const months = Math.min(w.monthsCap, monthsBetween(r.last_inspected_on, today));
      add('sinceInspection', vi ? `${Math.floor(months)} tháng chưa kiểm tra` : `${Math.floor(months)} months since inspection`, months * w.perMonthSinceInspection);
    } else add('neverInspected', vi ? 'Chưa từng được kiểm tra' : 'Never inspected', w.neverInspected);
    add('pastViolations', vi ? `${r.past_violations} lần vi phạm trước đây` : `${r.past_violations} past violations`, r.past_violations * w.perPastViolation);
    add('linkedTips', vi ? `${r.linked_tips} tin tố giác liên quan` : `${r.linked_tips} related tips`, r.linked_tips * w.perLinkedTip);
    if (!r.commitment_signed_on) add('noCommitment', vi ? 'Chưa ký cam kết' : 'No commitment signed', w.noCommitment);
    return {
      establishmentId: r.id,
      name: r.name,
      unitName: r.unit_name,
      typeName,
      score: Math.round(factors.reduce((sum, f) => sum + f.points, 0) * 10) / 10,
      lastInspectedOn: r.last_inspected_on,
      factors: factors.sort((a, b) => b.points - a.points),
    };
  });
  items.sort((a, b) => b.score - a.score || compareVi(a.name, b.name));
  return { items: items.slice(0, query.limit) };
}
