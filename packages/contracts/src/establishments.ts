import { z } from 'zod';
import { ZId, ZIdParam, ZIsoDate } from './validation.js';

export const ESTABLISHMENT_STATUSES = ['operating', 'suspended', 'closed'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RISK_LABELS = { low: { vi: 'Thấp', en: 'Low' }, medium: { vi: 'Trung bình', en: 'Medium' }, high: { vi: 'Cao', en: 'High' } } as const;
export const ESTABLISHMENT_STATUS_LABELS = {
  operating: { vi: 'Đang hoạt động', en: 'Operating' },
  suspended: { vi: 'Tạm ngừng', en: 'Suspended' },
  closed: { vi: 'Đã đóng cửa', en: 'Closed' },
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields of an establishment without defaults, so that an update changes only what it names. */
const establishmentFields = {
  unitId: ZId,
  name: text(300),
  typeCode: z.string().regex(/^[a-z_]+$/).max(40),
  address: text(500),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  registrationNo: text(50).nullable(),
  licenceNo: text(50).nullable(),
  licenceIssuer: text(200).nullable(),
  licenceExpiry: ZIsoDate.nullable(),
  representativeName: text(120).nullable(),
  representativeIdNo: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/).nullable(),
  representativePhone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/).nullable(),
  staffCount: z.number().int().min(0).max(100_000).nullable(),
  status: z.enum(ESTABLISHMENT_STATUSES),
  openedOn: ZIsoDate,
  closedOn: ZIsoDate.nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  riskReason: z.string().trim().max(1000).nullable(),
  classifiedOn: ZIsoDate.nullable(),
  commitmentSignedOn: ZIsoDate.nullable(),
};

export const ZCreateEstablishmentRequest = z
  .strictObject({
    ...establishmentFields,
    latitude: establishmentFields.latitude.optional(),
    longitude: establishmentFields.longitude.optional(),
    registrationNo: establishmentFields.registrationNo.optional(),
    licenceNo: establishmentFields.licenceNo.optional(),
    licenceIssuer: establishmentFields.licenceIssuer.optional(),
    licenceExpiry: establishmentFields.licenceExpiry.optional(),
    representativeName: establishmentFields.representativeName.optional(),
    representativeIdNo: establishmentFields.representativeIdNo.optional(),
    representativePhone: establishmentFields.representativePhone.optional(),
    staffCount: establishmentFields.staffCount.optional(),
    status: establishmentFields.status.default('operating'),
    closedOn: establishmentFields.closedOn.optional(),
    riskLevel: establishmentFields.riskLevel.optional(),
    riskReason: establishmentFields.riskReason.optional(),
    classifiedOn: establishmentFields.classifiedOn.optional(),
    commitmentSignedOn: establishmentFields.commitmentSignedOn.optional(),
    /** The user has seen the possible duplicate (same name and address) and confirms it is another establishment. */
    notADuplicate: z.boolean().optional(),
  });
export type TCreateEstablishmentRequest = z.infer<typeof ZCreateEstablishmentRequest>;

export const ZUpdateEstablishmentRequest = z
  .strictObject({ ...establishmentFields, notADuplicate: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export type TUpdateEstablishmentRequest = z.infer<typeof ZUpdateEstablishmentRequest>;

export const ZEstablishment = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  name: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  registrationNo: z.string().nullable(),
  licenceNo: z.string().nullable(),
  licenceIssuer: z.string().nullable(),
  licenceExpiry: z.string().nullable(),
  representativeName: z.string().nullable(),
  representativeIdNo: z.string().nullable(),
  representativePhone: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  status: z.enum(ESTABLISHMENT_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  riskReason: z.string().nullable(),
  classifiedOn: z.string().nullable(),
  commitmentSignedOn: z.string().nullable(),
  lastInspectedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type TEstablishment = z.infer<typeof ZEstablishment>;

export const ZEstablishmentListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: ZIdParam.optional(),
  typeCode: z.string().max(40).optional(),
  status: z.enum(ESTABLISHMENT_STATUSES).optional(),
  /** 'none': not yet reviewed and classified. */
  riskLevel: z.enum([...RISK_LEVELS, 'none']).optional(),
  hasCoordinates: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TEstablishmentListQuery = z.infer<typeof ZEstablishmentListQuery>;
