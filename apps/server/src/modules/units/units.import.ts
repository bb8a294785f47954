import { inTransaction } from '../../db/database.js';
import { z } from 'zod';
import {
  foldVi,
  parseDateVi,
  UNIT_IMPORT_COLUMNS,
  UNIT_TYPES,
  UNIT_TYPE_CODES,
  unitLevel,
  ZIsoDate,
  ZUnitCode,
  ZUnitImportRow,
  type TLocale,
  type TUnitImportRow,
} from '@pcmd/contracts';
import type { RequestContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { readSpreadsheet } from '../../lib/spreadsheet.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './units.repository.js';

/** A link row: the predecessor (valid until the date) became (part of) the successor (valid from the date). */
export const ZUnitLinkImportRow = z.object({
  predecessorCode: ZUnitCode,
  successorCode: ZUnitCode,
  share: z.enum(['full', 'partial']),
  kind: z.enum(['merge', 'split', 'rename']).default('merge'),
  effectiveDate: ZIsoDate,
});
export type TUnitLinkImportRow = z.infer<typeof ZUnitLinkImportRow>;

export interface UnitImportInput {
  units: Record<string, unknown>[];
  links?: Record<string, unknown>[];
  /** Row number of the first data row, so errors point at the spreadsheet line (header is row 1). */
  firstRow?: number;
}

const LINK_COLUMNS = {
  predecessorCode: ['ma don vi cu', 'ma cu', 'predecessor code', 'predecessor_code'],
  successorCode: ['ma don vi moi', 'ma moi', 'successor code', 'successor_code'],
  share: ['toan bo/mot phan', 'pham vi', 'share'],
  kind: ['hinh thuc', 'kind'],
  effectiveDate: ['ngay hieu luc', 'effective date', 'effective_date'],
} as const;

const TYPE_BY_WORD = new Map<string, string>(
  UNIT_TYPE_CODES.flatMap((code) => [
    [foldVi(code), code],
    [foldVi(UNIT_TYPES[code].vi), code],
    [foldVi(UNIT_TYPES[code].en), code],
  ]),
);

const SHARE_BY_WORD = new Map([
  ['full', 'full'],
  ['toan bo', 'full'],
  ['partial', 'partial'],
  ['mot phan', 'partial'],
]);

/** Renames the columns of a row by their (Vietnamese or English) header, and normalises dates and type words. */
function mapColumns(raw: Record<string, unknown>, columns: Record<string, readonly string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(raw)) {
    const folded = foldVi(header.trim());
    const field = Object.entries(columns).find(([key, aliases]) => key === header || aliases.includes(folded))?.[0];
    if (field) out[field] = typeof value === 'string' ? value.trim() : value;
  }
  for (const key of ['validFrom', 'validTo', 'effectiveDate'])
    if (typeof out[key] === 'string') out[key] = parseDateVi(out[key] as string) ?? out[key];
  if (typeof out.type === 'string') out.type = TYPE_BY_WORD.get(foldVi(out.type)) ?? out.type;
  if (typeof out.share === 'string') out.share = SHARE_BY_WORD.get(foldVi(out.share)) ?? out.share;
  return out;
}

function missingColumns(rows: Record<string, unknown>[], required: string[], locale: TLocale): string[] {
  if (rows.length === 0) return [locale === 'vi' ? 'Tệp không có dòng dữ liệu' : 'The file has no data rows'];
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const missing = required.filter((c) => !present.has(c));
  return missing.length ? [`${locale === 'vi' ? 'Thiếu cột' : 'Missing columns'}: ${missing.join(', ')}`] : [];
}

/** Reads a unit file: CSV, or XLSX whose first sheet lists units and an optional sheet named "Liên kết"/"Links" lists links. */
export async function parseUnitFile(bytes: ArrayBuffer, fileName: string): Promise<UnitImportInput> {
  const sheets = await readSpreadsheet(bytes, fileName);
  const linkSheet = sheets.slice(1).find((s) => ['lien ket', 'links'].includes(foldVi(s.name)));
  return { units: sheets[0]?.rows ?? [], links: linkSheet?.rows ?? [], firstRow: 2 };
}

/** Names the accepted types as officials write them, not as codes. */
function unknownType(value: unknown, vi: boolean): string {
  const names = UNIT_TYPE_CODES.filter((c) => c !== 'quoc_gia').map((c) => UNIT_TYPES[c][vi ? 'vi' : 'en']).join(', ');
  return value === undefined
    ? vi ? '«Loại đơn vị» là bắt buộc' : '«Unit type» is required'
    : vi ? `Loại đơn vị «${String(value)}» không hợp lệ; dùng một trong: ${names}` : `Unit type «${String(value)}» is not valid; use one of: ${names}`;
}

interface Candidate {
  id?: number;
  fileIndex?: number;
  code: string;
  level: number;
  validFrom: string;
  validTo: string | null;
}

const covers = (c: Candidate, date: string) => c.validFrom <= date && (c.validTo === null || c.validTo > date);
const endsOn = (c: Candidate, date: string) => c.validTo === date || (c.validFrom < date && covers(c, date));

/**
 * Imports units (and links) all or nothing: every row is checked first and the file is refused with
 * the list of bad rows and reasons if any row is wrong; otherwise everything is written in one transaction.
 */
export async function importUnits(ctx: RequestContext, input: UnitImportInput): Promise<{ imported: number; links: number }> {
  const vi = ctx.locale === 'vi';
  const firstRow = input.firstRow ?? 2;
  const unitRows = input.units.map((r) => mapColumns(r, UNIT_IMPORT_COLUMNS));
  const linkRows = (input.links ?? []).map((r) => mapColumns(r, LINK_COLUMNS));
  const headerProblems = missingColumns(unitRows, ['code', 'name', 'type', 'parentCode', 'validFrom'], ctx.locale);
  if (headerProblems.length) throw new AppError('IMPORT_REJECTED', { rows: [{ row: 1, messages: headerProblems }] });

  return inTransaction(ctx.db, async (trx) => {
    const errors = new Map<number, string[]>();
    const fail = (row: number, message: string) => errors.set(row, [...(errors.get(row) ?? []), message]);
    const units: (TUnitImportRow | null)[] = unitRows.map((raw, i) => {
      const parsed = ZUnitImportRow.safeParse(raw);
      if (parsed.success) return parsed.data;
      parsed.error.issues.forEach((issue) => fail(firstRow + i, issue.path[0] === 'type' ? unknownType(raw.type, vi) : issue.message));
      return null;
    });
    const links: (TUnitLinkImportRow | null)[] = linkRows.map((raw, i) => {
      const parsed = ZUnitLinkImportRow.safeParse(raw);
      if (parsed.success) return parsed.data;
      parsed.error.issues.forEach((issue) => fail(-(firstRow + i), issue.message));
      return null;
    });

    const codes = new Set<string>();
    units.forEach((u) => u && (codes.add(u.code), u.parentCode && codes.add(u.parentCode)));
    links.forEach((l) => l && (codes.add(l.predecessorCode), codes.add(l.successorCode)));
    const candidates = new Map<string, Candidate[]>();
    const addCandidate = (c: Candidate) => candidates.set(c.code, [...(candidates.get(c.code) ?? []), c]);
    for (const row of await repo.findUnitsByCodes(trx, [...codes]))
      addCandidate({ id: row.id, code: row.code, level: row.level, validFrom: row.valid_from, validTo: row.valid_to });

    units.forEach((u, i) => {
      if (!u) return;
      const clash = (candidates.get(u.code) ?? []).find((c) => (c.validTo === null || c.validTo > u.validFrom) && (u.validTo === undefined || c.validFrom < u.validTo));
      if (clash)
        fail(firstRow + i, clash.fileIndex !== undefined
          ? vi ? `Mã ${u.code} trùng với dòng ${firstRow + clash.fileIndex}` : `Code ${u.code} repeats row ${firstRow + clash.fileIndex}`
          : vi ? `Mã ${u.code} đã có trong hệ thống cùng thời gian hiệu lực` : `Code ${u.code} already exists for that period`);
      else addCandidate({ fileIndex: i, code: u.code, level: unitLevel(u.type), validFrom: u.validFrom, validTo: u.validTo ?? null });
    });

    const parentOf: (Candidate | null)[] = units.map((u, i) => {
      if (!u) return null;
      if (!u.parentCode) {
        fail(firstRow + i, vi ? 'Thiếu mã đơn vị cấp trên' : 'The parent code is missing');
        return null;
      }
      const parent = (candidates.get(u.parentCode) ?? []).find((c) => covers(c, u.validFrom));
      if (!parent) {
        fail(firstRow + i, vi ? `Không tìm thấy đơn vị cấp trên mã ${u.parentCode} còn hiệu lực ngày ${u.validFrom}` : `No parent with code ${u.parentCode} valid on ${u.validFrom}`);
        return null;
      }
      if (parent.level >= unitLevel(u.type)) fail(firstRow + i, vi ? 'Loại đơn vị phải ở cấp thấp hơn đơn vị cấp trên' : 'The unit type must be below its parent’s level');
      return parent;
    });
    const outside = new Set<number>();
    for (const id of new Set(parentOf.flatMap((p) => (p?.id ? [p.id] : []))))
      if (!(await repo.isInSubtree(trx, ctx.actor.unitId, id))) outside.add(id);
    parentOf.forEach((p, i) => {
      if (p?.id && outside.has(p.id))
        fail(firstRow + i, vi ? `Đơn vị cấp trên ${p.code} nằm ngoài địa bàn bạn phụ trách` : `Parent ${p.code} is outside your area`);
    });

    for (const c of links.flatMap((l) => (l ? [...(candidates.get(l.predecessorCode) ?? []), ...(candidates.get(l.successorCode) ?? [])] : [])))
      if (c.id && !outside.has(c.id) && !(await repo.isInSubtree(trx, ctx.actor.unitId, c.id))) outside.add(c.id);
    const resolvedLinks = links.map((l, i) => {
      if (!l) return null;
      const pred = (candidates.get(l.predecessorCode) ?? []).find((c) => endsOn(c, l.effectiveDate));
      const succ = (candidates.get(l.successorCode) ?? []).find((c) => covers(c, l.effectiveDate));
      if (!pred || !succ) {
        fail(-(firstRow + i), vi ? `Không tìm thấy đơn vị ${!pred ? l.predecessorCode : l.successorCode} cho liên kết ngày ${l.effectiveDate}` : `Unit ${!pred ? l.predecessorCode : l.successorCode} not found for the link of ${l.effectiveDate}`);
        return null;
      }
      if ((pred.id && outside.has(pred.id)) || (succ.id && outside.has(succ.id)))
        fail(-(firstRow + i), vi ? 'Đơn vị của liên kết nằm ngoài địa bàn bạn phụ trách' : 'A unit of the link is outside your area');
      return { l, pred, succ };
    });

    if (errors.size > 0) {
      const rows = [...errors.entries()]
        .sort(([a], [b]) => Math.abs(a) - Math.abs(b) || a - b)
        .map(([row, messages]) => ({ row: Math.abs(row), messages: row < 0 ? messages.map((m) => `${vi ? 'Liên kết' : 'Link'}: ${m}`) : messages }));
      throw new AppError('IMPORT_REJECTED', { rows });
    }

    const fileIds = await repo.insertUnits(
      trx,
      units.map((u, i) => {
        const row = u!;
        const parent = parentOf[i]!;
        return {
          code: row.code,
          name: row.name,
          type: row.type,
          level: unitLevel(row.type),
          parentId: parent.id ?? null,
          parentIndex: parent.fileIndex,
          validFrom: row.validFrom,
          validTo: row.validTo ?? null,
        };
      }),
    );
    const idOf = (c: Candidate) => c.id ?? fileIds[c.fileIndex!];
    const newLinks = resolvedLinks.map((r) => ({
      predecessorId: idOf(r!.pred),
      successorId: idOf(r!.succ),
      kind: r!.l.kind,
      share: r!.l.share,
      effectiveDate: r!.l.effectiveDate,
    }));
    await repo.insertLinks(trx, newLinks);
    await recordAudit(trx, ctx, {
      action: 'import',
      entity: 'unit',
      unitId: ctx.actor.unitId,
      detail: { units: units.length, links: newLinks.length, codes: units.slice(0, 200).map((u) => u!.code) },
    });
    return { imported: units.length, links: newLinks.length };
  });
}
