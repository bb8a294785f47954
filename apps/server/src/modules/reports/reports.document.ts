/** A report's official Word file (Decree 30/2020/NĐ-CP) and its annexes as a spreadsheet, from the report's numbers. */
import { COMPARATORS, REPORT_SECTIONS, formatNumberVi, reportPeriodLabel, type TReport, type TReportIndicatorRow, type TReportSection } from '@pcmd/contracts';
import ExcelJS from 'exceljs';
import type { FileChild } from 'docx';
import { signatureAuthority } from '../../documents/decree30.js';
import { bodyParagraph, bodyText, dataTable, renderOfficialDocument, sectionHeading } from '../../documents/official-document.js';

const COMMITTEE = 'ỦY BAN NHÂN DÂN';
/** A draft has no number yet: the clerk writes it in front of the symbol when the report is signed. */
const DRAFT_NUMBER = '        /BC-UBND';
/** How a hidden small count is written (DOMAIN: counts of people under 5 in support figures above the commune). */
export const SMALL_COUNT = '<5';

const STATUS_TEXT: Record<TReportIndicatorRow['status'], string> = { met: 'Đạt', behind: 'Chưa đạt', no_data: 'Chưa có số liệu', no_target: 'Không đặt chỉ tiêu' };

const isPercent = (row: Pick<TReportIndicatorRow, 'shape'>) => row.shape !== 'manual';
const figure = (n: number | null, hidden: boolean) => (n === null ? (hidden ? SMALL_COUNT : '–') : formatNumberVi(n));
const valueText = (row: TReportIndicatorRow) => (row.value === null ? (row.sensitive && row.status !== 'no_data' ? SMALL_COUNT : '–') : isPercent(row) ? `${formatNumberVi(row.value)}%` : formatNumberVi(row.value));
const targetText = (row: TReportIndicatorRow) =>
  row.target === null ? '–' : `${row.comparator === 'gte' || row.comparator === 'eq' ? '' : `${COMPARATORS[row.comparator as keyof typeof COMPARATORS]?.vi ?? ''} `}${formatNumberVi(row.target)}${isPercent(row) ? '%' : ''}`;

/** "Kết quả thực hiện Kế hoạch số 202/KH-UBND … 6 tháng đầu năm 2026". */
export function reportSubject(report: Pick<TReport, 'plan' | 'periodKey' | 'kind'>): string {
  const plan = report.plan.numberSymbol ? `Kế hoạch số ${report.plan.numberSymbol}` : 'Kế hoạch';
  const what = report.kind === 'consolidated' ? 'Tổng hợp kết quả thực hiện' : 'Kết quả thực hiện';
  return `${what} ${plan} ${reportPeriodLabel(report.periodKey)}`;
}

export const indicatorTableRows = (report: TReport) =>
  report.content.indicators.map((r, i) => [String(i + 1), r.name, targetText(r), figure(r.numerator, r.sensitive), figure(r.denominator, r.sensitive), valueText(r), STATUS_TEXT[r.status]]);
const INDICATOR_HEADERS = ['TT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá'];

const sectionsInOrder = Object.keys(REPORT_SECTIONS) as TReportSection[];
const statisticsOf = (report: TReport, section: TReportSection) => report.content.statistics.filter((s) => s.section === section);
const statisticValue = (value: number | null) => (value === null ? SMALL_COUNT : formatNumberVi(value));

function reportBody(report: TReport): FileChild[] {
  const roman = ['I', 'II', 'III', 'IV', 'V'];
  const body: FileChild[] = [
    sectionHeading(`${roman[0]}. KẾT QUẢ THỰC HIỆN`),
    ...bodyText(report.narrative.results),
    bodyParagraph('1. Kết quả thực hiện các chỉ tiêu', { italics: true }),
    dataTable(INDICATOR_HEADERS, indicatorTableRows(report), [6, 30, 10, 8, 8, 9, 10], 2),
  ];
  sectionsInOrder
    .filter((section) => statisticsOf(report, section).length)
    .forEach((section, i) => {
      body.push(bodyParagraph(`${i + 2}. ${REPORT_SECTIONS[section].vi}`, { italics: true }));
      body.push(dataTable(['Nội dung', 'Số lượng'], statisticsOf(report, section).map((s) => [s.label, statisticValue(s.value)]), [80, 20]));
    });
  body.push(sectionHeading(`${roman[1]}. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ`));
  body.push(
    report.content.tasks.length
      ? dataTable(['Cơ quan chủ trì', 'Số nhiệm vụ', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Quá hạn'], report.content.tasks.map((t) => [t.agency, ...[t.total, t.done, t.inProgress, t.notStarted, t.overdue].map((n) => formatNumberVi(n))]), [34, 13, 13, 14, 14, 12])
      : bodyParagraph('Kế hoạch không giao nhiệm vụ cụ thể.'),
  );
  body.push(sectionHeading(`${roman[2]}. HẠN CHẾ, NGUYÊN NHÂN`), ...bodyText(report.narrative.limits || 'Không.'));
  body.push(sectionHeading(`${roman[3]}. ĐỀ XUẤT, KIẾN NGHỊ`), ...bodyText(report.narrative.proposals || 'Không.'));
  if (report.content.sources.length) body.push(bodyParagraph(`Báo cáo tổng hợp từ báo cáo đã gửi của ${report.content.sources.length} đơn vị: ${report.content.sources.map((s) => s.unitName).join(', ')}.`, { italics: true }));
  return body;
}

export function renderReportDocument(report: TReport, placeName: string): Promise<Buffer> {
  return renderOfficialDocument({
    issuer: [COMMITTEE, report.unit.name.toLocaleUpperCase('vi')],
    numberSymbol: report.numberSymbol ?? DRAFT_NUMBER,
    placeName,
    issueDate: report.sentAt ? report.sentAt.slice(0, 10) : null,
    kind: 'BÁO CÁO',
    subject: reportSubject(report),
    body: reportBody(report),
    recipients: report.recipients,
    signature: {
      authority: signatureAuthority(COMMITTEE, report.signingMode ?? 'TM', report.signerTitle ?? 'CHỦ TỊCH'),
      signerName: report.signerName ?? '',
    },
  });
}

/** The annexes: indicators, statistics and tasks, one sheet each, with Vietnamese headers and the same numbers. */
export async function renderReportAnnex(report: TReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMD';
  const title = `${report.unit.name} – ${reportSubject(report)}`;
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([title]).font = { bold: true };
    ws.addRow([]);
    const header = ws.addRow(headers);
    header.font = { bold: true };
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return ws;
  };
  const hidden = (n: number | null) => (n === null ? SMALL_COUNT : n);
  const indicators = sheet('Chỉ tiêu', ['TT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá'], [5, 60, 14, 10, 10, 10, 16]);
  report.content.indicators.forEach((r, i) =>
    indicators.addRow([i + 1, r.name, r.target, r.sensitive ? hidden(r.numerator) : r.numerator, r.sensitive ? hidden(r.denominator) : r.denominator, r.value === null && r.sensitive && r.status !== 'no_data' ? SMALL_COUNT : r.value, STATUS_TEXT[r.status]]),
  );
  const statistics = sheet('Số liệu', ['Lĩnh vực', 'Nội dung', 'Số lượng'], [34, 60, 12]);
  for (const s of report.content.statistics) statistics.addRow([REPORT_SECTIONS[s.section].vi, s.label, hidden(s.value)]);
  const tasks = sheet('Nhiệm vụ', ['Cơ quan chủ trì', 'Số nhiệm vụ', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Quá hạn'], [40, 12, 12, 14, 14, 10]);
  for (const t of report.content.tasks) tasks.addRow([t.agency, t.total, t.done, t.inProgress, t.notStarted, t.overdue]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "bao-cao-2026H1-phuong-tan-an.docx": ASCII, so every browser and mail client keeps the name. */
export function reportFileName(report: Pick<TReport, 'id' | 'periodKey' | 'unit'>, extension: 'docx' | 'xlsx'): string {
  const slug = report.unit.name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `bao-cao-${report.periodKey}-${slug || report.id}${extension === 'xlsx' ? '-phu-luc' : ''}.${extension}`;
}
