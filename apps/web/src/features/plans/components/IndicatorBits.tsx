import { COMPARATORS, INDICATOR_SHAPES, type TBoardRow, type TIndicatorShape, type TIndicatorValue } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';

type Status = TIndicatorValue['status'];

const STATUS: Record<Status, { icon: string; key: MessageKey; className: string }> = {
  met: { icon: '✓', key: 'board.status.met', className: 'tag status-met' },
  behind: { icon: '✗', key: 'board.status.behind', className: 'tag status-behind' },
  no_data: { icon: '–', key: 'board.status.noData', className: 'tag status-none' },
  no_target: { icon: '?', key: 'board.status.noTarget', className: 'tag status-none' },
};

/** Met, behind, no data: a colour, an icon and a word, so the status never rests on colour alone. */
export function IndicatorStatus({ status }: { status: Status }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <span className={s.className}>
      <span aria-hidden="true">{s.icon}</span> {t(s.key)}
    </span>
  );
}

/** A manual indicator counts things; every other shape is a share, shown in per cent. */
export const isPercent = (shape: TIndicatorShape) => shape !== 'manual';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "87,5%" or "3"; a dash when there is nothing to show. */
export function formatIndicatorValue(value: number | null, percent: boolean): string {
  if (value === null) return '–';
  return percent ? `${numberFormat.format(value)}%` : numberFormat.format(value);
}

/** "ít nhất 90%": the comparator in words and the target. */
export function TargetText({ comparator, target, percent }: { comparator: TBoardRow['comparator']; target: number | null; percent: boolean }) {
  const { locale, t } = useI18n();
  if (target === null) return <span className="muted">{t('board.noTarget')}</span>;
  return (
    <span className="nowrap">
      {COMPARATORS[comparator][locale]} {formatIndicatorValue(target, percent)}
    </span>
  );
}

export function ShapeLabel({ shape }: { shape: TIndicatorShape }) {
  const { locale } = useI18n();
  return <>{INDICATOR_SHAPES[shape][locale]}</>;
}

/** One bar per year: the value against the target (or 100%), with the figure written next to it. */
export function TrendBars({ trend, percent, label }: { trend: TBoardRow['trend']; percent: boolean; label: string }) {
  const { t } = useI18n();
  if (trend.length === 0) return <span className="muted small">{t('board.trend.none')}</span>;
  return (
    <ul className="trend" aria-label={label}>
      {trend.map((p) => {
        const scale = percent ? Math.max(100, p.target ?? 100) : Math.max(p.target ?? 0, p.value ?? 0, 1);
        const width = p.value === null ? 0 : Math.min(100, (100 * p.value) / scale);
        return (
          <li key={p.periodKey}>
            <span className="trend-year">{p.periodKey}</span>
            <span className="trend-track" aria-hidden="true">
              <span className={`trend-fill trend-${p.status}`} style={{ width: `${width}%` }} />
            </span>
            <span className="trend-value">
              {formatIndicatorValue(p.value, percent)}
              <span className="sr-only"> – {t(STATUS[p.status].key)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
