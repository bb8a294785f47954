import { DENOMINATOR_GROUPS } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { taskMeasures } from '../tasks/tasks.measures.js';
import { establishmentMeasures } from '../establishments/establishments.measures.js';
import { inspectionMeasures } from '../inspections/inspections.measures.js';
import { tipMeasures } from '../tips/tips.measures.js';
import { outreachMeasures } from '../outreach/outreach.measures.js';
import { trainingMeasures } from '../training/training.measures.js';
import { lastDay, unitMeasures } from '../units/units.measures.js';
import { manualMeasureExists, sumDenominators, sumManualValues } from './indicators.repository.js';
import { monthWindows, type Measure } from './measures.js';

const calendarMeasures: Measure[] = [
  {
    key: 'calendar.unit_months',
    label: { vi: 'Số đơn vị × số tháng đã qua', en: 'Units × months elapsed' },
    params: ['level'],
    compute: async (q) => {
      const units = await unitMeasures[0].compute(q);
      return units * monthWindows(q.from, q.to).filter((w) => w.from < q.asOf).length;
    },
  },
];

/** Every module's measures, by key. A new module adds its list here. */
const BUILT_IN = new Map<string, Measure>([...unitMeasures, ...taskMeasures, ...establishmentMeasures, ...inspectionMeasures, ...tipMeasures, ...outreachMeasures, ...trainingMeasures, ...calendarMeasures].map((m) => [m.key, m]));

const manualMeasure = (key: string): Measure => ({
  key,
  label: { vi: 'Số liệu nhập tay', en: 'Manual entry' },
  compute: ({ db, unitId, from, to }) => sumManualValues(db, key, unitId, from, to),
});

const denominatorMeasure = (key: string, group: string): Measure => ({
  key,
  label: DENOMINATOR_GROUPS[group as keyof typeof DENOMINATOR_GROUPS],
  // A population is counted for the year the period ends in.
  compute: ({ db, unitId, to }) => sumDenominators(db, group, unitId, Number(lastDay(to).slice(0, 4))),
});

/** Finds a measure by key: a module's, a manual data set defined by users, or a denominator table. */
export async function resolveMeasure(db: Db, key: string): Promise<Measure | null> {
  const builtIn = BUILT_IN.get(key);
  if (builtIn) return builtIn;
  if (key.startsWith('manual.')) return (await manualMeasureExists(db, key)) ? manualMeasure(key) : null;
  const group = /^denominator\.([a-z_]+)$/.exec(key)?.[1];
  if (group && group in DENOMINATOR_GROUPS) return denominatorMeasure(key, group);
  return null;
}

export function listBuiltInMeasures() {
  return [...BUILT_IN.values()].map((m) => ({ key: m.key, label: m.label, params: [...(m.params ?? [])] }));
}
