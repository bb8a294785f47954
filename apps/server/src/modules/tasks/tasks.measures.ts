import type { Measure } from '../indicators/measures.js';
import { countTasksDue } from './tasks.repository.js';

export const taskMeasures: Measure[] = [
  {
    key: 'tasks.due',
    label: { vi: 'Nhiệm vụ đến hạn', en: 'Tasks due' },
    compute: ({ db, unitId, from, to, asOf }) => countTasksDue(db, unitId, from, to, asOf, false),
  },
  {
    key: 'tasks.done_on_time',
    label: { vi: 'Nhiệm vụ hoàn thành đúng hạn', en: 'Tasks done by their deadline' },
    compute: ({ db, unitId, from, to, asOf }) => countTasksDue(db, unitId, from, to, asOf, true),
  },
];
