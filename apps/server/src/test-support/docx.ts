import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { ApiResponse } from './http.js';

export interface Para {
  xml: string;
  text: string;
}

export interface Docx {
  paragraphs: Para[];
  /** Every table row as the text of its cells. */
  rows: string[][];
  document: string;
  styles: string;
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescapeXml([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

/** Opens the file as Word would: the zip, then the paragraphs of word/document.xml (table cells included) with their text. */
export async function readDocx(res: ApiResponse<Buffer>): Promise<Docx> {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const zip = await JSZip.loadAsync(res.body);
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([xml]) => ({ xml, text: textOf(xml) }));
  const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => textOf(cell)));
  return { paragraphs, rows, document, styles };
}
