import { z } from 'zod';
import { ZPeriodKey } from './plans.js';
import { ZId } from './validation.js';

/** A unit's own report, or the consolidated report an upper level builds from its units' sent reports. */
export const REPORT_KINDS = { unit: { vi: 'Báo cáo của đơn vị', en: 'Unit report' }, consolidated: { vi: 'Báo cáo tổng hợp', en: 'Consolidated report' } } as const;

export const REPORT_STATUSES = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  submitted: { vi: 'Chờ lãnh đạo ký', en: 'Awaiting signature' },
  approved: { vi: 'Đã ký, đã gửi', en: 'Signed and sent' },
  received: { vi: 'Cấp trên đã nhận', en: 'Received above' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
} as const;
export type TReportStatus = keyof typeof REPORT_STATUSES;

/** What the upper level sees of each of its units for one period. */
export const REPORT_TIMELINESS = {
  not_started: { vi: 'Chưa lập', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Being drafted' },
  on_time: { vi: 'Đã gửi đúng hạn', en: 'Sent on time' },
  late: { vi: 'Gửi muộn', en: 'Sent late' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
} as const;
export type TReportTimeliness = keyof typeof REPORT_TIMELINESS;

/** The statistics sections of a report, in the order the report shows them. */
export const REPORT_SECTIONS = {
  establishments: { vi: 'Cơ sở kinh doanh dịch vụ dễ bị lợi dụng', en: 'At-risk establishments' },
  tips: { vi: 'Tin tố giác, tin báo', en: 'Tips and reports' },
  outreach: { vi: 'Thông tin, truyền thông', en: 'Outreach and communication' },
  training: { vi: 'Tập huấn, bồi dưỡng', en: 'Training' },
  support: { vi: 'Hỗ trợ, can thiệp giảm hại', en: 'Support and harm reduction' },
} as const;
export type TReportSection = keyof typeof REPORT_SECTIONS;

export const ZReportNarrative = z.strictObject({
  results: z.string().max(20_000),
  limits: z.string().max(20_000),
  proposals: z.string().max(20_000),
});
export type TReportNarrative = z.infer<typeof ZReportNarrative>;

export const ZCreateReportRequest = z.strictObject({ planId: ZId, periodKey: ZPeriodKey, kind: z.enum(['unit', 'consolidated']).default('unit') });

export const ZUpdateReportRequest = z
  .strictObject({
    numberSymbol: z.string().trim().max(50).nullable(),
    narrative: ZReportNarrative,
    recipients: z.array(z.string().trim().min(1).max(300)).max(30),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });

export const ZApproveReportRequest = z.strictObject({
  signerName: z.string().trim().min(1).max(120),
  signerTitle: z.string().trim().min(1).max(120),
  signingMode: z.enum(['TM', 'KT']).default('TM'),
});
export const ZReturnReportRequest = z.strictObject({ comment: z.string().trim().min(5).max(5000) });

/** A number in a report; `suppressed` when it is a small count of people shown as "<5" above the commune. */
const ZFigure = z.number().nullable();

export const ZReportIndicatorRow = z.object({
  indicatorId: z.number().int(),
  parentIndicatorId: z.number().int().nullable(),
  name: z.string(),
  shape: z.string(),
  comparator: z.string(),
  target: ZFigure,
  numerator: ZFigure,
  denominator: ZFigure,
  value: ZFigure,
  status: z.enum(['met', 'behind', 'no_data', 'no_target']),
  sensitive: z.boolean(),
});
export type TReportIndicatorRow = z.infer<typeof ZReportIndicatorRow>;

export const ZReportStatistic = z.object({ section: z.enum(Object.keys(REPORT_SECTIONS) as [TReportSection, ...TReportSection[]]), key: z.string(), label: z.string(), value: z.number().nullable(), sensitive: z.boolean() });
export type TReportStatistic = z.infer<typeof ZReportStatistic>;

export const ZReportTaskRow = z.object({ agency: z.string(), total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), notStarted: z.number().int(), overdue: z.number().int() });
export type TReportTaskRow = z.infer<typeof ZReportTaskRow>;

/** The numbers of a report: computed live while it is a draft, frozen at submission. */
export const ZReportContent = z.object({
  periodFrom: z.string(),
  periodTo: z.string(),
  indicators: z.array(ZReportIndicatorRow),
  statistics: z.array(ZReportStatistic),
  tasks: z.array(ZReportTaskRow),
  /** For a consolidated report: the units whose sent reports it sums. */
  sources: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), reportId: z.number().int() })),
  builtAt: z.string(),
});
export type TReportContent = z.infer<typeof ZReportContent>;

export const ZReport = z.object({
  id: z.number().int(),
  kind: z.enum(['unit', 'consolidated']),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  plan: z.object({ id: z.number().int(), numberSymbol: z.string().nullable(), subject: z.string() }),
  periodKey: z.string(),
  status: z.enum(Object.keys(REPORT_STATUSES) as [TReportStatus, ...TReportStatus[]]),
  dueOn: z.string(),
  sentAt: z.string().nullable(),
  numberSymbol: z.string().nullable(),
  recipients: z.array(z.string()),
  narrative: ZReportNarrative,
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signingMode: z.enum(['TM', 'KT']).nullable(),
  returnComment: z.string().nullable(),
  /** True once submitted: the numbers are the snapshot, not live data. */
  frozen: z.boolean(),
  /** Small counts of people are shown as "<5" (DOMAIN: support figures sent above the commune). */
  smallCountsHidden: z.boolean(),
  content: ZReportContent,
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportSummary = ZReport.pick({ id: true, kind: true, unit: true, plan: true, periodKey: true, status: true, dueOn: true, sentAt: true });
export type TReportSummary = z.infer<typeof ZReportSummary>;

export const ZReportOverview = z.object({
  planId: z.number().int(),
  periodKey: z.string(),
  dueOn: z.string(),
  consolidatedReportId: z.number().int().nullable(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      reportId: z.number().int().nullable(),
      timeliness: z.enum(Object.keys(REPORT_TIMELINESS) as [TReportTimeliness, ...TReportTimeliness[]]),
      sentAt: z.string().nullable(),
      /** Days until the due date while nothing is sent (negative when past): the reminder. */
      daysLeft: z.number().int().nullable(),
    }),
  ),
});
export type TReportOverview = z.infer<typeof ZReportOverview>;

export const ZReportReminder = z.object({ planId: z.number().int(), planSubject: z.string(), periodKey: z.string(), dueOn: z.string(), daysLeft: z.number().int(), reportId: z.number().int().nullable() });

export const ZDhis2Mapping = z.strictObject({
  indicators: z.array(z.strictObject({ indicatorId: ZId, dataElement: z.string().trim().min(1).max(50), categoryOptionCombo: z.string().trim().max(50).nullable().default(null) })).max(500),
  units: z.array(z.strictObject({ unitId: ZId, orgUnit: z.string().trim().min(1).max(50) })).max(5000),
});
export type TDhis2Mapping = z.infer<typeof ZDhis2Mapping>;

/** DHIS2's dataValueSets import format (Web API), with the indicators that have no mapping yet. */
export const ZDhis2DataValueSet = z.object({
  dataValues: z.array(z.object({ dataElement: z.string(), period: z.string(), orgUnit: z.string(), value: z.string(), categoryOptionCombo: z.string().optional() })),
  unmapped: z.array(z.string()),
});

/** "2026H1" → "6 tháng đầu năm 2026"; "2026" → "năm 2026"; "2026-2030" → "giai đoạn 2026-2030". */
export function reportPeriodLabel(periodKey: string, locale: 'vi' | 'en' = 'vi'): string {
  const half = /^(\d{4})H1$/.exec(periodKey);
  if (half) return locale === 'vi' ? `6 tháng đầu năm ${half[1]}` : `first half of ${half[1]}`;
  if (/^\d{4}-\d{4}$/.test(periodKey)) return locale === 'vi' ? `giai đoạn ${periodKey}` : `period ${periodKey}`;
  return locale === 'vi' ? `năm ${periodKey}` : `year ${periodKey}`;
}
