import { z } from 'zod';
import { ZId, ZIdParam, ZIsoDate } from './validation.js';

/** Who does this work (DOMAIN.md §3.6): the roster that "share of staff trained" divides by. */
export const ROSTER_KINDS = {
  official: { vi: 'Cán bộ, công chức', en: 'Official' },
  police: { vi: 'Công an', en: 'Police' },
  health_worker: { vi: 'Nhân viên y tế', en: 'Health worker' },
  social_worker: { vi: 'Nhân viên công tác xã hội', en: 'Social worker' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
  collaborator: { vi: 'Cộng tác viên', en: 'Collaborator' },
  volunteer: { vi: 'Tình nguyện viên, tuyên truyền viên', en: 'Volunteer' },
  other: { vi: 'Khác', en: 'Other' },
} as const;
export type TRosterKind = keyof typeof ROSTER_KINDS;
export const ROSTER_KIND_CODES = Object.keys(ROSTER_KINDS) as [TRosterKind, ...TRosterKind[]];
export const ZRosterKind = z.enum(ROSTER_KIND_CODES);

/** The level of whoever organised a course. */
export const COURSE_LEVELS = {
  national: { vi: 'Trung ương', en: 'National' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  commune: { vi: 'Xã, phường', en: 'Commune' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
} as const;
export const ZCourseLevel = z.enum(['national', 'province', 'commune', 'village']);

const text = (max: number) => z.string().trim().min(1).max(max);
const ZUnitRef = z.object({ id: z.number().int(), name: z.string() });

const personFields = {
  unitId: ZId,
  fullName: text(120),
  kind: ZRosterKind,
  agency: text(200),
  position: z.string().trim().max(200),
  joinedOn: ZIsoDate,
  /** The day the person left this work; they are off the roster from that day. */
  leftOn: ZIsoDate.nullable(),
};

export const ZCreateRosterPersonRequest = z
  .strictObject({ ...personFields, position: personFields.position.default(''), leftOn: personFields.leftOn.optional() })
  .refine((p) => !p.leftOn || p.leftOn > p.joinedOn, { message: 'ngày thôi nhiệm vụ phải sau ngày bắt đầu', path: ['leftOn'] });
export type TCreateRosterPersonRequest = z.infer<typeof ZCreateRosterPersonRequest>;

export const ZUpdateRosterPersonRequest = z
  .strictObject(personFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export type TUpdateRosterPersonRequest = z.infer<typeof ZUpdateRosterPersonRequest>;

export const ZRosterPerson = z.object({
  id: z.number().int(),
  unit: ZUnitRef,
  fullName: z.string(),
  kind: ZRosterKind,
  agency: z.string(),
  position: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  /** The last course the person completed, if any. */
  lastTrainedOn: z.string().nullable(),
  coursesCompleted: z.number().int(),
});
export type TRosterPerson = z.infer<typeof ZRosterPerson>;

export const ZRosterListQuery = z.object({
  unitId: ZIdParam.optional(),
  kind: ZRosterKind.optional(),
  /** Only people on the roster today (default), or everyone ever recorded. */
  current: z.enum(['true', 'false']).default('true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRosterListQuery = z.infer<typeof ZRosterListQuery>;

export const ZCreateCourseRequest = z
  .strictObject({
    /** The unit that records the course (and whose users may change it). */
    unitId: ZId,
    title: text(500),
    organiser: text(200),
    level: ZCourseLevel,
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    topics: z.array(text(200)).max(20).default([]),
    note: z.string().trim().max(5000).default(''),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'ngày kết thúc phải không trước ngày bắt đầu', path: ['endsOn'] });
export type TCreateCourseRequest = z.infer<typeof ZCreateCourseRequest>;

/** The attendance of a course from the roster, replaced as a whole; `completed` is false for someone who did not finish. */
export const ZCourseAttendanceRequest = z.strictObject({
  attendees: z
    .array(z.strictObject({ personId: ZId, completed: z.boolean().default(true) }))
    .max(2000)
    .refine((list) => new Set(list.map((a) => a.personId)).size === list.length, { message: 'mỗi người chỉ có một dòng' }),
});
export type TCourseAttendanceRequest = z.infer<typeof ZCourseAttendanceRequest>;

export const ZCourse = z.object({
  id: z.number().int(),
  unit: ZUnitRef,
  title: z.string(),
  organiser: z.string(),
  level: ZCourseLevel,
  startsOn: z.string(),
  endsOn: z.string(),
  topics: z.array(z.string()),
  note: z.string(),
  attendeesCount: z.number().int(),
  completedCount: z.number().int(),
});
export type TCourse = z.infer<typeof ZCourse>;

export const ZCourseDetail = ZCourse.extend({
  attendees: z.array(
    z.object({
      personId: z.number().int(),
      fullName: z.string(),
      unit: ZUnitRef,
      kind: ZRosterKind,
      agency: z.string(),
      completed: z.boolean(),
      certificate: z.object({ fileId: z.number().int(), name: z.string(), size: z.number().int() }).nullable(),
    }),
  ),
});
export type TCourseDetail = z.infer<typeof ZCourseDetail>;

export const ZCourseListQuery = z.object({
  unitId: ZIdParam.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TCourseListQuery = z.infer<typeof ZCourseListQuery>;
