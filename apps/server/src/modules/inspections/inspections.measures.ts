import type { Measure } from '../indicators/measures.js';
import { countInspected } from './inspections.repository.js';

export const inspectionMeasures: Measure[] = [
  {
    key: 'establishments.inspected',
    label: { vi: 'Cơ sở được kiểm tra ít nhất một lần trong kỳ', en: 'Establishments inspected at least once in the period' },
    compute: ({ db, unitId, from, to }) => countInspected(db, unitId, from, to, 'any'),
  },
  {
    key: 'establishments.with_violations',
    label: { vi: 'Cơ sở phát hiện vi phạm trong kỳ', en: 'Establishments with violations in the period' },
    compute: ({ db, unitId, from, to }) => countInspected(db, unitId, from, to, 'violation'),
  },
  {
    key: 'establishments.sanctioned',
    label: { vi: 'Cơ sở bị xử phạt trong kỳ', en: 'Establishments sanctioned in the period' },
    compute: ({ db, unitId, from, to }) => countInspected(db, unitId, from, to, 'sanction'),
  },
];
