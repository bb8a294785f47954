import type { Measure } from '../indicators/measures.js';
import { countEstablishments } from './establishments.repository.js';

/** What the registry offers the indicator engine; inspections and sanctions add theirs with their module. */
export const establishmentMeasures: Measure[] = [
  {
    key: 'establishments.active',
    label: { vi: 'Cơ sở kinh doanh dịch vụ dễ bị lợi dụng đang hoạt động', en: 'Active at-risk establishments' },
    compute: ({ db, unitId, from, to }) => countEstablishments(db, unitId, from, to, 'active'),
  },
  {
    key: 'establishments.classified',
    label: { vi: 'Cơ sở đã được rà soát, phân loại', en: 'Establishments reviewed and classified' },
    compute: ({ db, unitId, from, to }) => countEstablishments(db, unitId, from, to, 'classified'),
  },
  {
    key: 'establishments.committed',
    label: { vi: 'Cơ sở đã ký cam kết', en: 'Establishments with a signed commitment' },
    compute: ({ db, unitId, from, to }) => countEstablishments(db, unitId, from, to, 'committed'),
  },
];
