import { z } from 'zod';
import { ZId, ZIsoDate } from './validation.js';

const ZMonthDay = z.string().regex(/^\d{2}-\d{2}$/);

/**
 * When a plan's reporting periods begin and end and when reports are due (month-day).
 * Default per Decree 09/2019/NĐ-CP: a reporting year runs from 15/12 of the previous year; the 6-month period ends 14/06, the year 14/12.
 */
export const ZReportingCalendar = z.strictObject({
  yearStart: ZMonthDay.default('12-15'),
  sixMonthEnd: ZMonthDay.default('06-14'),
  yearEnd: ZMonthDay.default('12-14'),
  sixMonthDue: ZMonthDay.default('06-20'),
  annualDue: ZMonthDay.default('12-20'),
});
export type TReportingCalendar = z.infer<typeof ZReportingCalendar>;
export const DEFAULT_REPORTING_CALENDAR: TReportingCalendar = ZReportingCalendar.parse({});

/** A period of a plan: a year ("2026"), its first six months ("2026H1"), or the whole plan period ("2026-2030"). */
export const ZPeriodKey = z.string().regex(/^\d{4}(H1|-\d{4})?$/);

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The dates a period covers, from inclusive to exclusive. */
export function periodRange(calendar: TReportingCalendar, key: string): { from: string; to: string } {
  const startOfYear = (year: number) =>
    calendar.yearStart > calendar.yearEnd ? `${year - 1}-${calendar.yearStart}` : `${year}-${calendar.yearStart}`;
  const six = /^(\d{4})H1$/.exec(key);
  if (six) return { from: startOfYear(+six[1]), to: shiftDay(`${six[1]}-${calendar.sixMonthEnd}`, 1) };
  const span = /^(\d{4})-(\d{4})$/.exec(key);
  if (span) return { from: startOfYear(+span[1]), to: shiftDay(`${span[2]}-${calendar.yearEnd}`, 1) };
  return { from: startOfYear(+key), to: shiftDay(`${key}-${calendar.yearEnd}`, 1) };
}

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;

/** The shapes of indicator found in the plans (DOMAIN.md §4). */
export const INDICATOR_SHAPES = {
  share_of_records: { vi: 'Tỷ lệ hồ sơ đạt điều kiện', en: 'Share of records meeting a condition' },
  share_of_registry: { vi: 'Tỷ lệ đối tượng quản lý', en: 'Share of registry items' },
  share_of_child_units: { vi: 'Tỷ lệ đơn vị trực thuộc', en: 'Share of child units' },
  share_of_people_reached: { vi: 'Tỷ lệ người được tiếp cận', en: 'Share of people reached' },
  frequency: { vi: 'Tần suất (tháng)', en: 'Frequency per month' },
  share_served: { vi: 'Tỷ lệ người được hỗ trợ', en: 'Share of people served' },
  share_trained: { vi: 'Tỷ lệ cán bộ được tập huấn', en: 'Share of staff trained' },
  task_completion: { vi: 'Tỷ lệ nhiệm vụ hoàn thành', en: 'Task completion' },
  manual: { vi: 'Nhập tay', en: 'Manual entry' },
} as const;
export type TIndicatorShape = keyof typeof INDICATOR_SHAPES;
export const ZIndicatorShape = z.enum(Object.keys(INDICATOR_SHAPES) as [TIndicatorShape, ...TIndicatorShape[]]);

export const COMPARATORS = { gte: { vi: 'ít nhất', en: 'at least' }, gt: { vi: 'trên', en: 'above' }, lte: { vi: 'không quá', en: 'at most' }, eq: { vi: 'bằng', en: 'equal to' } } as const;
export const ZComparator = z.enum(['gte', 'gt', 'lte', 'eq']);

/** A named measure and its parameters, e.g. { measure: 'units.count', params: { level: 4 } }. */
export const ZMeasureRef = z.strictObject({
  measure: z.string().min(1).max(100).regex(/^[a-z_]+\.[a-z0-9_.]+$/),
  params: z.record(z.string().max(40), z.union([z.string().max(100), z.number()])).optional(),
});
export type TMeasureRef = z.infer<typeof ZMeasureRef>;

export const ZIndicatorTarget = z.strictObject({ periodKey: ZPeriodKey, target: z.number().min(0).max(1e9) });

export const ZIndicatorInput = z.strictObject({
  name: z.string().trim().min(1).max(500),
  shape: ZIndicatorShape,
  numerator: ZMeasureRef,
  denominator: ZMeasureRef.nullable().optional(),
  comparator: ZComparator,
  unitLevel: z.number().int().min(1).max(4),
  targets: z.array(ZIndicatorTarget).max(20),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

export const ZTaskInput = z.strictObject({
  sectionPosition: z.number().int().min(0).max(200).nullable().optional(),
  title: z.string().trim().min(1).max(2000),
  leadAgency: z.string().trim().min(1).max(200),
  cooperatingAgencies: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  deadline: ZIsoDate.nullable().optional(),
});
export type TTaskInput = z.infer<typeof ZTaskInput>;

export const ZPlanSectionInput = z.strictObject({ heading: z.string().trim().min(1).max(500), body: z.string().max(50_000).default('') });

/** Fields of a plan, without defaults: an update changes only what it names. */
const planFields = {
  numberSymbol: z.string().trim().max(50).nullable(),
  issueDate: ZIsoDate.nullable(),
  placeName: z.string().trim().min(1).max(100),
  subject: z.string().trim().min(1).max(500),
  periodFromYear: z.number().int().min(2000).max(2100),
  periodToYear: z.number().int().min(2000).max(2100),
  preamble: z.string().max(5000),
  purposes: z.string().max(20_000),
  requirements: z.string().max(20_000),
  generalObjective: z.string().max(20_000),
  budget: z.string().max(10_000),
  signerName: z.string().trim().max(120),
  signingMode: z.enum(['TM', 'KT']),
  signerTitle: z.string().trim().max(60),
  recipients: z.array(z.string().trim().min(1).max(200)).max(30),
  reportingCalendar: ZReportingCalendar,
};

export const ZCreatePlanRequest = z.strictObject({
  ...planFields,
  numberSymbol: planFields.numberSymbol.optional(),
  issueDate: planFields.issueDate.optional(),
  preamble: planFields.preamble.default(''),
  purposes: planFields.purposes.default(''),
  requirements: planFields.requirements.default(''),
  generalObjective: planFields.generalObjective.default(''),
  budget: planFields.budget.default(''),
  signerName: planFields.signerName.default(''),
  signingMode: planFields.signingMode.default('TM'),
  signerTitle: planFields.signerTitle.default('CHỦ TỊCH'),
  recipients: planFields.recipients.default([]),
  reportingCalendar: ZReportingCalendar.default(DEFAULT_REPORTING_CALENDAR),
  unitId: ZId,
  parentPlanId: ZId.nullable().optional(),
  sections: z.array(ZPlanSectionInput).max(50).default([]),
  indicators: z.array(ZIndicatorInput).max(100).default([]),
  tasks: z.array(ZTaskInput).max(500).default([]),
}).refine((p) => p.periodToYear >= p.periodFromYear, { message: 'năm kết thúc phải không trước năm bắt đầu', path: ['periodToYear'] });
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z
  .strictObject({ ...planFields, status: z.enum(['draft', 'issued', 'superseded']) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZDerivePlanRequest = z.strictObject({ unitId: ZId, placeName: z.string().trim().min(1).max(100) });

export const ZUpdateTargetsRequest = z.strictObject({ targets: z.array(ZIndicatorTarget).min(1).max(20) });

export const ZIndicatorValue = z.object({
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(['met', 'behind', 'no_data', 'no_target']),
});
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const ZBoardRow = z.object({
  indicatorId: z.number().int(),
  name: z.string(),
  shape: ZIndicatorShape,
  comparator: ZComparator,
  current: ZIndicatorValue,
  trend: z.array(z.object({ periodKey: z.string() }).and(ZIndicatorValue)),
  children: z.array(
    z.object({ unitId: z.number().int(), unitName: z.string(), ownTarget: z.number().nullable() }).and(ZIndicatorValue),
  ),
  behind: z.array(z.object({ unitId: z.number().int(), unitName: z.string() })),
});
export type TBoardRow = z.infer<typeof ZBoardRow>;

export const ZManualValueRequest = z.strictObject({
  measureKey: z.string().regex(/^manual\.[a-z0-9_]+$/).max(100),
  unitId: ZId,
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  value: z.number().min(0).max(1e12),
});
export type TManualValueRequest = z.infer<typeof ZManualValueRequest>;

export const ZManualMeasureRequest = z.strictObject({
  key: z.string().regex(/^manual\.[a-z0-9_]+$/).max(100),
  name: z.string().trim().min(1).max(300),
  unitId: ZId,
});

export const DENOMINATOR_GROUPS = {
  students: { vi: 'Học sinh, sinh viên', en: 'Students' },
  industrial_workers: { vi: 'Người lao động tại khu công nghiệp', en: 'Workers in industrial zones' },
  establishment_staff: { vi: 'Nhân viên cơ sở kinh doanh dịch vụ', en: 'Staff of establishments' },
  officials_roster: { vi: 'Đội ngũ cán bộ thực hiện nhiệm vụ', en: 'Officials in the roster' },
  sex_workers_with_needs: { vi: 'Người bán dâm có nhu cầu hỗ trợ', en: 'Sex workers with needs' },
} as const;
export const ZDenominatorGroup = z.enum(Object.keys(DENOMINATOR_GROUPS) as [keyof typeof DENOMINATOR_GROUPS, ...(keyof typeof DENOMINATOR_GROUPS)[]]);

export const ZDenominatorRequest = z.strictObject({
  groupKey: ZDenominatorGroup,
  unitId: ZId,
  year: z.number().int().min(2000).max(2100),
  value: z.number().min(0).max(1e9),
});
export type TDenominatorRequest = z.infer<typeof ZDenominatorRequest>;

export const ZClosePeriodRequest = z.strictObject({ unitId: ZId, periodStart: ZIsoDate, periodEnd: ZIsoDate });

export const ZTaskUpdateRequest = z.strictObject({
  status: z.enum(TASK_STATUSES),
  note: z.string().max(5000).default(''),
  doneAt: ZIsoDate.optional(),
});

export const ZPlanIndicator = z.object({
  id: z.number().int(),
  parentIndicatorId: z.number().int().nullable(),
  position: z.number().int(),
  name: z.string(),
  shape: ZIndicatorShape,
  numerator: ZMeasureRef,
  denominator: ZMeasureRef.nullable(),
  comparator: ZComparator,
  unitLevel: z.number().int(),
  targets: z.array(z.object({ periodKey: z.string(), target: z.number() })),
});
export type TPlanIndicator = z.infer<typeof ZPlanIndicator>;

export const ZPlanTask = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  sectionId: z.number().int().nullable(),
  position: z.number().int(),
  title: z.string(),
  leadAgency: z.string(),
  cooperatingAgencies: z.array(z.string()),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type TPlanTask = z.infer<typeof ZPlanTask>;

export const ZPlanSummary = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  parentPlanId: z.number().int().nullable(),
  numberSymbol: z.string().nullable(),
  issueDate: z.string().nullable(),
  subject: z.string(),
  periodFromYear: z.number().int(),
  periodToYear: z.number().int(),
  status: z.enum(['draft', 'issued', 'superseded']),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlan = ZPlanSummary.extend({
  placeName: z.string(),
  preamble: z.string(),
  purposes: z.string(),
  requirements: z.string(),
  generalObjective: z.string(),
  budget: z.string(),
  signerName: z.string(),
  signingMode: z.enum(['TM', 'KT']),
  signerTitle: z.string(),
  recipients: z.array(z.string()),
  reportingCalendar: ZReportingCalendar,
  sections: z.array(z.object({ id: z.number().int(), position: z.number().int(), heading: z.string(), body: z.string() })),
  indicators: z.array(ZPlanIndicator),
  tasks: z.array(ZPlanTask),
});
export type TPlan = z.infer<typeof ZPlan>;
