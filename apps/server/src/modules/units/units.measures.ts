import type { Measure } from '../indicators/measures.js';
import { countUnitsAtLevel } from './units.repository.js';

/** The day before an exclusive end: the last day of the period. */
export const lastDay = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export const unitMeasures: Measure[] = [
  {
    key: 'units.count',
    label: { vi: 'Số đơn vị trực thuộc ở cấp', en: 'Units at a level' },
    params: ['level'],
    compute: ({ db, unitId, to, params }) => countUnitsAtLevel(db, unitId, Number(params.level), lastDay(to)),
  },
];
