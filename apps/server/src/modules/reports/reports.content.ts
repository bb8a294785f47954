import {
  OUTREACH_CHANNELS,
  OUTREACH_TARGET_GROUPS,
  TIP_KINDS,
  periodRange,
  type TMeasureRef,
  type TPlan,
  type TReportContent,
  type TReportIndicatorRow,
  type TReportSection,
  type TReportStatistic,
  type TReportTaskRow,
} from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { computeIndicator, meets, targetFor, type MeasureCache } from '../indicators/indicators.engine.js';
import { resolveMeasure } from '../indicators/measure-registry.js';

interface StatisticSpec {
  section: TReportSection;
  label: string;
  ref: TMeasureRef;
}

const stat = (section: TReportSection, label: string, measure: string, params?: TMeasureRef['params']): StatisticSpec => ({ section, label, ref: { measure, params } });

/**
 * The figures every report gives by module, as the plans ask them to be reported. Each is a registered measure, so a
 * report counts exactly what the indicators count; a measure that does not exist on this installation is left out.
 */
const STATISTICS: StatisticSpec[] = [
  stat('establishments', 'Cơ sở kinh doanh dịch vụ dễ bị lợi dụng đang hoạt động', 'establishments.active'),
  stat('establishments', 'Cơ sở đã được rà soát, phân loại', 'establishments.classified'),
  stat('establishments', 'Cơ sở đã ký cam kết', 'establishments.committed'),
  stat('establishments', 'Cơ sở được kiểm tra trong kỳ', 'establishments.inspected'),
  stat('establishments', 'Cơ sở phát hiện vi phạm', 'establishments.with_violations'),
  stat('establishments', 'Cơ sở bị xử phạt', 'establishments.sanctioned'),
  stat('tips', 'Tin tố giác, tin báo tiếp nhận', 'tips.received'),
  ...Object.entries(TIP_KINDS).map(([kind, label]) => stat('tips', `- ${label.vi}`, 'tips.received', { kind })),
  stat('tips', 'Tin được xử lý trong thời hạn', 'tips.handled_on_time'),
  stat('tips', 'Tin quá hạn', 'tips.overdue'),
  stat('tips', 'Bài đăng, tài khoản môi giới trên mạng phát hiện', 'online_posts.found'),
  stat('tips', 'Bài đăng đã được gỡ bỏ', 'online_posts.taken_down'),
  stat('outreach', 'Hoạt động truyền thông', 'outreach.activities'),
  ...Object.entries(OUTREACH_CHANNELS).map(([channel, label]) => stat('outreach', `- ${label.vi}`, 'outreach.activities', { channel })),
  ...Object.entries(OUTREACH_TARGET_GROUPS).map(([targetGroup, label]) => stat('outreach', `Lượt người được tiếp cận: ${label.vi}`, 'outreach.reached', { targetGroup })),
  stat('training', 'Đội ngũ thực hiện nhiệm vụ', 'training.roster'),
  stat('training', 'Người được tập huấn trong kỳ', 'training.trained'),
  stat('training', 'Người đã từng được tập huấn', 'training.trained_ever'),
  stat('support', 'Người bán dâm được hỗ trợ, can thiệp', 'manual.sex_workers_served'),
];

/** Figures about people in support and harm reduction: counted with care, and hidden as "<5" when small above the commune. */
export function isSupportMeasure(ref: TMeasureRef | null | undefined): boolean {
  return !!ref && (ref.measure.startsWith('support.') || ref.measure.includes('sex_worker'));
}

const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** A unit's report, computed live from the registries over the plan's period: what a draft shows and submission freezes. */
export async function buildUnitContent(db: Db, plan: TPlan, periodKey: string): Promise<TReportContent> {
  const { from, to } = periodRange(plan.reportingCalendar, periodKey);
  const asOf = todayIso() < to ? todayIso() : to;
  const cache: MeasureCache = new Map();
  const indicators: TReportIndicatorRow[] = [];
  for (const ind of plan.indicators) {
    const targets = Object.fromEntries(ind.targets.map((t) => [t.periodKey, t.target]));
    const value = await computeIndicator(db, { ...ind, targets }, plan.unitId, plan.reportingCalendar, periodKey, targetFor(targets, periodKey), undefined, cache);
    indicators.push({
      indicatorId: ind.id,
      parentIndicatorId: ind.parentIndicatorId,
      name: ind.name,
      shape: ind.shape,
      comparator: ind.comparator,
      ...value,
      sensitive: isSupportMeasure(ind.numerator) || isSupportMeasure(ind.denominator),
    });
  }
  const statistics: TReportStatistic[] = [];
  for (const spec of STATISTICS) {
    const measure = await resolveMeasure(db, spec.ref.measure);
    if (!measure) continue;
    const value = await measure.compute({ db, unitId: plan.unitId, from, to, asOf, params: spec.ref.params ?? {} });
    statistics.push({ section: spec.section, key: statisticKey(spec.ref), label: spec.label, value, sensitive: spec.section === 'support' });
  }
  return { periodFrom: from, periodTo: to, indicators, statistics, tasks: tasksByAgency(plan), sources: [], builtAt: new Date().toISOString() };
}

const statisticKey = (ref: TMeasureRef) => (ref.params ? `${ref.measure}?${new URLSearchParams(Object.entries(ref.params).map(([k, v]) => [k, String(v)]))}` : ref.measure);

/** Task status by lead agency, the way the plans assign them. */
function tasksByAgency(plan: TPlan): TReportTaskRow[] {
  const rows = new Map<string, TReportTaskRow>();
  for (const task of plan.tasks) {
    const row = rows.get(task.leadAgency) ?? { agency: task.leadAgency, total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0 };
    if (task.status === 'cancelled') continue;
    row.total++;
    if (task.status === 'done') row.done++;
    if (task.status === 'in_progress') row.inProgress++;
    if (task.status === 'not_started') row.notStarted++;
    if (task.overdue) row.overdue++;
    rows.set(task.leadAgency, row);
  }
  return [...rows.values()];
}

/**
 * The consolidated report of an upper level: the sum of its units' sent snapshots, never live data. Each of the upper
 * plan's indicators adds the numerators and denominators of the units' indicators derived from it, then divides.
 */
export function consolidateContent(plan: TPlan, periodKey: string, sources: { unitId: number; unitName: string; reportId: number; content: TReportContent }[]): TReportContent {
  const { from, to } = periodRange(plan.reportingCalendar, periodKey);
  const indicators: TReportIndicatorRow[] = plan.indicators.map((ind) => {
    const parts = sources.flatMap((s) => s.content.indicators.filter((r) => r.parentIndicatorId === ind.id || r.indicatorId === ind.id));
    const numerator = parts.reduce((sum, r) => sum + (r.numerator ?? 0), 0);
    const denominator = ind.denominator ? parts.reduce((sum, r) => sum + (r.denominator ?? 0), 0) : null;
    const raw = ind.denominator ? (denominator ? (100 * numerator) / denominator : null) : parts.length ? numerator : null;
    const value = raw === null ? null : Math.round(raw * 100) / 100;
    const target = targetFor(Object.fromEntries(ind.targets.map((t) => [t.periodKey, t.target])), periodKey);
    const status = value === null ? 'no_data' : target === null ? 'no_target' : meets(value, ind.comparator, target) ? 'met' : 'behind';
    return {
      indicatorId: ind.id,
      parentIndicatorId: ind.parentIndicatorId,
      name: ind.name,
      shape: ind.shape,
      comparator: ind.comparator,
      target,
      numerator: parts.length ? numerator : null,
      denominator,
      value,
      status,
      sensitive: isSupportMeasure(ind.numerator) || isSupportMeasure(ind.denominator),
    };
  });
  const statistics = new Map<string, TReportStatistic>();
  const tasks = new Map<string, TReportTaskRow>();
  for (const source of sources) {
    for (const s of source.content.statistics) {
      const sum = statistics.get(s.key);
      statistics.set(s.key, sum ? { ...sum, value: (sum.value ?? 0) + (s.value ?? 0) } : { ...s });
    }
    for (const t of source.content.tasks) {
      const sum = tasks.get(t.agency) ?? { agency: t.agency, total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0 };
      tasks.set(t.agency, { agency: t.agency, total: sum.total + t.total, done: sum.done + t.done, inProgress: sum.inProgress + t.inProgress, notStarted: sum.notStarted + t.notStarted, overdue: sum.overdue + t.overdue });
    }
  }
  return {
    periodFrom: from,
    periodTo: to,
    indicators,
    statistics: [...statistics.values()],
    tasks: [...tasks.values()],
    sources: sources.map(({ unitId, unitName, reportId }) => ({ unitId, unitName, reportId })),
    builtAt: new Date().toISOString(),
  };
}

/**
 * Small counts of people in support figures become null (shown "<5") in anything sent above the commune, so that no
 * one can be singled out. Zero stays zero: it reveals no one.
 */
export function hideSmallCounts(content: TReportContent, threshold: number): TReportContent {
  const small = (n: number | null) => n !== null && n > 0 && n < threshold;
  return {
    ...content,
    indicators: content.indicators.map((r) =>
      r.sensitive && (small(r.numerator) || small(r.denominator)) ? { ...r, numerator: small(r.numerator) ? null : r.numerator, denominator: small(r.denominator) ? null : r.denominator, value: null } : r,
    ),
    statistics: content.statistics.map((s) => (s.sensitive && small(s.value) ? { ...s, value: null } : s)),
  };
}

/** The draft narrative the official starts from, written from the numbers. */
export function draftNarrative(content: TReportContent, unitName: string, periodLabel: string) {
  const met = content.indicators.filter((r) => r.status === 'met');
  const behind = content.indicators.filter((r) => r.status === 'behind');
  const figure = (key: string) => content.statistics.find((s) => s.key === key)?.value;
  const lines: string[] = [];
  const received = figure('tips.received');
  if (received !== undefined) lines.push(`Tiếp nhận ${received} tin tố giác, tin báo; xử lý trong thời hạn ${figure('tips.handled_on_time') ?? 0} tin.`);
  const inspected = figure('establishments.inspected');
  if (inspected !== undefined) lines.push(`Kiểm tra ${inspected} cơ sở kinh doanh dịch vụ dễ bị lợi dụng; ${figure('establishments.sanctioned') ?? 0} cơ sở bị xử phạt.`);
  const activities = figure('outreach.activities');
  if (activities !== undefined) lines.push(`Tổ chức ${activities} hoạt động thông tin, truyền thông.`);
  const trained = figure('training.trained');
  if (trained !== undefined) lines.push(`Tập huấn cho ${trained} người trong đội ngũ thực hiện nhiệm vụ.`);
  return {
    results: [
      `Trong ${periodLabel}, ${unitName} đạt ${met.length}/${content.indicators.length} chỉ tiêu của kế hoạch.`,
      ...lines,
    ].join('\n'),
    limits: behind.length ? `Các chỉ tiêu chưa đạt: ${behind.map((r) => r.name).join('; ')}.` : 'Chưa phát hiện hạn chế đáng kể qua số liệu.',
    proposals: '',
  };
}
