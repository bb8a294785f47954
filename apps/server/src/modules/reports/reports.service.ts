import {
  REPORT_DRAFTERS,
  REPORT_RECEIVERS,
  REPORT_SIGNERS,
  ZReportContent,
  reportPeriodLabel,
  type TDhis2Mapping,
  type TPlan,
  type TReport,
  type TReportContent,
  type TReportOverview,
  type TReportStatus,
  type TRole,
} from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getPlan } from '../plans/plans.service.js';
import { isInSubtree } from '../units/units.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { buildUnitContent, consolidateContent, draftNarrative, hideSmallCounts } from './reports.content.js';
import * as repo from './reports.repository.js';

/** Reports sent up: signed by the leader, whether or not the upper level has acknowledged them yet. */
const SENT: readonly TReportStatus[] = ['approved', 'received'];
const EDITABLE: readonly TReportStatus[] = ['draft', 'returned'];
const DEFAULT_RECIPIENTS = ['Sở Y tế', 'Lưu: VT'];

const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const requireRole = (ctx: RequestContext, roles: readonly TRole[]) => {
  if (!roles.includes(ctx.actor.role)) throw forbidden();
};

/** When a period's report is due, from the plan's reporting calendar (e.g. 20/06 for the half year, 05/12 for the year). */
export function reportDueOn(plan: Pick<TPlan, 'reportingCalendar'>, periodKey: string): string {
  const half = /^(\d{4})H1$/.exec(periodKey);
  if (half) return `${half[1]}-${plan.reportingCalendar.sixMonthDue}`;
  const span = /^\d{4}-(\d{4})$/.exec(periodKey);
  return `${span ? span[1] : periodKey}-${plan.reportingCalendar.annualDue}`;
}

export interface ReportSettings {
  /** Counts of people below this in support figures are shown as "<5" in anything sent above the commune. */
  smallCountThreshold: number;
}

async function loadRow(ctx: RequestContext, id: number) {
  const row = await repo.findReport(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

/** The numbers of a report: its frozen snapshot once submitted, else computed now from the registries (or the units' sent reports). */
async function contentOf(ctx: RequestContext, row: repo.ReportRow): Promise<TReportContent> {
  if (row.snapshot) return ZReportContent.parse(row.snapshot);
  return liveContent(ctx, await getPlan(ctx, row.plan_id), row.kind, row.period_key);
}

/** A unit's numbers from its registries; an upper level's from its units' sent snapshots. */
async function liveContent(ctx: RequestContext, plan: TPlan, kind: 'unit' | 'consolidated', periodKey: string): Promise<TReportContent> {
  if (kind === 'unit') return buildUnitContent(ctx.db, plan, periodKey);
  const sources = (await repo.listReportsOnDerivedPlans(ctx.db, plan.id, periodKey)).filter((r) => SENT.includes(r.status) && r.snapshot);
  return consolidateContent(
    plan,
    periodKey,
    sources.map((s) => ({ unitId: s.unit_id, unitName: s.unit_name, reportId: s.id, content: ZReportContent.parse(s.snapshot) })),
  );
}

/**
 * Whether small counts are hidden for this reader: always in a consolidated report and in documents (they are sent
 * up), and when someone above the report's unit reads it; the unit's own staff see their exact figures on screen.
 */
async function hidesSmallCounts(ctx: RequestContext, row: repo.ReportRow, forDocument: boolean) {
  return forDocument || row.kind === 'consolidated' || (ctx.actor.unitId !== row.unit_id && !(await isInSubtree(ctx.db, row.unit_id, ctx.actor.unitId)));
}

/** `computed` is the content when the caller has just built it (a new draft), so that it is not computed twice. */
async function present(ctx: RequestContext, settings: ReportSettings, row: repo.ReportRow, forDocument = false, computed?: TReportContent): Promise<TReport> {
  const hidden = await hidesSmallCounts(ctx, row, forDocument);
  const content = computed ?? (await contentOf(ctx, row));
  return {
    id: row.id,
    kind: row.kind,
    unit: { id: row.unit_id, name: row.unit_name },
    plan: { id: row.plan_id, numberSymbol: row.plan_number_symbol, subject: row.plan_subject },
    periodKey: row.period_key,
    status: row.status,
    dueOn: row.due_on,
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    numberSymbol: row.number_symbol,
    recipients: row.recipients,
    narrative: row.narrative,
    signerName: row.signer_name,
    signerTitle: row.signer_title,
    signingMode: row.signing_mode,
    returnComment: row.return_comment,
    frozen: row.snapshot !== null,
    smallCountsHidden: hidden,
    content: hidden ? hideSmallCounts(content, settings.smallCountThreshold) : content,
  };
}

/** Starts the report of a plan for one period, with a narrative drafted from the live numbers. */
export async function createReport(ctx: RequestContext, settings: ReportSettings, input: { planId: number; periodKey: string; kind: 'unit' | 'consolidated' }) {
  requireRole(ctx, REPORT_DRAFTERS);
  const plan = await getPlan(ctx, input.planId);
  await assertUnitInScope(ctx, plan.unitId);
  if (!(await isInSubtree(ctx.db, ctx.actor.unitId, plan.unitId))) throw forbidden();
  if (await repo.findReportFor(ctx.db, plan.id, input.periodKey, input.kind)) throw new AppError('REPORT_EXISTS');
  const { id, draft } = await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const draft = await liveContent(tctx, plan, input.kind, input.periodKey);
    const narrative = draftNarrative(draft, plan.unitName, reportPeriodLabel(input.periodKey));
    const reportId = await repo.insertReport(trx, {
      kind: input.kind, unitId: plan.unitId, planId: plan.id, periodKey: input.periodKey, dueOn: reportDueOn(plan, input.periodKey),
      narrative, recipients: DEFAULT_RECIPIENTS, createdBy: ctx.actor.userId || null,
    });
    await recordAudit(trx, tctx, { action: 'create', entity: 'report', entityId: reportId, unitId: plan.unitId, after: { planId: plan.id, periodKey: input.periodKey, kind: input.kind } });
    return { id: reportId, draft };
  });
  return present(ctx, settings, await loadRow(ctx, id), false, draft);
}

export async function getReport(ctx: RequestContext, settings: ReportSettings, id: number) {
  return present(ctx, settings, await loadRow(ctx, id));
}

/** The report as it goes out: the Word document and the annexes always hide small counts. */
export async function getReportForDocument(ctx: RequestContext, settings: ReportSettings, id: number) {
  const row = await loadRow(ctx, id);
  return { report: await present(ctx, settings, row, true), placeName: row.place_name };
}

export async function listReports(ctx: RequestContext) {
  const rows = await repo.listReports(ctx.db, ctx.actor.unitId);
  return rows.map((row) => ({
    id: row.id, kind: row.kind, unit: { id: row.unit_id, name: row.unit_name },
    plan: { id: row.plan_id, numberSymbol: row.plan_number_symbol, subject: row.plan_subject },
    periodKey: row.period_key, status: row.status, dueOn: row.due_on, sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  }));
}

/** The number, recipients and narrative, while the report is a draft or has been returned. */
export async function updateReport(ctx: RequestContext, settings: ReportSettings, id: number, patch: { numberSymbol?: string | null; narrative?: TReport['narrative']; recipients?: string[] }) {
  requireRole(ctx, REPORT_DRAFTERS);
  await inTransaction(ctx.db, async (trx) => {
    const row = await loadRow({ ...ctx, db: trx }, id);
    if (!EDITABLE.includes(row.status)) throw new AppError('REPORT_INVALID_STEP');
    const set: Record<string, unknown> = {};
    if (patch.numberSymbol !== undefined) set.number_symbol = patch.numberSymbol;
    if (patch.narrative) set.narrative = JSON.stringify(patch.narrative);
    if (patch.recipients) set.recipients = JSON.stringify(patch.recipients);
    await repo.updateReportRow(trx, id, set);
    await recordAudit(trx, ctx, {
      action: 'update', entity: 'report', entityId: id, unitId: row.unit_id,
      before: { numberSymbol: row.number_symbol, narrative: row.narrative, recipients: row.recipients }, after: patch,
    });
  });
  return getReport(ctx, settings, id);
}

/** One step of the workflow, checked against the report's current step, audited with what changed. */
async function step(ctx: RequestContext, settings: ReportSettings, id: number, from: readonly TReportStatus[], apply: (row: repo.ReportRow, trx: RequestContext) => Promise<Record<string, unknown>>) {
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const row = await loadRow(tctx, id);
    if (!from.includes(row.status)) throw new AppError('REPORT_INVALID_STEP');
    const patch = await apply(row, tctx);
    await repo.updateReportRow(trx, id, patch);
    const { snapshot: _frozen, ...logged } = patch;
    await recordAudit(trx, tctx, { action: 'update', entity: 'report', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { ...logged, frozen: patch.snapshot ? true : undefined } });
  });
  return getReport(ctx, settings, id);
}

/** The focal point submits the draft for signature: its numbers are frozen now, so later edits to records do not change it. */
export function submitReport(ctx: RequestContext, settings: ReportSettings, id: number) {
  requireRole(ctx, REPORT_DRAFTERS);
  return step(ctx, settings, id, EDITABLE, async (row, tctx) => {
    if (!(await isInSubtree(tctx.db, ctx.actor.unitId, row.unit_id))) throw forbidden();
    const content = await contentOf(tctx, { ...row, snapshot: null });
    return { status: 'submitted', snapshot: JSON.stringify(content), submitted_at: new Date(), submitted_by: ctx.actor.userId || null, return_comment: null };
  });
}

/** The leader signs: the report is sent to the level above, and its date is the date of sending. */
export function approveReport(ctx: RequestContext, settings: ReportSettings, id: number, signer: { signerName: string; signerTitle: string; signingMode: 'TM' | 'KT' }) {
  requireRole(ctx, REPORT_SIGNERS);
  return step(ctx, settings, id, ['submitted'], async (row, tctx) => {
    if (!(await isInSubtree(tctx.db, ctx.actor.unitId, row.unit_id))) throw forbidden();
    return { status: 'approved', sent_at: new Date(), approved_by: ctx.actor.userId || null, signer_name: signer.signerName, signer_title: signer.signerTitle, signing_mode: signer.signingMode };
  });
}

/** Only the level above the report's unit receives or returns it. */
async function assertAbove(ctx: RequestContext, row: repo.ReportRow) {
  if (ctx.actor.unitId === row.unit_id || !(await isInSubtree(ctx.db, ctx.actor.unitId, row.unit_id))) throw forbidden();
}

export function receiveReport(ctx: RequestContext, settings: ReportSettings, id: number) {
  requireRole(ctx, REPORT_RECEIVERS);
  return step(ctx, settings, id, ['approved'], async (row, tctx) => {
    await assertAbove(tctx, row);
    return { status: 'received', received_at: new Date(), received_by: ctx.actor.userId || null };
  });
}

/** The level above sends it back with comments: it is a draft again, live, until it is submitted anew. */
export function returnReport(ctx: RequestContext, settings: ReportSettings, id: number, comment: string) {
  requireRole(ctx, REPORT_RECEIVERS);
  return step(ctx, settings, id, ['approved', 'received'], async (row, tctx) => {
    await assertAbove(tctx, row);
    return { status: 'returned', return_comment: comment, snapshot: null, sent_at: null, received_at: null, signer_name: null, signer_title: null, signing_mode: null };
  });
}

/** For an upper level's plan and period: each reporting unit with its report's state, the reminder, and the consolidated report. */
export async function reportOverview(ctx: RequestContext, planId: number, periodKey: string): Promise<TReportOverview> {
  const plan = await getPlan(ctx, planId);
  await assertUnitInScope(ctx, plan.unitId);
  const dueOn = reportDueOn(plan, periodKey);
  const today = todayIso();
  const units = await repo.listReportingUnits(ctx.db, plan.unitId, today);
  const reports = await repo.listReportsOnDerivedPlans(ctx.db, planId, periodKey);
  const consolidated = await repo.findReportFor(ctx.db, planId, periodKey, 'consolidated');
  return {
    planId,
    periodKey,
    dueOn,
    consolidatedReportId: consolidated?.id ?? null,
    units: units.map((unit) => {
      const report = reports.find((r) => r.unit_id === unit.id);
      const sentDay = report?.sent_at ? new Date(report.sent_at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }) : null;
      const timeliness = !report ? 'not_started' : report.status === 'returned' ? 'returned' : sentDay ? (sentDay <= dueOn ? 'on_time' : 'late') : 'draft';
      return {
        unitId: unit.id,
        unitName: unit.name,
        reportId: report?.id ?? null,
        timeliness,
        sentAt: report?.sent_at ? new Date(report.sent_at).toISOString() : null,
        daysLeft: sentDay ? null : daysBetween(today, dueOn),
      };
    }),
  };
}

/** How many days ahead a unit is reminded of a report it has not sent. */
const REMIND_DAYS = 15;

/** The reports of the user's own unit due within the next two weeks (or already late) and not yet sent. */
export async function reportReminders(ctx: RequestContext) {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const plans = await repo.listIssuedPlansOfYear(ctx.db, ctx.actor.unitId, year);
  const reminders = [];
  for (const { id } of plans) {
    const plan = await getPlan(ctx, id);
    for (const periodKey of [`${year}H1`, String(year)]) {
      const dueOn = reportDueOn(plan, periodKey);
      const daysLeft = daysBetween(today, dueOn);
      if (daysLeft > REMIND_DAYS || daysLeft < -60) continue;
      const report = await repo.findReportFor(ctx.db, id, periodKey, 'unit');
      if (report && SENT.includes(report.status)) continue;
      reminders.push({ planId: id, planSubject: plan.subject, periodKey, dueOn, daysLeft, reportId: report?.id ?? null });
    }
  }
  return reminders;
}

/** DHIS2's period of a report: '2026S1' for the first half, '2026' for the year (DHIS2 SixMonthly and Yearly). */
const dhis2Period = (periodKey: string) => periodKey.replace(/H1$/, 'S1');

/** The indicator values of a sent report as a DHIS2 dataValueSet; indicators without a mapping are listed, not guessed. */
export async function dhis2DataValues(ctx: RequestContext, settings: ReportSettings, id: number) {
  const row = await loadRow(ctx, id);
  if (!row.snapshot) throw new AppError('REPORT_INVALID_STEP');
  const report = await present(ctx, settings, row, true);
  const codes = await repo.listIndicatorCodes(ctx.db, report.content.indicators.map((r) => r.indicatorId));
  const [unitCode] = await repo.listUnitCodes(ctx.db, [row.unit_id]);
  const dataValues = [];
  const unmapped: string[] = [];
  for (const ind of report.content.indicators) {
    const code = codes.find((c) => c.indicator_id === ind.indicatorId);
    if (!code || !unitCode) {
      unmapped.push(ind.name);
      continue;
    }
    if (ind.value === null) continue;
    dataValues.push({
      dataElement: code.data_element, period: dhis2Period(row.period_key), orgUnit: unitCode.org_unit, value: String(ind.value),
      ...(code.category_option_combo ? { categoryOptionCombo: code.category_option_combo } : {}),
    });
  }
  return { dataValues, unmapped: unitCode ? unmapped : [`${row.unit_name} (chưa có mã đơn vị DHIS2)`, ...unmapped] };
}

export async function setDhis2Mapping(ctx: RequestContext, mapping: TDhis2Mapping) {
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    for (const u of mapping.units) await assertUnitInScope(tctx, u.unitId);
    for (const i of mapping.indicators) {
      const ownerUnitId = await repo.findIndicatorUnit(trx, i.indicatorId);
      if (ownerUnitId === null) throw notFound();
      await assertUnitInScope(tctx, ownerUnitId);
      await repo.upsertIndicatorCode(trx, i);
    }
    for (const u of mapping.units) await repo.upsertUnitCode(trx, u);
    await recordAudit(trx, ctx, { action: 'update', entity: 'dhis2_mapping', entityId: null, unitId: ctx.actor.unitId, after: mapping });
  });
  return { indicators: mapping.indicators.length, units: mapping.units.length };
}
