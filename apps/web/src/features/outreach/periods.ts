import type { MessageKey } from '../../app/messages';

/** Today in Vietnam's calendar (yyyy-mm-dd): "this month" turns at midnight there, whatever the device's zone. */
export const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** A period as the API takes it: from inclusive, to exclusive (yyyy-mm-dd). */
export interface Period {
  from: string;
  to: string;
}

/** The periods offered in filters: calendar ones and the state reporting periods (Decree 09/2019: from 15 December). */
export const PERIOD_PRESETS = ['month', 'lastMonth', 'quarter', 'year', 'report6', 'reportYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, MessageKey> = {
  month: 'outreach.period.month',
  lastMonth: 'outreach.period.lastMonth',
  quarter: 'outreach.period.quarter',
  year: 'outreach.period.year',
  report6: 'outreach.period.report6',
  reportYear: 'outreach.period.reportYear',
  custom: 'outreach.period.custom',
};

const iso = (y: number, m: number, d = 1) => {
  // Months may run over (13 → January of the next year, 0 → December of the one before).
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
};

export const monthStart = (month: string) => `${month}-01`;
/** "2026-12" → "2027-01". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return iso(y, m + n).slice(0, 7);
}
export const monthPeriod = (month: string): Period => ({ from: monthStart(month), to: monthStart(addMonths(month, 1)) });

/**
 * The dates of a preset around `today` (yyyy-mm-dd in Vietnam). A reporting year runs from 15 December of the
 * year before to 14 December; its 6-month report covers 15 December to 14 June.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [y, m, d] = today.split('-').map(Number);
  switch (preset) {
    case 'month':
      return { from: iso(y, m), to: iso(y, m + 1) };
    case 'lastMonth':
      return { from: iso(y, m - 1), to: iso(y, m) };
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return { from: iso(y, first), to: iso(y, first + 3) };
    }
    case 'year':
      return { from: iso(y, 1), to: iso(y + 1, 1) };
    case 'report6':
    case 'reportYear': {
      const reportYear = m === 12 && d >= 15 ? y + 1 : y;
      return { from: iso(reportYear - 1, 12, 15), to: preset === 'report6' ? iso(reportYear, 6, 15) : iso(reportYear, 12, 15) };
    }
  }
}

/** The period a filter names; a custom one needs both ends (the last day inclusive, as people type it). */
export function resolvePeriod(preset: PeriodPreset, today: string, customFrom?: string, customTo?: string): Period | null {
  if (preset !== 'custom') return presetPeriod(preset, today);
  if (!customFrom || !customTo || customTo < customFrom) return null;
  const [y, m, d] = customTo.split('-').map(Number);
  return { from: customFrom, to: iso(y, m, d + 1) };
}

export const isPreset = (value: string | null): value is PeriodPreset => value !== null && (PERIOD_PRESETS as readonly string[]).includes(value);
