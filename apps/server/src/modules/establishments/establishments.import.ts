import {
  ESTABLISHMENT_IMPORT_COLUMNS,
  ESTABLISHMENT_IMPORT_FIELDS,
  ESTABLISHMENT_IMPORT_MAX_ROWS,
  ESTABLISHMENT_IMPORT_REQUIRED,
  ESTABLISHMENT_STATUS_LABELS,
  RISK_LABELS,
  ZCreateEstablishmentRequest,
  ZEstablishmentImportMapping,
  fieldLabel,
  foldVi,
  formatNumberVi,
  parseDateVi,
  type TCreateEstablishmentRequest,
  type TEstablishmentImportField,
  type TEstablishmentImportMapping,
  type TEstablishmentImportPreview,
  type TLocale,
} from '@pcmd/contracts';
import { inTransaction, type Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, isUniqueViolation } from '../../lib/errors.js';
import { readSpreadsheet } from '../../lib/spreadsheet.js';
import { recordAudits } from '../audit/audit.service.js';
import { findUnitsByCodes, unitsInSubtree } from '../units/units.repository.js';
import * as repo from './establishments.repository.js';

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 20;
/** About 20 parameters a row: 500 rows keep one statement far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

type Field = TEstablishmentImportField;
type RowErrors = { row: number; messages: string[] }[];

export interface Upload {
  bytes: ArrayBuffer;
  fileName: string;
}

/** Headers as compared with aliases: folded, without the "(*)" marking required columns, spaces collapsed. */
const normalizeHeader = (header: string) => foldVi(header).replace(/\(\s*\*\s*\)|\*/g, '').replace(/\s+/g, ' ').trim();

const FIELD_BY_HEADER = new Map<string, Field>(
  ESTABLISHMENT_IMPORT_FIELDS.flatMap((field) => {
    const { vi, en, aliases } = ESTABLISHMENT_IMPORT_COLUMNS[field];
    return [vi, en, field, ...aliases].map((alias) => [normalizeHeader(alias), field] as const);
  }),
);

/** Each header to the field it names, the first of two headers naming the same field winning. */
export function proposeMapping(headers: string[]): TEstablishmentImportMapping {
  const taken = new Set<Field>();
  return Object.fromEntries(
    headers.map((header) => {
      const field = FIELD_BY_HEADER.get(normalizeHeader(header));
      if (!field || taken.has(field)) return [header, null];
      taken.add(field);
      return [header, field];
    }),
  );
}

const wordMap = (labels: Record<string, { vi: string; en: string }>) =>
  new Map(Object.entries(labels).flatMap(([code, l]) => [[foldVi(code), code], [foldVi(l.vi), code], [foldVi(l.en), code]]));
const STATUS_BY_WORD = wordMap(ESTABLISHMENT_STATUS_LABELS);
const RISK_BY_WORD = wordMap(RISK_LABELS);
const DATE_FIELDS = new Set<Field>(['licenceExpiry', 'openedOn', 'closedOn', 'classifiedOn', 'commitmentSignedOn']);

/**
 * dd/mm/yyyy (also with - or .), yyyy-mm-dd (how date cells of an .xlsx are read), or an Excel serial day number,
 * which a date cell formatted as a plain number shows. Only five digits count as a serial, so a bare year is refused.
 */
function parseCellDate(text: string): string | null {
  const dmy = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(text);
  const parsed = parseDateVi(dmy ? `${dmy[1]}/${dmy[2]}/${dmy[3]}` : text);
  if (parsed) return parsed;
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  // Excel's day 1 is 1900-01-01 but it counts a 29/02/1900 that never was: day 0 is taken as 1899-12-30.
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole numbers as officials write them: "1.200" is one thousand two hundred. */
const parseCount = (text: string) => (/^\d{1,3}(\.\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/\./g, '')) : null);
/** Coordinates with a decimal point or a decimal comma. */
const parseDecimal = (text: string) => (/^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : null);

interface Sheet {
  headers: string[];
  /** Rows by spreadsheet line (the header is line 1). */
  rows: { line: number; raw: Record<string, string> }[];
}

async function readSheet(upload: Upload): Promise<Sheet> {
  const [first] = await readSpreadsheet(upload.bytes, upload.fileName);
  const rows = (first?.rows ?? []).map((raw, i) => ({ line: i + 2, raw }));
  // readSpreadsheet leaves empty cells out, so a header is known from the rows that fill it.
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.raw)))];
  return { headers, rows };
}

/** The mapped cells of a row; rows where no mapped cell is filled (blank or only numbered template lines) are skipped. */
function mappedRows(sheet: Sheet, mapping: TEstablishmentImportMapping) {
  const pairs = Object.entries(mapping).filter((e): e is [string, Field] => e[1] !== null);
  return sheet.rows
    .map(({ line, raw }) => {
      const text: Partial<Record<Field, string>> = {};
      for (const [header, field] of pairs) if (raw[header]?.trim()) text[field] = raw[header].trim();
      return { line, text };
    })
    .filter((r) => Object.keys(r.text).length > 0);
}

type MappedRow = ReturnType<typeof mappedRows>[number];

interface CheckedRow {
  line: number;
  values: TCreateEstablishmentRequest;
  unitName: string;
  typeName: string;
}

/** Problems of the file as a whole, reported on its header line. */
function fileProblems(sheet: Sheet, rows: MappedRow[], mapping: TEstablishmentImportMapping, vi: boolean): string[] {
  const noData = [vi ? 'Tệp không có dòng dữ liệu' : 'The file has no data rows'];
  if (sheet.headers.length === 0) return noData;
  const mapped = new Set(Object.values(mapping));
  const missing = ESTABLISHMENT_IMPORT_REQUIRED.filter((f) => !mapped.has(f)).map((f) => ESTABLISHMENT_IMPORT_COLUMNS[f][vi ? 'vi' : 'en']);
  if (missing.length) return [`${vi ? 'Chưa chọn cột cho' : 'No column chosen for'}: ${missing.join(', ')}`];
  if (rows.length === 0) return noData;
  if (rows.length > ESTABLISHMENT_IMPORT_MAX_ROWS)
    return [
      vi
        ? `Tệp có ${formatNumberVi(rows.length)} dòng, quá giới hạn ${formatNumberVi(ESTABLISHMENT_IMPORT_MAX_ROWS)} dòng mỗi lần nhập; hãy chia thành nhiều tệp`
        : `The file has ${rows.length} rows, more than the ${ESTABLISHMENT_IMPORT_MAX_ROWS} of one import; split it into several files`,
    ];
  return [];
}

/** Current communes, wards, villages and groups by code, and which of them lie in the user's area: two set queries. */
async function resolveUnits(db: Db, scopeUnitId: number, codes: string[]) {
  // Codes are stored as written (upper case in practice); a lower-case cell still finds its unit.
  const candidates = [...new Set(codes.flatMap((c) => [c, c.toUpperCase()]))];
  const current = (await findUnitsByCodes(db, candidates)).filter((u) => u.valid_to === null);
  const ids = current.map((u) => u.id);
  const inScope = new Set(
    ids.length === 0
      ? []
      : await unitsInSubtree(db, scopeUnitId, ids),
  );
  const byCode = new Map(current.map((u) => [u.code, u]));
  return (code: string) => {
    const unit = byCode.get(code) ?? byCode.get(code.toUpperCase());
    return unit && { ...unit, inScope: inScope.has(unit.id) };
  };
}


interface Catalogue {
  label: (field: Field) => string;
  typeByWord: Map<string, { code: string; name_vi: string; name_en: string }>;
  typeNames: string;
  unitOf: Awaited<ReturnType<typeof resolveUnits>>;
}

/** A cell as the field's value, or why it cannot be one. */
function convertCell(field: Field, value: string, cat: Catalogue, vi: boolean): { value: unknown } | { error: string } {
  const name = `«${cat.label(field)}»`;
  const orFail = (v: unknown, viText: string, enText: string) => (v === null || v === undefined ? { error: vi ? viText : enText } : { value: v });
  if (DATE_FIELDS.has(field)) return orFail(parseCellDate(value), `${name} phải là ngày dạng dd/mm/yyyy`, `${name} must be a date as dd/mm/yyyy`);
  switch (field) {
    case 'staffCount':
      return orFail(parseCount(value), `${name} phải là số nguyên`, `${name} must be a whole number`);
    case 'latitude':
    case 'longitude':
      return orFail(parseDecimal(value), `${name} phải là số`, `${name} must be a number`);
    case 'status':
    case 'riskLevel': {
      const labels = Object.values(field === 'status' ? ESTABLISHMENT_STATUS_LABELS : RISK_LABELS);
      return orFail(
        (field === 'status' ? STATUS_BY_WORD : RISK_BY_WORD).get(foldVi(value)),
        `${name} «${value}» không hợp lệ; dùng một trong: ${labels.map((l) => l.vi).join(', ')}`,
        `${name} «${value}» is not valid; use one of: ${labels.map((l) => l.en).join(', ')}`,
      );
    }
    case 'typeCode':
      return orFail(
        cat.typeByWord.get(foldVi(value))?.code,
        `Loại hình «${value}» không có trong danh mục; dùng một trong: ${cat.typeNames}`,
        `Type «${value}» is not in the catalogue; use one of: ${cat.typeNames}`,
      );
    case 'unitCode': {
      const unit = cat.unitOf(value);
      if (!unit) return { error: vi ? `Không có xã, phường hoặc thôn, tổ dân phố đang hoạt động mã «${value}»` : `No current commune, village or group has the code «${value}»` };
      if (!unit.inScope) return { error: vi ? `Đơn vị ${unit.code} (${unit.name}) nằm ngoài địa bàn bạn phụ trách` : `Unit ${unit.code} (${unit.name}) is outside your area` };
      if (unit.level < 3) return { error: vi ? `Mã «${value}» là của ${unit.name}; cơ sở thuộc xã, phường hoặc thôn, tổ dân phố` : `«${value}» is ${unit.name}; an establishment belongs to a commune, village or group` };
      return { value: unit.id };
    }
    default:
      return { value };
  }
}

/**
 * Checks every row under a mapping as the registration form would check it (schema, unit in the user's area, type
 * from the catalogue, dates, duplicates), with a handful of set queries for the whole file instead of queries per row.
 */
async function checkRows(ctx: RequestContext, sheet: Sheet, rows: MappedRow[], mapping: TEstablishmentImportMapping): Promise<{ rows: CheckedRow[]; errors: RowErrors }> {
  const vi = ctx.locale === 'vi';
  const problems = fileProblems(sheet, rows, mapping, vi);
  if (problems.length) return { rows: [], errors: [{ row: 1, messages: problems }] };

  const headerOf = new Map(Object.entries(mapping).map(([header, field]) => [field, header]));
  const types = await repo.listTypes(ctx.db);
  const cat: Catalogue = {
    label: (field) => headerOf.get(field) ?? ESTABLISHMENT_IMPORT_COLUMNS[field][vi ? 'vi' : 'en'],
    typeByWord: new Map(types.flatMap((t) => [[foldVi(t.code), t], [foldVi(t.name_vi), t], [foldVi(t.name_en), t]])),
    typeNames: types.map((t) => (vi ? t.name_vi : t.name_en)).join(', '),
    unitOf: await resolveUnits(ctx.db, ctx.actor.unitId, rows.flatMap((r) => (r.text.unitCode ? [r.text.unitCode] : []))),
  };
  const numberOf = (r: MappedRow) => r.text.registrationNo?.replace(/\s/g, '').toUpperCase();
  const registered = await repo.registeredNumbers(ctx.db, [...new Set(rows.flatMap((r) => numberOf(r) ?? []))]);
  const named = rows.filter((r) => r.text.name && r.text.address);
  const twins = await repo.twinsInDatabase(ctx.db, named.map((r) => r.text.name!), named.map((r) => r.text.address!));
  const twinOf = new Map(named.flatMap((r, i) => (twins.has(i) ? [[r, twins.get(i)!]] : [])));

  const errors: RowErrors = [];
  const checked: CheckedRow[] = [];
  const lineOfNumber = new Map<string, number>();
  const lineOfTwin = new Map<string, number>();
  for (const row of rows) {
    const { text } = row;
    const messages: string[] = [];
    const failed = new Set<string>();
    const candidate: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(text) as [Field, string][]) {
      const target = field === 'unitCode' ? 'unitId' : field;
      const cell = convertCell(field, value, cat, vi);
      if ('value' in cell) candidate[target] = cell.value;
      else {
        messages.push(cell.error);
        // The schema would complain again, less clearly, about the value left out.
        failed.add(target);
      }
    }

    const parsed = ZCreateEstablishmentRequest.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const target = String(issue.path[0]);
        if (failed.has(target)) continue;
        // Zod names the field by its API label; the official reads the column header of his own file.
        const field = (target === 'unitId' ? 'unitCode' : target) as Field;
        messages.push(issue.message.replace(`«${fieldLabel(issue.path, ctx.locale)}»`, `«${cat.label(field)}»`));
      }
    } else {
      const e = parsed.data;
      if (e.closedOn && e.closedOn < e.openedOn)
        messages.push(vi ? `«${cat.label('closedOn')}» phải sau «${cat.label('openedOn')}»` : `«${cat.label('closedOn')}» must follow «${cat.label('openedOn')}»`);
      if (e.status === 'closed' && !e.closedOn)
        messages.push(vi ? `«${cat.label('closedOn')}» là bắt buộc khi cơ sở đã đóng cửa` : `«${cat.label('closedOn')}» is required for a closed establishment`);
    }

    // Every row claims its number and its name-and-address, even a bad one, so that a repeat is named wherever it is.
    const number = numberOf(row);
    if (number) {
      const holder = registered.get(number);
      const earlier = lineOfNumber.get(number);
      if (holder) messages.push(vi ? `Số ĐKKD ${text.registrationNo} đã có ở cơ sở «${holder.name}» (mã ${holder.id})` : `Registration number ${text.registrationNo} belongs to «${holder.name}» (#${holder.id})`);
      else if (earlier) messages.push(vi ? `Số ĐKKD ${text.registrationNo} trùng với dòng ${earlier}` : `Registration number ${text.registrationNo} repeats row ${earlier}`);
      else lineOfNumber.set(number, row.line);
    }
    if (text.name && text.address) {
      const twin = twinOf.get(row);
      const key = `${foldVi(text.name)}\u0000${foldVi(text.address)}`;
      const earlier = lineOfTwin.get(key);
      if (twin) messages.push(vi ? `Trùng tên và địa chỉ với cơ sở «${twin.name}», ${twin.address} (mã ${twin.id}) đã có` : `Same name and address as the existing «${twin.name}», ${twin.address} (#${twin.id})`);
      else if (earlier) messages.push(vi ? `Trùng tên và địa chỉ với dòng ${earlier}` : `Same name and address as row ${earlier}`);
      else lineOfTwin.set(key, row.line);
    }

    if (messages.length) errors.push({ row: row.line, messages });
    else if (parsed.success) {
      const unit = cat.unitOf(text.unitCode!)!;
      const type = types.find((t) => t.code === parsed.data.typeCode)!;
      checked.push({ line: row.line, values: parsed.data, unitName: unit.name, typeName: vi ? type.name_vi : type.name_en });
    }
  }
  return { rows: checked, errors };
}

/** Reads the form of a preview or an import: the file, and the mapping (JSON) when the user has set one. */
export async function readImportForm(form: Record<string, unknown>, locale: TLocale): Promise<{ upload: Upload; mapping?: TEstablishmentImportMapping }> {
  const vi = locale === 'vi';
  const file = form.file;
  if (!(file instanceof File)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', message: vi ? '«Tệp» là bắt buộc' : '«File» is required' }] });
  if (file.size > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const upload = { bytes: await file.arrayBuffer(), fileName: file.name };
  if (form.mapping === undefined || form.mapping === '') return { upload };
  let json: unknown;
  try {
    json = JSON.parse(String(form.mapping));
  } catch {
    json = undefined;
  }
  const mapping = ZEstablishmentImportMapping.safeParse(json);
  if (!mapping.success)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'mapping', message: vi ? '«Ghép cột» phải là JSON {tiêu đề cột: trường}, mỗi trường lấy từ một cột' : '«Mapping» must be JSON {header: field}, each field from one column' }],
    });
  return { upload, mapping: mapping.data };
}

/** Step one: what the file holds and what is wrong with it, under the proposed mapping or the user's. Writes nothing. */
export async function previewEstablishmentImport(ctx: RequestContext, upload: Upload, mapping?: TEstablishmentImportMapping): Promise<TEstablishmentImportPreview> {
  const sheet = await readSheet(upload);
  const used = mapping ?? proposeMapping(sheet.headers);
  const rows = mappedRows(sheet, used);
  const { errors } = await checkRows(ctx, sheet, rows, used);
  return {
    headers: sheet.headers,
    mapping: used,
    totalRows: rows.length,
    rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.line, values: r.text })),
    errors,
  };
}

/**
 * Step two: every row, or none. The file is checked again (the server keeps nothing between the steps) and written
 * in one transaction with one 'create' audit entry per establishment, so that each one's history starts with its import.
 */
export async function importEstablishments(ctx: RequestContext, upload: Upload, mapping?: TEstablishmentImportMapping): Promise<{ imported: number }> {
  const sheet = await readSheet(upload);
  const used = mapping ?? proposeMapping(sheet.headers);
  const mapped = mappedRows(sheet, used);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const { rows, errors } = await checkRows({ ...ctx, db: trx }, sheet, mapped, used);
      if (errors.length) throw new AppError('IMPORT_REJECTED', { rows: errors });
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const chunk = rows.slice(start, start + INSERT_CHUNK).map((r) =>
          Object.fromEntries(Object.entries(repo.COLUMN_OF).map(([field, column]) => [column, r.values[field as repo.EstablishmentField] ?? null])),
        );
        ids.push(...(await repo.insertEstablishments(trx, chunk)));
      }
      const changes = rows.map((r, i) => {
        const { unitId, notADuplicate: _, ...fields } = r.values;
        const after = {
          id: ids[i],
          unit: { id: unitId, name: r.unitName },
          ...Object.fromEntries(Object.keys(repo.COLUMN_OF).filter((f) => f !== 'unitId').map((f) => [f, fields[f as keyof typeof fields] ?? null])),
          typeName: r.typeName,
        };
        return { action: 'create', entity: 'establishment', entityId: ids[i], unitId, after, detail: { source: 'import', file: upload.fileName, row: r.line } };
      });
      await recordAudits(trx, ctx, changes);
      return { imported: rows.length };
    });
  } catch (err) {
    // Another user registered one of the numbers meanwhile: name the row as the check would have.
    if (isUniqueViolation(err)) {
      const { errors } = await checkRows(ctx, sheet, mapped, used);
      if (errors.length) throw new AppError('IMPORT_REJECTED', { rows: errors });
    }
    throw err;
  }
}
