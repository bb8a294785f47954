/** A plain text table: the first row is the header, numbers are right-aligned. */
export function formatTable(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((r) => (r[col] ?? '').length)));
  const line = (r: string[], i: number) =>
    r.map((c, col) => (typeof rows[i][col] === 'number' ? c.padStart(widths[col]) : c.padEnd(widths[col]))).join('  ');
  const [head, ...body] = cells;
  return [line(head, 0), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((r, i) => line(r, i + 1))].join('\n');
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
