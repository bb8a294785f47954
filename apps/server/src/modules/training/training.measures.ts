import { ROSTER_KINDS } from '@pcmd/contracts';
import type { Measure, MeasureQuery } from '../indicators/measures.js';
import { lastDay } from '../units/units.measures.js';
import { countRoster } from './training.repository.js';

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The roster is taken on one day: today while the period runs, its last day once it is over. Trained people are
 * counted among that day's roster, so that "trained ÷ roster" is the share of the team as it is, never above 100 %
 * (someone trained who has since left counts in neither).
 */
const rosterDay = (q: MeasureQuery) => (q.asOf < q.to ? q.asOf : lastDay(q.to));
/** Courses count once they have ended, up to today. */
const until = (q: MeasureQuery) => (q.asOf < q.to ? nextDay(q.asOf) : q.to);
const kindOf = (q: MeasureQuery) => (q.params.kind === undefined ? undefined : String(q.params.kind));
const checkKind = (params: MeasureQuery['params']) => (params.kind !== undefined && !(String(params.kind) in ROSTER_KINDS) ? `kind: ${params.kind}` : null);

/** What training offers the indicator engine (DOMAIN.md §4: share of staff trained). */
export const trainingMeasures: Measure[] = [
  {
    key: 'training.roster',
    label: { vi: 'Đội ngũ thực hiện nhiệm vụ (danh sách, lọc được theo loại)', en: 'People on the roster (by kind)' },
    checkParams: checkKind,
    compute: (q) => countRoster(q.db, q.unitId, rosterDay(q), { kind: kindOf(q) }),
  },
  {
    key: 'training.trained',
    label: { vi: 'Người trong đội ngũ được tập huấn trong kỳ', en: 'People on the roster trained in the period' },
    checkParams: checkKind,
    compute: (q) => countRoster(q.db, q.unitId, rosterDay(q), { kind: kindOf(q), trainedFrom: q.from, trainedUntil: until(q) }),
  },
  {
    key: 'training.trained_ever',
    label: { vi: 'Người trong đội ngũ đã từng được tập huấn', en: 'People on the roster ever trained' },
    checkParams: checkKind,
    compute: (q) => countRoster(q.db, q.unitId, rosterDay(q), { kind: kindOf(q), trainedUntil: until(q) }),
  },
];
