import { useEffect, useState } from 'react';
import { formatDateVi, formatNumberVi, type TOutreachActivity, type TOutreachChannel } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { fetchActivities } from '../api';
import { addMonths, monthPeriod, vnToday } from '../periods';
import { ActivityItem } from './OutreachBits';

/** The API's largest page: a unit with more activities in one month is told so (the list view shows them all). */
const MONTH_LIMIT = 200;

/** Monday-first weeks of a month: ISO dates, null for the days of the neighbouring months. */
function weeksOf(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

interface Props {
  month: string;
  unitId: number | undefined;
  channel: TOutreachChannel | undefined;
  unitName: string;
  reloadKey: number;
  onMonth: (month: string) => void;
}

/**
 * One unit's month of activities (its villages and groups included): a day with activities shows their number, and
 * choosing it lists them below. On a wide screen the topics show in the days themselves.
 */
export function MonthCalendar({ month, unitId, channel, unitName, reloadKey, onMonth }: Props) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const period = monthPeriod(month);
  const data = useResource((signal) => fetchActivities({ unitId, channel, from: period.from, to: period.to, page: 1, pageSize: MONTH_LIMIT }, signal), [month, unitId, channel, reloadKey]);
  useEffect(() => setChosen(null), [month, unitId, channel]);

  const byDay = new Map<string, TOutreachActivity[]>();
  for (const a of data.data?.items ?? []) byDay.set(a.heldOn, [...(byDay.get(a.heldOn) ?? []), a]);
  const today = vnToday();
  const [y, m] = month.split('-').map(Number);
  const monthName = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  // "tháng 11 năm 2026" as a heading starts with a capital.
  const title = monthName.charAt(0).toUpperCase() + monthName.slice(1);
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  const chosenItems = chosen ? (byDay.get(chosen) ?? []) : [];

  return (
    <section className="calendar" aria-labelledby="calendar-heading">
      <div className="calendar-head">
        <button type="button" className="button" onClick={() => onMonth(addMonths(month, -1))}>
          <span aria-hidden="true">‹</span> <span className="sr-only">{t('outreach.calendar.previous')}</span>
        </button>
        <h2 id="calendar-heading">
          {title}
          <span className="muted small calendar-unit"> · {unitName}</span>
        </h2>
        <button type="button" className="button" onClick={() => onMonth(addMonths(month, 1))}>
          <span className="sr-only">{t('outreach.calendar.next')}</span> <span aria-hidden="true">›</span>
        </button>
      </div>
      {data.error && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <p className="muted small" role="status">
            {t('outreach.count', { count: formatNumberVi(data.data.total) })}
            {data.data.total > MONTH_LIMIT && ` ${t('outreach.calendar.tooMany', { shown: MONTH_LIMIT })}`}
          </p>
          <table className="calendar-grid">
            <thead>
              <tr>
                {weekdays.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(month).map((week, w) => (
                <tr key={w}>
                  {week.map((day, i) => {
                    if (!day) return <td key={i} className="calendar-blank" />;
                    const items = byDay.get(day) ?? [];
                    const label = `${formatDateVi(day)}: ${t('outreach.calendar.dayCount', { count: items.length })}`;
                    return (
                      <td key={i} className={[day === today ? 'calendar-today' : '', items.length ? 'calendar-busy' : ''].join(' ').trim() || undefined}>
                        <button type="button" aria-label={label} aria-pressed={chosen === day} disabled={!items.length} onClick={() => setChosen(chosen === day ? null : day)}>
                          <span className="calendar-day">{Number(day.slice(8))}</span>
                          {items.length > 0 && <span className="badge">{items.length}</span>}
                          <span className="calendar-topics" aria-hidden="true">
                            {items.slice(0, 2).map((a) => (
                              <span key={a.id}>{a.topic}</span>
                            ))}
                          </span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {chosen && (
            <section aria-labelledby="day-heading" className="section">
              <h3 id="day-heading">{t('outreach.calendar.day', { date: formatDateVi(chosen) })}</h3>
              <ul className="item-list">
                {chosenItems.map((a) => (
                  <ActivityItem key={a.id} activity={a} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
