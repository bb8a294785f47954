import {
  periodRange,
  type TBoardRow,
  type TIndicatorValue,
  type TMeasureRef,
  type TReportingCalendar,
} from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { fieldError } from '../../lib/errors.js';
import { resolveMeasure } from './measure-registry.js';

export interface IndicatorDefinition {
  id: number;
  name: string;
  shape: TBoardRow['shape'];
  numerator: TMeasureRef;
  denominator: TMeasureRef | null;
  comparator: TBoardRow['comparator'];
  unitLevel: number;
  targets: Record<string, number>;
}

/** Refuses, at definition time, a formula that names a measure nobody offers or leaves out a parameter it needs. */
export async function assertMeasuresExist(db: Db, refs: { path: string; ref: TMeasureRef | null | undefined }[], vi: boolean) {
  for (const { path, ref } of refs) {
    if (!ref) continue;
    const measure = await resolveMeasure(db, ref.measure);
    if (!measure) throw fieldError(`${path}.measure`, vi ? `Không có chỉ số đo «${ref.measure}»` : `There is no measure «${ref.measure}»`);
    const missing = (measure.params ?? []).filter((p) => ref.params?.[p] === undefined);
    if (missing.length) throw fieldError(`${path}.params`, vi ? `Chỉ số đo «${ref.measure}» cần tham số: ${missing.join(', ')}` : `Measure «${ref.measure}» needs: ${missing.join(', ')}`);
    const problem = measure.checkParams?.(ref.params ?? {});
    if (problem) throw fieldError(`${path}.params`, vi ? `Chỉ số đo «${ref.measure}» không nhận giá trị tham số ${problem}` : `Measure «${ref.measure}» does not accept ${problem}`);
  }
}

export function meets(value: number, comparator: IndicatorDefinition['comparator'], target: number): boolean {
  const v = Math.round(value * 1e6) / 1e6;
  if (comparator === 'gte') return v >= target;
  if (comparator === 'gt') return v > target;
  if (comparator === 'lte') return v <= target;
  return v === target;
}

/** The target for a period: its own, else (for a half year) the year's, else the whole plan period's. */
export function targetFor(targets: Record<string, number>, periodKey: string): number | null {
  if (targets[periodKey] !== undefined) return targets[periodKey];
  const year = periodKey.slice(0, 4);
  if (periodKey.endsWith('H1') && targets[year] !== undefined) return targets[year];
  return null;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * Measure values already computed while building one board: the same fraction often serves two indicators,
 * and the current year is also a point of the trend.
 */
export type MeasureCache = Map<string, Promise<number | null>>;

/**
 * An indicator's value for a unit and period. Numerator and denominator are each summed over the unit's records
 * (subtree and wholly merged predecessors) before dividing: a rollup never averages percentages.
 */
export async function computeIndicator(
  db: Db,
  indicator: IndicatorDefinition,
  unitId: number,
  calendar: TReportingCalendar,
  periodKey: string,
  target: number | null,
  asOfDate = todayIso(),
  cache: MeasureCache = new Map(),
): Promise<TIndicatorValue> {
  const { from, to } = periodRange(calendar, periodKey);
  const asOf = asOfDate < to ? asOfDate : to;
  const run = (ref: TMeasureRef) => {
    const key = JSON.stringify([ref.measure, ref.params ?? {}, unitId, from, to, asOf]);
    let value = cache.get(key);
    if (!value) {
      value = resolveMeasure(db, ref.measure).then((measure) => (measure ? measure.compute({ db, unitId, from, to, asOf, params: ref.params ?? {} }) : null));
      cache.set(key, value);
    }
    return value;
  };
  const numerator = (await run(indicator.numerator)) ?? 0;
  const denominator = indicator.denominator ? await run(indicator.denominator) : null;
  const value = indicator.denominator ? (denominator ? (100 * numerator) / denominator : null) : numerator;
  const rounded = value === null ? null : Math.round(value * 100) / 100;
  const status: TIndicatorValue['status'] =
    rounded === null ? 'no_data' : target === null ? 'no_target' : meets(rounded, indicator.comparator, target) ? 'met' : 'behind';
  return { numerator, denominator, value: rounded, target, status };
}
