import { z } from 'zod';
import { ZEstablishmentListQuery } from './establishments.js';

/**
 * Fields a spreadsheet column can fill. A unit is named by its code (officials do not know record ids),
 * and the type by its code or its Vietnamese name.
 */
export const ESTABLISHMENT_IMPORT_FIELDS = [
  'name', 'typeCode', 'address', 'unitCode', 'registrationNo', 'licenceNo', 'licenceIssuer', 'licenceExpiry',
  'representativeName', 'representativeIdNo', 'representativePhone', 'staffCount', 'status', 'openedOn', 'closedOn',
  'riskLevel', 'riskReason', 'classifiedOn', 'commitmentSignedOn', 'latitude', 'longitude',
] as const;
export type TEstablishmentImportField = (typeof ESTABLISHMENT_IMPORT_FIELDS)[number];

/** A row cannot be imported without these columns. */
export const ESTABLISHMENT_IMPORT_REQUIRED: readonly TEstablishmentImportField[] = ['name', 'typeCode', 'address', 'unitCode', 'openedOn'];

/** Larger registries are split: the whole file is checked and written in one request and one transaction. */
export const ESTABLISHMENT_IMPORT_MAX_ROWS = 50_000;

/**
 * Column headers: `vi` is what the export writes (so an exported file imports back unchanged), `en` labels the field
 * in English; `aliases` are other headers seen in officials' lists, folded (no diacritics, lower case).
 */
export const ESTABLISHMENT_IMPORT_COLUMNS: Record<TEstablishmentImportField, { vi: string; en: string; aliases: readonly string[] }> = {
  name: { vi: 'Tên cơ sở', en: 'Name', aliases: ['ten', 'ten cs', 'ten co so kinh doanh', 'ten doanh nghiep', 'ten ho kinh doanh', 'establishment name'] },
  typeCode: { vi: 'Loại hình', en: 'Type', aliases: ['loai hinh kinh doanh', 'loai hinh co so', 'loai hinh dich vu', 'nganh nghe', 'loai', 'type code'] },
  address: { vi: 'Địa chỉ', en: 'Address', aliases: ['dia chi co so', 'dia chi kinh doanh'] },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code', aliases: ['ma dia ban', 'ma xa', 'ma thon', 'ma to dan pho'] },
  registrationNo: {
    vi: 'Số ĐKKD',
    en: 'Registration number',
    aliases: ['so dang ky kinh doanh', 'so gcn dkkd', 'so giay chung nhan dang ky kinh doanh', 'so dang ky', 'dkkd', 'registration no'],
  },
  licenceNo: { vi: 'Số giấy phép', en: 'Licence number', aliases: ['so gp', 'giay phep', 'so giay phep kinh doanh', 'licence no', 'license no', 'license number'] },
  licenceIssuer: { vi: 'Cơ quan cấp', en: 'Licence issuer', aliases: ['noi cap', 'co quan cap giay phep', 'issuer', 'license issuer'] },
  licenceExpiry: { vi: 'Ngày hết hạn', en: 'Licence expiry', aliases: ['ngay het han giay phep', 'han giay phep', 'het han', 'expiry', 'license expiry'] },
  representativeName: {
    vi: 'Người đại diện',
    en: 'Representative',
    aliases: ['chu co so', 'ho ten chu co so', 'ho ten nguoi dai dien', 'nguoi dai dien theo phap luat', 'representative name', 'owner'],
  },
  representativeIdNo: { vi: 'Số CCCD', en: 'ID number', aliases: ['cccd', 'so cmnd', 'cmnd', 'so cccd/cmnd', 'so dinh danh', 'so dinh danh ca nhan', 'id no'] },
  representativePhone: { vi: 'Điện thoại', en: 'Phone', aliases: ['so dien thoai', 'sdt', 'dt', 'phone number'] },
  staffCount: { vi: 'Số nhân viên', en: 'Staff', aliases: ['so lao dong', 'so nguoi lao dong', 'nhan vien', 'staff count', 'employees'] },
  status: { vi: 'Tình trạng', en: 'Status', aliases: ['trang thai', 'tinh trang hoat dong'] },
  openedOn: { vi: 'Ngày hoạt động', en: 'Opened on', aliases: ['ngay bat dau hoat dong', 'ngay mo cua', 'ngay khai truong', 'opening date'] },
  closedOn: { vi: 'Ngày đóng cửa', en: 'Closed on', aliases: ['ngay ngung hoat dong', 'closing date'] },
  riskLevel: { vi: 'Mức độ nguy cơ', en: 'Risk level', aliases: ['muc nguy co', 'nguy co', 'phan loai', 'phan loai nguy co', 'risk'] },
  riskReason: { vi: 'Lý do phân loại', en: 'Risk reason', aliases: ['ly do', 'ly do nguy co'] },
  classifiedOn: { vi: 'Ngày rà soát', en: 'Classified on', aliases: ['ngay phan loai', 'ngay ra soat phan loai', 'review date'] },
  commitmentSignedOn: { vi: 'Ngày ký cam kết', en: 'Commitment signed on', aliases: ['ngay cam ket', 'ky cam ket', 'commitment date'] },
  latitude: { vi: 'Vĩ độ', en: 'Latitude', aliases: ['lat'] },
  longitude: { vi: 'Kinh độ', en: 'Longitude', aliases: ['lng', 'lon', 'long'] },
};

/** Which field each header of the file fills; a header mapped to null (or left out) is ignored. */
export const ZEstablishmentImportMapping = z
  .record(z.string().max(200), z.enum(ESTABLISHMENT_IMPORT_FIELDS).nullable())
  .refine((m) => {
    const fields = Object.values(m).filter((f) => f !== null);
    return new Set(fields).size === fields.length;
  }, { message: 'mỗi trường chỉ lấy từ một cột' });
export type TEstablishmentImportMapping = z.infer<typeof ZEstablishmentImportMapping>;

const ZRowErrors = z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) }));

/** What the file holds under a mapping: nothing is written until the user confirms with the same file and mapping. */
export const ZEstablishmentImportPreview = z.object({
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.enum(ESTABLISHMENT_IMPORT_FIELDS).nullable()),
  totalRows: z.number().int(),
  /** The first rows as mapped, by spreadsheet line (the header is line 1). */
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
  /** Every bad row of the whole file, as the import would refuse it. */
  errors: ZRowErrors,
});
export type TEstablishmentImportPreview = z.infer<typeof ZEstablishmentImportPreview>;

export const ZEstablishmentImportResult = z.object({ imported: z.number().int() });

/** The list's filters without paging: the export holds every establishment they select. */
export const ZEstablishmentExportQuery = ZEstablishmentListQuery.omit({ page: true, pageSize: true });
export type TEstablishmentExportQuery = z.infer<typeof ZEstablishmentExportQuery>;
