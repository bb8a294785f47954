/** Vietnamese display and search helpers shared by the server and the web. */

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts as a Vietnamese reader expects (Đ after D, tones ignored at first). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Folds diacritics and case so that "tan hung" matches "Tân Hưng" (đ → d). */
export function foldVi(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** dd/mm/yyyy from an ISO date or a Date. */
export function formatDateVi(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTimeVi(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
}

/** Parses dd/mm/yyyy (or yyyy-mm-dd) into yyyy-mm-dd; null when it is not a real date. */
export function parseDateVi(text: string): string | null {
  const s = text.trim();
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = vi ? [vi[3], vi[2], vi[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(out) ? out : null;
}

/** 1.234.567 — Vietnamese digit grouping. */
export function formatNumberVi(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}
