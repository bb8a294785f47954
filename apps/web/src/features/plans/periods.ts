import type { TPlanSummary } from '@pcmd/contracts';
import { useI18n } from '../../app/i18n';

type PlanPeriod = Pick<TPlanSummary, 'periodFromYear' | 'periodToYear'>;

export const planYears = (plan: PlanPeriod): number[] =>
  Array.from({ length: plan.periodToYear - plan.periodFromYear + 1 }, (_, k) => plan.periodFromYear + k);

/** "2026-2030" for a plan of several years; a one-year plan's whole period is its year. */
export const wholePeriodKey = (plan: PlanPeriod): string | null =>
  plan.periodToYear > plan.periodFromYear ? `${plan.periodFromYear}-${plan.periodToYear}` : null;

/** What the board can show: each year and its first six months, then the whole period. */
export function boardPeriods(plan: PlanPeriod): string[] {
  const keys = planYears(plan).flatMap((y) => [String(y), `${y}H1`]);
  const whole = wholePeriodKey(plan);
  return whole ? [...keys, whole] : keys;
}

/** The periods a target can be set for: every year and the whole period, plus any other the plan already has. */
export function targetPeriods(plan: PlanPeriod, existing: readonly string[] = []): string[] {
  const whole = wholePeriodKey(plan);
  const base = [...planYears(plan).map(String), ...(whole ? [whole] : [])];
  const extra = existing.filter((k) => !base.includes(k));
  // Years in order, each first half after its year, spans of years last.
  const rank = (k: string) => (/^\d{4}-\d{4}$/.test(k) ? 1 : 0);
  return [...base, ...extra].sort((a, b) => rank(a) - rank(b) || a.slice(0, 4).localeCompare(b.slice(0, 4)) || a.length - b.length);
}

/** This year when the plan covers it, else the plan's nearest year. */
export function defaultPeriod(plan: PlanPeriod, today = new Date()): string {
  const year = today.getFullYear();
  return String(Math.min(Math.max(year, plan.periodFromYear), plan.periodToYear));
}

/** "Năm 2026", "6 tháng đầu năm 2026", "Cả giai đoạn 2026–2030". */
export function usePeriodLabel() {
  const { t } = useI18n();
  return (key: string) => {
    const half = /^(\d{4})H1$/.exec(key);
    if (half) return t('period.firstHalf', { year: half[1] });
    const span = /^(\d{4})-(\d{4})$/.exec(key);
    if (span) return t('period.whole', { from: span[1], to: span[2] });
    return t('period.year', { year: key });
  };
}

/** "2026–2030", or "2025" for a one-year plan. */
export const periodText = (plan: PlanPeriod) =>
  plan.periodToYear > plan.periodFromYear ? `${plan.periodFromYear}–${plan.periodToYear}` : String(plan.periodFromYear);
