import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import { FONT, MOTTO, NATION, PAGE, SIZE, TEXT_WIDTH, placeAndDate, recipientLines } from './decree30.js';

/**
 * Building blocks of an administrative document in the format of Decree 30/2020/NĐ-CP: the header with the issuing
 * body and the national motto side by side, number and date, title and subject, the body, and the recipients and
 * signature side by side at the end. Plans use them now; reports will too.
 */

/** Sizes are given in points; Word counts half-points. */
const half = (pt: number) => pt * 2;

/** First-line indent of body paragraphs: the decree asks for 1–1.27 cm. */
const FIRST_LINE_INDENT = 720;
/** At least 6 pt between paragraphs, lines between single and 1.5. */
const BODY_SPACING = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO };

/** Header columns: the issuing body on the left, the motto (which needs about 9 cm) on the right. */
const HEADER_COLUMNS = [3600, TEXT_WIDTH - 3600];
/** Closing columns: recipients on the left, the signature on the right. */
const CLOSING_COLUMNS = [4300, TEXT_WIDTH - 4300];

/** The motto's width at SIZE.motto bold, measured on Times New Roman's metrics: its rule is exactly as long. */
const MOTTO_WIDTH = 3171;

/** Blank lines left between the signer's title and name for the signature and the seal. */
const SIGNATURE_SPACE = 5;

/**
 * A rough width of a line of bold Times New Roman in twips, from the font's average glyph widths. The rules under
 * the issuing body and the subject are 1/3 to 1/2 of the line above them, a range wide enough for an estimate.
 */
function estimatedBoldWidth(text: string, pt: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.25 : ch !== ch.toLocaleLowerCase('vi') ? 0.7 : 0.49;
  return em * pt * 20;
}

/**
 * A centred horizontal line `length` twips long in a column `within` twips wide: a top border on an empty paragraph
 * 1 pt high, 3 pt below the text so that it clears the dots under ạ, ậ, ự.
 */
function rule(length: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 60, after, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
  });
}

interface LineStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
}

/** One line of the header or closing blocks: single-spaced, centred unless told. */
function line(text: string, style: LineStyle): Paragraph {
  return new Paragraph({
    alignment: style.alignment ?? AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: half(style.size), bold: style.bold, italics: style.italics })],
  });
}

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP, children });

/** A borderless table of fixed columns without cell padding, so that its text lines up with the page margins. */
function layoutTable(columns: number[], rows: Paragraph[][][], cantSplit = false): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: rows.map((cells) => new TableRow({ cantSplit, children: cells.map((children, i) => cell(columns[i], children)) })),
  });
}

/** Issuing body and national motto side by side, then "Số: …" under the first and place and date under the second. */
function headerTable(issuer: readonly string[], numberSymbol: string, placeName: string, issueDate: string | null): Table {
  const [left, right] = HEADER_COLUMNS;
  const issuerCell = [
    ...issuer.map((text) => line(text, { size: SIZE.issuer, bold: true })),
    rule(estimatedBoldWidth(issuer.at(-1) ?? '', SIZE.issuer) * 0.4, left),
  ];
  const mottoCell = [line(NATION, { size: SIZE.nation, bold: true }), line(MOTTO, { size: SIZE.motto, bold: true }), rule(MOTTO_WIDTH, right)];
  return layoutTable(HEADER_COLUMNS, [
    [issuerCell, mottoCell],
    [[line(`Số: ${numberSymbol}`, { size: SIZE.number, before: 120 })], [line(placeAndDate(placeName, issueDate), { size: SIZE.placeDate, italics: true, before: 120 })]],
  ]);
}

/** The kind of document in capitals and its subject below it, both bold and centred, with a short rule under them. */
function titleBlock(kind: string, subject: string): Paragraph[] {
  const subjectLine = Math.min(estimatedBoldWidth(subject, SIZE.title), TEXT_WIDTH);
  return [
    line(kind, { size: SIZE.title, bold: true, before: 360 }),
    line(subject, { size: SIZE.title, bold: true }),
    rule(subjectLine * 0.4, TEXT_WIDTH, 360),
  ];
}

/** Recipients at the bottom left, the signature at the bottom right, kept together on one page. */
function closingTable(recipients: readonly string[], authority: readonly string[], signerName: string): Table {
  const left = recipients.length
    ? [
        line('Nơi nhận:', { size: SIZE.recipientsHeading, bold: true, italics: true, alignment: AlignmentType.LEFT, before: 240 }),
        ...recipientLines(recipients).map((text) => line(text, { size: SIZE.recipients, alignment: AlignmentType.LEFT })),
      ]
    : [line('', { size: SIZE.recipients })];
  const right = [
    ...authority.map((text, i) => line(text, { size: SIZE.signature, bold: true, before: i === 0 ? 240 : 0 })),
    ...Array.from({ length: SIGNATURE_SPACE }, () => line('', { size: SIZE.signature })),
    line(signerName, { size: SIZE.signature, bold: true }),
  ];
  return layoutTable(CLOSING_COLUMNS, [[left, right]], true);
}

/** A numbered heading of the body ("I. MỤC TIÊU, CHỈ TIÊU") as it is written, bold and kept with what follows. */
export function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { ...BODY_SPACING, before: 120 },
    keepNext: true,
    children: [new TextRun({ text, bold: true })],
  });
}

/** One paragraph of body text: justified, first line indented. */
export function bodyParagraph(text: string, style: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    children: [new TextRun({ text, italics: style.italics })],
  });
}

/** Text as typed, one paragraph per non-empty line. */
export function bodyText(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => bodyParagraph(l));
}

/** Size of the text in data tables: smaller than the body so that a row of figures fits the A4 width. */
const TABLE_TEXT_PT = 12;

const tableCell = (text: string, width: number, options: { bold?: boolean; numeric?: boolean }) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.numeric ? AlignmentType.RIGHT : options.bold ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: half(TABLE_TEXT_PT) })],
      }),
    ],
  });

/**
 * A ruled table of figures (an indicator table, a statistics table): a bold header row repeated on each page, text
 * columns left-aligned and figure columns right-aligned. `widths` are shares of the text width.
 */
export function dataTable(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], numericFrom = 1): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const columns = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => tableCell(h, columns[i], { bold: true })) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, i) => tableCell(text, columns[i], { numeric: i >= numericFrom })) })),
    ],
  });
}

export interface OfficialDocumentSpec {
  /** The issuing body in capitals, a line each: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG TÂN HƯNG']. */
  issuer: readonly string[];
  /** What follows "Số:", e.g. '202/KH-UBND'. */
  numberSymbol: string;
  placeName: string;
  /** ISO date; null for a draft, whose date is left blank. */
  issueDate: string | null;
  /** The kind of document in capitals: 'KẾ HOẠCH', 'BÁO CÁO'. */
  kind: string;
  /** The subject (trích yếu) under the kind. */
  subject: string;
  body: FileChild[];
  recipients: readonly string[];
  /** Authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the signer's name. */
  signature: { authority: readonly string[]; signerName: string };
}

/** The .docx of an administrative document: A4, the decree's margins, Times New Roman, page numbers from page 2 on. */
export async function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(SIZE.pageNumber) })] })],
  });
  const document = new Document({
    creator: 'PCMD',
    title: `${spec.kind} ${spec.numberSymbol}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: half(SIZE.body), language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.header } },
          // The decree numbers pages from the second on: the first page gets an empty header of its own.
          titlePage: true,
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          headerTable(spec.issuer, spec.numberSymbol, spec.placeName, spec.issueDate),
          ...titleBlock(spec.kind, spec.subject),
          ...spec.body,
          closingTable(spec.recipients, spec.signature.authority, spec.signature.signerName),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
