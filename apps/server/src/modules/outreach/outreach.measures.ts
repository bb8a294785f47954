import { OUTREACH_CHANNELS, OUTREACH_TARGET_GROUPS } from '@pcmd/contracts';
import { monthWindows, type Measure, type MeasureQuery } from '../indicators/measures.js';
import { lastDay } from '../units/units.measures.js';
import { countOccurrences, countUnitMonthsWithOutreach, countUnitsCovered, sumReached } from './outreach.repository.js';

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Outreach counts what has happened: occurrences up to today (asOf) inclusive, never the future dates of a series that
 * runs on. For a period that is over, asOf is its end and everything in it counts.
 */
const until = (q: MeasureQuery) => (q.asOf < q.to ? nextDay(q.asOf) : q.to);

/** `channel` (one, or several separated by commas); absent means every channel. */
const channelsOf = (params: MeasureQuery['params']) =>
  params.channel === undefined ? undefined : String(params.channel).split(',').map((c) => c.trim()).filter(Boolean);

const checkChannels = (params: MeasureQuery['params']) => {
  const unknown = (channelsOf(params) ?? []).filter((c) => !(c in OUTREACH_CHANNELS));
  return unknown.length ? `channel: ${unknown.join(', ')}` : null;
};
const checkGroup = (params: MeasureQuery['params']) =>
  params.targetGroup !== undefined && !(String(params.targetGroup) in OUTREACH_TARGET_GROUPS) ? `targetGroup: ${params.targetGroup}` : null;
const checkLevel = (params: MeasureQuery['params']) => (![1, 2, 3, 4].includes(Number(params.level)) ? `level: ${params.level}` : null);
const firstProblem = (...checks: (string | null)[]) => checks.find((c) => c !== null) ?? null;

/** What outreach offers the indicator engine (DOMAIN.md §4: share of child units, share of people reached, frequency). */
export const outreachMeasures: Measure[] = [
  {
    key: 'outreach.activities',
    label: { vi: 'Hoạt động truyền thông (lọc được theo kênh, nhóm đối tượng)', en: 'Outreach activities (by channel, target group)' },
    checkParams: (params) => firstProblem(checkChannels(params), checkGroup(params)),
    compute: (q) =>
      countOccurrences(q.db, q.unitId, q.from, until(q), { channels: channelsOf(q.params), targetGroup: q.params.targetGroup === undefined ? undefined : String(q.params.targetGroup) }),
  },
  {
    key: 'outreach.reached',
    label: { vi: 'Số người được tiếp cận của một nhóm đối tượng (lượt người)', en: 'People of a target group reached (person-times)' },
    params: ['targetGroup'],
    checkParams: (params) => firstProblem(checkGroup(params), checkChannels(params)),
    compute: (q) => sumReached(q.db, q.unitId, q.from, until(q), String(q.params.targetGroup), channelsOf(q.params)),
  },
  {
    key: 'outreach.units_covered',
    label: { vi: 'Đơn vị trực thuộc ở cấp có ít nhất một hoạt động truyền thông', en: 'Units at a level with at least one outreach activity' },
    params: ['level'],
    checkParams: (params) => firstProblem(checkLevel(params), checkChannels(params)),
    compute: (q) => countUnitsCovered(q.db, q.unitId, Number(q.params.level), lastDay(q.to), q.from, until(q), channelsOf(q.params)),
  },
  {
    key: 'outreach.publication_months',
    label: { vi: 'Số đơn vị × số tháng có ít nhất một hoạt động truyền thông (lọc được theo kênh)', en: 'Units × months with at least one outreach activity (by channel)' },
    params: ['level'],
    checkParams: (params) => firstProblem(checkLevel(params), checkChannels(params)),
    // The months of calendar.unit_months (windows from the period's start day, begun by asOf), each clipped to asOf.
    compute: (q) => {
      const end = until(q);
      const windows = monthWindows(q.from, q.to)
        .filter((w) => w.from < q.asOf)
        .map((w) => ({ from: w.from, to: w.to < end ? w.to : end }));
      return countUnitMonthsWithOutreach(q.db, q.unitId, Number(q.params.level), lastDay(q.to), windows, channelsOf(q.params));
    },
  },
];
