import { DENOMINATOR_GROUPS, type TMeasureRef } from '@pcmd/contracts';
import { useI18n } from '../../app/i18n';
import { useLevelLabel } from '../units/components/UnitBits';
import type { TMeasureList } from './api';

export interface MeasureOption {
  key: string;
  label: string;
  params: string[];
  group: 'builtIn' | 'manual' | 'denominator';
}

/**
 * Every measure an indicator may use: the modules' built-in ones and the manual data sets from GET /api/measures,
 * and the denominator tables (population of a target group per unit and year), which that list leaves out.
 */
export function useMeasureOptions(list: TMeasureList | undefined): MeasureOption[] {
  const { locale } = useI18n();
  if (!list) return [];
  return [
    ...list.builtIn.map((m): MeasureOption => ({ key: m.key, label: m.label[locale], params: m.params, group: 'builtIn' })),
    ...list.manual.map((m): MeasureOption => ({ key: m.key, label: m.name, params: [], group: 'manual' })),
    ...Object.entries(DENOMINATOR_GROUPS).map(
      ([key, label]): MeasureOption => ({ key: `denominator.${key}`, label: label[locale], params: [], group: 'denominator' }),
    ),
  ];
}

/** "Số đơn vị trực thuộc ở cấp (Thôn, tổ dân phố)" for a measure reference, its key when the measure is unknown here. */
export function useMeasureLabel(list: TMeasureList | undefined) {
  const options = useMeasureOptions(list);
  const level = useLevelLabel();
  return (ref: TMeasureRef | null): string => {
    if (!ref) return '';
    const base = options.find((o) => o.key === ref.measure)?.label ?? ref.measure;
    const params = Object.entries(ref.params ?? {}).map(([name, value]) => (name === 'level' && typeof value === 'number' ? level(value) : `${name}: ${value}`));
    return params.length ? `${base} (${params.join(', ')})` : base;
  };
}
