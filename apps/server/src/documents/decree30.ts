/**
 * The presentation rules of Decree 30/2020/NĐ-CP (Appendix I) that do not depend on how a file is written:
 * page, type sizes, the date line, the punctuation of recipients and the authority lines of a signature.
 */

const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);

/** A4 portrait, margins inside the decree's ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: twipsOfMm(20), bottom: twipsOfMm(20), left: twipsOfMm(30), right: twipsOfMm(15) },
  /** The page number sits in the top margin, centred. */
  header: twipsOfMm(10),
} as const;

/** The width text runs across, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONT = 'Times New Roman';

/** Type sizes in points, each inside the decree's range for its element. */
export const SIZE = {
  /** Body text: 13–14. */
  body: 14,
  /** Issuing body and its managing body: 12–13. */
  issuer: 13,
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13; 12 keeps it on one line in its column. */
  nation: 12,
  /** "Độc lập - Tự do - Hạnh phúc": 13–14. */
  motto: 13,
  /** "Số: …": 13. */
  number: 13,
  /** Place and date: 13–14. */
  placeDate: 14,
  /** Kind of document (KẾ HOẠCH, BÁO CÁO) and its subject: 13–14. */
  title: 14,
  /** "Nơi nhận:": 12. */
  recipientsHeading: 12,
  /** The list of recipients: 11. */
  recipients: 11,
  /** Authority, title and name of the signer: 13–14. */
  signature: 14,
  /** Page numbers: 13–14. */
  pageNumber: 13,
} as const;

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * "ngày 29 tháng 5 năm 2026". The decree writes days below 10 and the months 1 and 2 with a leading zero
 * ("ngày 05 tháng 02"), so that no digit can be added to them afterwards; other months stay as they are.
 */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** Blanks of a draft's date, filled in by hand when the document is signed. */
const UNDATED = 'ngày      tháng      năm      ';

/** "Tân Hưng, ngày 29 tháng 5 năm 2026"; a draft without a date keeps blanks for it. */
export function placeAndDate(placeName: string, issueDate: string | null): string {
  return `${placeName}, ${issueDate ? vietnameseDate(issueDate) : UNDATED}`;
}

/** Each recipient on a line of its own starting with a dash; all end with a semicolon but the last, which ends with a full stop. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r.trim().replace(/[;.,]+$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}

/**
 * The authority lines above a signature for a collective body such as a People's Committee: the chairman signs
 * "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a vice-chairman signs on the chairman's behalf,
 * "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
 */
export function signatureAuthority(collectiveBody: string, mode: 'TM' | 'KT', signerTitle: string): string[] {
  const lines = [`TM. ${collectiveBody}`];
  if (mode === 'KT') lines.push('KT. CHỦ TỊCH');
  if (signerTitle.trim()) lines.push(signerTitle.trim());
  return lines;
}
