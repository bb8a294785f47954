import { z } from 'zod';
import { ZId, ZIdParam, ZIsoDate } from './validation.js';

export const TIP_CATEGORIES = {
  prostitution_activity: { vi: 'Hoạt động mua bán dâm', en: 'Buying or selling sex' },
  brokering: { vi: 'Môi giới, chứa chấp mại dâm', en: 'Brokering or harbouring' },
  online_advertising: { vi: 'Quảng cáo, môi giới trên mạng', en: 'Online advertising or brokering' },
  child_victim: { vi: 'Liên quan đến trẻ em, người chưa thành niên', en: 'Involving children or minors' },
  trafficking: { vi: 'Mua bán người, cưỡng ép bán dâm', en: 'Trafficking or forced prostitution' },
  other: { vi: 'Khác', en: 'Other' },
} as const;
export type TTipCategory = keyof typeof TIP_CATEGORIES;
export const ZTipCategory = z.enum(Object.keys(TIP_CATEGORIES) as [TTipCategory, ...TTipCategory[]]);

export const TIP_CHANNELS = {
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  mailbox: { vi: 'Hòm thư', en: 'Mailbox' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  letter: { vi: 'Đơn, thư', en: 'Letter' },
  transfer: { vi: 'Cơ quan khác chuyển đến', en: 'Transfer from another agency' },
  social_media: { vi: 'Mạng xã hội', en: 'Social media' },
  web: { vi: 'Cổng trực tuyến', en: 'Web portal' },
} as const;
export const ZTipChannel = z.enum(Object.keys(TIP_CHANNELS) as [keyof typeof TIP_CHANNELS, ...(keyof typeof TIP_CHANNELS)[]]);

export const TIP_KINDS = {
  crime_report: { vi: 'Tố giác, tin báo về tội phạm', en: 'Crime report' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  information: { vi: 'Phản ánh, thông tin', en: 'Information' },
} as const;
export const ZTipKind = z.enum(['crime_report', 'denunciation', 'complaint', 'information']);
export type TTipKind = z.infer<typeof ZTipKind>;

export const TIP_STATUSES = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  verifying: { vi: 'Đang xác minh', en: 'Verifying' },
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  assigned: { vi: 'Đã giao xử lý', en: 'Assigned' },
  handled: { vi: 'Đã xử lý', en: 'Handled' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
} as const;
export type TTipStatus = keyof typeof TIP_STATUSES;
export const TIP_RESULTS = {
  confirmed_acted: { vi: 'Xác minh đúng, đã xử lý', en: 'Confirmed and acted on' },
  transferred: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Transferred' },
  not_confirmed: { vi: 'Không có cơ sở xác nhận', en: 'Not confirmed' },
} as const;
/** Child victims and trafficking come first. */
export const TIP_PRIORITIES = {
  urgent: { vi: 'Khẩn cấp', en: 'Urgent' },
  high: { vi: 'Cao', en: 'High' },
  normal: { vi: 'Bình thường', en: 'Normal' },
} as const;
export const ZTipPriority = z.enum(['urgent', 'high', 'normal']);

const place = {
  unitId: ZId,
  address: z.string().trim().max(500).default(''),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  establishmentId: ZId.nullable().optional(),
  occurredAt: z.string().trim().max(100).default(''),
  description: z.string().trim().min(10).max(10_000),
};

const reporter = z.strictObject({ name: z.string().trim().min(1).max(120), contact: z.string().trim().max(200).default('') });

/** What a citizen sends from the public page: no account; the reporter's identity only if they choose to give it. */
export const ZPublicTipRequest = z.strictObject({
  ...place,
  category: ZTipCategory,
  reporter: reporter.nullable().optional(),
  proof: z.strictObject({ challenge: z.string().max(300), nonce: z.string().max(40) }),
});
export type TPublicTipRequest = z.infer<typeof ZPublicTipRequest>;

export const ZPublicTipReceipt = z.object({ referenceCode: z.string(), secret: z.string(), receivedAt: z.string() });

export const ZPublicFollowRequest = z.strictObject({ referenceCode: z.string().trim().max(20), secret: z.string().trim().max(64) });
export const ZPublicAddInfoRequest = ZPublicFollowRequest.extend({ text: z.string().trim().min(1).max(5000) });

export const ZPublicTipStatus = z.object({
  referenceCode: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  steps: z.array(z.object({ at: z.string(), label: z.string(), note: z.string().nullable() })),
});

export const ZProofChallenge = z.object({ challenge: z.string(), difficulty: z.number().int() });

/** Intake by staff for any channel. */
export const ZStaffTipRequest = z.strictObject({
  ...place,
  category: ZTipCategory,
  channel: ZTipChannel,
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  reporter: reporter.nullable().optional(),
});
export type TStaffTipRequest = z.infer<typeof ZStaffTipRequest>;

/** One step of the workflow; each is timed and audited. */
export const ZTipAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('verify'), note: z.string().max(5000).default('') }),
  z.strictObject({ action: z.literal('classify'), category: ZTipCategory, kind: ZTipKind, priority: ZTipPriority, note: z.string().max(5000).default('') }),
  z.strictObject({ action: z.literal('assign'), agency: z.string().trim().min(1).max(200), userId: ZId.nullable().optional(), note: z.string().max(5000).default('') }),
  z.strictObject({ action: z.literal('extend'), reason: z.string().trim().min(5).max(2000) }),
  z.strictObject({
    action: z.literal('handle'),
    result: z.enum(['confirmed_acted', 'transferred', 'not_confirmed']),
    /** The day of the handling decision, when it is recorded afterwards (today by default). */
    handledOn: ZIsoDate.optional(),
    note: z.string().trim().min(1).max(5000),
    establishmentId: ZId.nullable().optional(),
    inspectionId: ZId.nullable().optional(),
    publicNote: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({ action: z.literal('close'), note: z.string().max(5000).default('') }),
]);
export type TTipAction = z.infer<typeof ZTipAction>;

/** The steps from which each action may be taken: the server enforces it, the web offers only these. */
export const TIP_ACTION_FROM: Record<TTipAction['action'], readonly TTipStatus[]> = {
  verify: ['received'],
  classify: ['received', 'verifying'],
  assign: ['classified', 'assigned'],
  extend: ['classified', 'assigned'],
  handle: ['assigned'],
  close: ['handled'],
};

export const ZTip = z.object({
  id: z.number().int(),
  referenceCode: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  establishmentId: z.number().int().nullable(),
  inspectionId: z.number().int().nullable(),
  occurredAt: z.string(),
  description: z.string(),
  category: ZTipCategory,
  channel: ZTipChannel,
  kind: ZTipKind.nullable(),
  priority: ZTipPriority,
  status: z.enum(['received', 'verifying', 'classified', 'assigned', 'handled', 'closed']),
  result: z.enum(['confirmed_acted', 'transferred', 'not_confirmed']).nullable(),
  receivedAt: z.string(),
  deadline: z.string(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  extensions: z.number().int(),
  assignedAgency: z.string().nullable(),
  assignedUserId: z.number().int().nullable(),
  anonymous: z.boolean(),
  handledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type TTip = z.infer<typeof ZTip>;

export const ZTipDetail = ZTip.extend({
  events: z.array(z.object({ at: z.string(), username: z.string().nullable(), event: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string() })),
  files: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int(), fromCitizen: z.boolean() })),
});

export const ZTipListQuery = z.object({
  status: z.enum(['open', 'received', 'verifying', 'classified', 'assigned', 'handled', 'closed']).optional(),
  due: z.enum(['overdue', 'soon']).optional(),
  /** Only the tips assigned to the caller or to the caller's agency: the agency's own inbox. */
  assigned: z.enum(['me']).optional(),
  unitId: ZIdParam.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TTipListQuery = z.infer<typeof ZTipListQuery>;

export const ZDeadlineRule = z.strictObject({
  kind: ZTipKind,
  days: z.number().int().min(1).max(365),
  extensionDays: z.number().int().min(0).max(365),
  maxExtensions: z.number().int().min(0).max(10),
  legalBasis: z.string().trim().max(300).default(''),
});

export const ZOnlinePostRequest = z.strictObject({
  unitId: ZId,
  platform: z.string().trim().min(1).max(100),
  url: z.url().max(2000),
  foundOn: ZIsoDate,
  description: z.string().trim().max(5000).default(''),
  tipId: ZId.nullable().optional(),
});
export const TAKEDOWN_RESULTS = {
  pending: { vi: 'Đang chờ', en: 'Pending' },
  removed: { vi: 'Đã gỡ bỏ', en: 'Removed' },
  refused: { vi: 'Bị từ chối', en: 'Refused' },
  no_response: { vi: 'Không phản hồi', en: 'No response' },
} as const;
export type TTakedownResult = keyof typeof TAKEDOWN_RESULTS;
export const ZOnlinePostUpdate = z
  .strictObject({
    takedownSentOn: ZIsoDate.nullable(),
    takedownSentTo: z.string().trim().max(200).nullable(),
    takedownResult: z.enum(Object.keys(TAKEDOWN_RESULTS) as [TTakedownResult, ...TTakedownResult[]]).nullable(),
    removedOn: ZIsoDate.nullable(),
    description: z.string().trim().max(5000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export const ZOnlinePost = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  platform: z.string(),
  url: z.string(),
  foundOn: z.string(),
  description: z.string(),
  evidence: z.object({ fileId: z.number().int(), sha256: z.string() }).nullable(),
  takedownSentOn: z.string().nullable(),
  takedownSentTo: z.string().nullable(),
  takedownResult: z.string().nullable(),
  removedOn: z.string().nullable(),
  tipId: z.number().int().nullable(),
});
