import { DENOMINATOR_GROUPS, foldVi, ZDenominatorRequest, type TDenominatorRequest } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { readSpreadsheet } from '../../lib/spreadsheet.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUnitsByCodes, isInSubtree } from '../units/units.repository.js';
import { upsertDenominator } from './indicators.repository.js';

const COLUMNS: Record<string, string[]> = {
  unitCode: ['ma don vi', 'unit code'],
  groupKey: ['nhom doi tuong', 'nhom', 'group'],
  year: ['nam', 'year'],
  value: ['so luong', 'so nguoi', 'value'],
};

const GROUP_BY_WORD = new Map<string, string>(
  Object.entries(DENOMINATOR_GROUPS).flatMap(([key, label]) => [[foldVi(key), key], [foldVi(label.vi), key], [foldVi(label.en), key]]),
);

/** Denominators from a spreadsheet (unit code, group, year, number), all or nothing, with every bad row named. */
export async function importDenominators(ctx: RequestContext, bytes: ArrayBuffer, fileName: string) {
  const vi = ctx.locale === 'vi';
  const [sheet] = await readSpreadsheet(bytes, fileName);
  const rows = (sheet?.rows ?? []).map((raw) => {
    const out: Record<string, unknown> = {};
    for (const [header, value] of Object.entries(raw)) {
      const field = Object.entries(COLUMNS).find(([, aliases]) => aliases.includes(foldVi(header.trim())))?.[0];
      if (field) out[field] = value;
    }
    return out;
  });
  if (rows.length === 0) throw new AppError('IMPORT_REJECTED', { rows: [{ row: 1, messages: [vi ? 'Tệp không có dòng dữ liệu' : 'The file has no data rows'] }] });
  const units = new Map((await findUnitsByCodes(ctx.db, [...new Set(rows.map((r) => String(r.unitCode ?? '')))])).filter((u) => u.valid_to === null).map((u) => [u.code, u.id]));
  const errors: { row: number; messages: string[] }[] = [];
  const parsed: TDenominatorRequest[] = [];
  for (const [i, r] of rows.entries()) {
    const messages: string[] = [];
    const unitId = units.get(String(r.unitCode ?? ''));
    if (!unitId) messages.push(vi ? `Không có đơn vị đang hoạt động mã «${r.unitCode ?? ''}»` : `No current unit with code «${r.unitCode ?? ''}»`);
    else if (!(await isInSubtree(ctx.db, ctx.actor.unitId, unitId))) messages.push(vi ? `Đơn vị ${r.unitCode} nằm ngoài địa bàn bạn phụ trách` : `Unit ${r.unitCode} is outside your area`);
    const candidate = {
      groupKey: GROUP_BY_WORD.get(foldVi(String(r.groupKey ?? ''))) ?? r.groupKey,
      unitId: unitId ?? 1,
      year: Number(r.year),
      value: Number(String(r.value ?? '').replace(/\./g, '').replace(',', '.')),
    };
    const result = ZDenominatorRequest.safeParse(candidate);
    if (!result.success) messages.push(...result.error.issues.map((issue) => issue.message));
    if (messages.length) errors.push({ row: i + 2, messages });
    else if (result.success) parsed.push(result.data);
  }
  if (errors.length) throw new AppError('IMPORT_REJECTED', { rows: errors });
  return inTransaction(ctx.db, async (trx) => {
    for (const d of parsed) await upsertDenominator(trx, { ...d, enteredBy: ctx.actor.userId || null });
    await recordAudit(trx, ctx, { action: 'import', entity: 'denominator', unitId: ctx.actor.unitId, detail: { rows: parsed.length } });
    return { imported: parsed.length };
  });
}
