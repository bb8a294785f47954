import { z } from 'zod';
import { ZId, ZIdParam, ZIsoDate } from './validation.js';

/** Unit types of the Vietnamese hierarchy, by level: 0 country, 1 province, 2 district (before 07/2025), 3 commune, 4 village/group. */
export const UNIT_TYPES = {
  quoc_gia: { level: 0, vi: 'Quốc gia', en: 'Country' },
  tinh: { level: 1, vi: 'Tỉnh', en: 'Province' },
  thanh_pho_tw: { level: 1, vi: 'Thành phố trực thuộc TW', en: 'Centrally-run city' },
  huyen: { level: 2, vi: 'Huyện', en: 'District' },
  quan: { level: 2, vi: 'Quận', en: 'Urban district' },
  thi_xa: { level: 2, vi: 'Thị xã', en: 'Town' },
  thanh_pho_thuoc_tinh: { level: 2, vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
  xa: { level: 3, vi: 'Xã', en: 'Commune' },
  phuong: { level: 3, vi: 'Phường', en: 'Ward' },
  thi_tran: { level: 3, vi: 'Thị trấn', en: 'Township' },
  dac_khu: { level: 3, vi: 'Đặc khu', en: 'Special zone' },
  thon: { level: 4, vi: 'Thôn', en: 'Village' },
  ban: { level: 4, vi: 'Bản', en: 'Hamlet (bản)' },
  ap: { level: 4, vi: 'Ấp', en: 'Hamlet (ấp)' },
  to_dan_pho: { level: 4, vi: 'Tổ dân phố', en: 'Residential group' },
  khu_pho: { level: 4, vi: 'Khu phố', en: 'Quarter' },
} as const;
export type TUnitType = keyof typeof UNIT_TYPES;
export const UNIT_TYPE_CODES = Object.keys(UNIT_TYPES) as [TUnitType, ...TUnitType[]];
export const ZUnitType = z.enum(UNIT_TYPE_CODES);

export function unitLevel(type: TUnitType): number {
  return UNIT_TYPES[type].level;
}

export const ZUnitCode = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9._-]+$/);
export const ZUnitName = z.string().trim().min(1).max(200);

export const ZUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: ZUnitType,
  level: z.number().int(),
  parentId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  childCount: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), type: ZUnitType });
export type TUnitRef = z.infer<typeof ZUnitRef>;

export const ZUnitLink = ZUnitRef.extend({
  share: z.enum(['full', 'partial']),
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveDate: z.string(),
});

export const ZUnitDetail = ZUnit.extend({
  ancestors: z.array(ZUnitRef),
  predecessors: z.array(ZUnitLink),
  successors: z.array(ZUnitLink),
});
export type TUnitDetail = z.infer<typeof ZUnitDetail>;

export const ZUnitChildrenQuery = z.object({
  parentId: ZIdParam.optional(),
  at: ZIsoDate.optional(),
  includeExpired: z.enum(['true', 'false']).optional(),
});

export const ZUnitSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  at: ZIsoDate.optional(),
  includeExpired: z.enum(['true', 'false']).optional(),
});

export const ZCreateUnitRequest = z.strictObject({
  code: ZUnitCode,
  name: ZUnitName,
  type: ZUnitType,
  parentId: ZId,
  validFrom: ZIsoDate,
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z
  .strictObject({
    code: ZUnitCode.optional(),
    name: ZUnitName.optional(),
    type: ZUnitType.optional(),
    parentId: ZId.optional(),
    validFrom: ZIsoDate.optional(),
    validTo: ZIsoDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;

/** Several units become one successor on a date (the successor is new, or one of the existing units that absorbs the others). */
export const ZMergeUnitsRequest = z.strictObject({
  predecessorIds: z.array(ZId).min(2).max(50),
  effectiveDate: ZIsoDate,
  successor: z.strictObject({ code: ZUnitCode, name: ZUnitName, type: ZUnitType, parentId: ZId }),
});
export type TMergeUnitsRequest = z.infer<typeof ZMergeUnitsRequest>;

/** One unit becomes several; each of its villages or groups goes to one successor. */
export const ZSplitUnitRequest = z.strictObject({
  effectiveDate: ZIsoDate,
  successors: z
    .array(
      z.strictObject({
        code: ZUnitCode,
        name: ZUnitName,
        type: ZUnitType,
        parentId: ZId,
        childIds: z.array(ZId).max(500),
      }),
    )
    .min(2)
    .max(20),
});
export type TSplitUnitRequest = z.infer<typeof ZSplitUnitRequest>;

/** One row of a unit import file: code, name, type, parent code, valid from. */
export const ZUnitImportRow = z.object({
  code: ZUnitCode,
  name: ZUnitName,
  type: ZUnitType,
  parentCode: ZUnitCode.optional(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.optional(),
});
export type TUnitImportRow = z.infer<typeof ZUnitImportRow>;

export const ZUnitImportResult = z.object({ imported: z.number().int() });

/** Columns of the unit import file, with the Vietnamese headers officials use. */
export const UNIT_IMPORT_COLUMNS = {
  code: ['ma', 'ma don vi', 'code'],
  name: ['ten', 'ten don vi', 'name'],
  type: ['loai', 'loai don vi', 'type'],
  parentCode: ['ma cap tren', 'ma don vi cap tren', 'parent code', 'parent_code'],
  validFrom: ['hieu luc tu', 'tu ngay', 'valid from', 'valid_from'],
  validTo: ['hieu luc den', 'den ngay', 'valid to', 'valid_to'],
} as const;
