import Papa from 'papaparse';
import { AppError } from './errors.js';

/** exceljs and its zip libraries take a quarter of a second to load: only imports and exports pay for it. */
const loadExcel = async () => (await import('exceljs')).default;

export interface Sheet {
  name: string;
  /** Data rows keyed by the header text of row 1; empty cells are left out. */
  rows: Record<string, string>[];
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** Reads a .csv or .xlsx upload into sheets of rows keyed by header; anything else is refused. */
export async function readSpreadsheet(bytes: ArrayBuffer, fileName: string): Promise<Sheet[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transform: (v) => v.trim() });
    return [{ name: 'csv', rows: parsed.data.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ''))) }];
  }
  if (!lower.endsWith('.xlsx')) throw new AppError('UNSUPPORTED_FILE');
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new AppError('UNSUPPORTED_FILE');
  }
  return workbook.worksheets.map((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell: { value: unknown }, col: number) => (headers[col] = cellText(cell.value) ?? ''));
    const rows: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const record: Record<string, string> = {};
      headers.forEach((h, col) => {
        const v = cellText(row.getCell(col).value);
        if (h && v !== undefined) record[h] = v;
      });
      rows.push(record);
    }
    while (rows.length && Object.keys(rows[rows.length - 1]).length === 0) rows.pop();
    return { name: sheet.name, rows };
  });
}

/** An .xlsx with one sheet, bold Vietnamese headers and the given rows. */
export async function writeSpreadsheet(sheetName: string, columns: { header: string; key: string; width?: number }[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
