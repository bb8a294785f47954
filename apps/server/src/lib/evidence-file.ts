import { createHash } from 'node:crypto';
import { AppError } from './errors.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Accepted evidence types, recognised by their first bytes (a renamed file does not pass as another type). */
const SIGNATURES: { mime: string; ext: string[]; magic: number[] }[] = [
  { mime: 'application/pdf', ext: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/jpeg', ext: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', ext: ['.png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['.docx'], magic: [0x50, 0x4b, 0x03, 0x04] },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['.xlsx'], magic: [0x50, 0x4b, 0x03, 0x04] },
];

/** Checks an uploaded file's size and real type; returns its bytes, type and SHA-256. */
export async function checkEvidenceFile(file: File): Promise<{ fileName: string; mimeType: string; content: Uint8Array; sha256: string }> {
  if (file.size > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const content = new Uint8Array(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  const match = SIGNATURES.find((s) => s.ext.some((e) => name.endsWith(e)) && s.magic.every((b, i) => content[i] === b));
  if (!match) throw new AppError('UNSUPPORTED_FILE');
  const fileName = file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
  return { fileName, mimeType: match.mime, content, sha256: createHash('sha256').update(content).digest('hex') };
}
