import type { TEstablishment } from '@pcmd/contracts';

/** How long since the last inspection, in the bands the map's legend explains. */
export type Recency = 'recent' | 'due' | 'overdue' | 'never' | 'unknown';
export const RECENCIES: readonly Exclude<Recency, 'unknown'>[] = ['recent', 'due', 'overdue', 'never'];

const DAY_MS = 86_400_000;

/** ≤ 6 months: recent; 6–12 months: due; over 12 months: overdue; no inspection at all: never. */
export function recencyOf(lastInspected: string | null | undefined, today = new Date()): Recency {
  if (lastInspected === undefined) return 'unknown';
  if (lastInspected === null) return 'never';
  const days = (today.getTime() - Date.parse(`${lastInspected}T00:00:00`)) / DAY_MS;
  if (days <= 183) return 'recent';
  if (days <= 365) return 'due';
  return 'overdue';
}

type Risk = NonNullable<TEstablishment['riskLevel']> | 'none';

/** Fill by risk level: red, orange, green, grey (the legend and the popup also say it in words). */
export const RISK_FILL: Record<Risk, string> = { high: '#c62828', medium: '#e67e00', low: '#2e7d32', none: '#78909c' };

/** Ring by time since inspection: thin white when recent, darker and thicker as it ages, dashed when never inspected. */
export const RECENCY_RING: Record<Recency, { color: string; weight: number; dashArray?: string }> = {
  recent: { color: '#ffffff', weight: 2 },
  due: { color: '#1b2430', weight: 2 },
  overdue: { color: '#1b2430', weight: 4 },
  never: { color: '#1b2430', weight: 3, dashArray: '3 3' },
  unknown: { color: '#5b6776', weight: 1 },
};

export const MARKER_RADIUS = 9;
