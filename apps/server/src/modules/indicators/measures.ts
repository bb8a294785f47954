import type { Db } from '../../db/database.js';

/** What a measure is asked: one unit (its records include its subtree and wholly merged predecessors) over [from, to). */
export interface MeasureQuery {
  db: Db;
  unitId: number;
  from: string;
  to: string;
  /** Today, or the end of the period if it is over: what is "due" or "elapsed" is counted up to here. */
  asOf: string;
  params: Record<string, string | number>;
}

/** A named, SQL-backed count or sum by unit and period, offered by a module to the indicator engine. */
export interface Measure {
  key: string;
  label: { vi: string; en: string };
  /** Parameters the measure needs, e.g. ['level']. */
  params?: readonly string[];
  /** Refuses parameter values the measure does not know (a misspelt channel would silently count nothing): the problem, or null. */
  checkParams?(params: MeasureQuery['params']): string | null;
  compute(query: MeasureQuery): Promise<number>;
}

/** The months of a period as [start, end) windows, each starting on the period's start day. */
export function monthWindows(from: string, to: string): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  for (let k = 0; ; k++) {
    const a = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, start.getUTCDate()));
    if (a.toISOString().slice(0, 10) >= to) break;
    const b = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k + 1, start.getUTCDate()));
    const end = b.toISOString().slice(0, 10);
    windows.push({ from: a.toISOString().slice(0, 10), to: end < to ? end : to });
  }
  return windows;
}
