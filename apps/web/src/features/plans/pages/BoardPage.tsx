import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TBoardRow, TPlan } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchBoard, fetchPlan, type TBoard } from '../api';
import { IndicatorStatus, TargetText, TrendBars, formatIndicatorValue, isPercent } from '../components/IndicatorBits';
import { boardPeriods, defaultPeriod, usePeriodLabel } from '../periods';
import { useUnitsAbove } from '../use-area';

export function BoardPage() {
  const { id } = useParams();
  const planId = Number(id);
  const plan = useResource((signal) => fetchPlan(planId, signal), [planId]);
  const above = useUnitsAbove();
  const error = plan.error ?? above.error;
  if (error)
    return (
      <ErrorNotice
        error={error}
        onRetry={() => {
          plan.reload();
          above.reload();
        }}
      />
    );
  if (!plan.data || plan.data.id !== planId || !above.data) return <Loading />;
  return <Board plan={plan.data} above={above.data} />;
}

/**
 * The indicator board of a plan for one unit and period: value, target and status of every indicator, its trend by
 * year, and (down to the indicator's level) each child unit next to the target it set itself. A child's name opens
 * the same board for it. On a plan of the level above, the board starts at the user's own unit.
 */
function Board({ plan, above }: { plan: TPlan; above: Set<number> }) {
  const { t } = useI18n();
  const me = useMe();
  const periodLabel = usePeriodLabel();
  const [params, setParams] = useSearchParams();
  const periods = boardPeriods(plan);
  const asked = params.get('period') ?? '';
  const period = periods.includes(asked) ? asked : defaultPeriod(plan);
  const home = above.has(plan.unitId) ? me.unit : { id: plan.unitId, name: plan.unitName };
  const unitId = Number(params.get('unit')) || home.id;
  const board = useResource((signal) => fetchBoard(plan.id, period, unitId === plan.unitId ? undefined : unitId, signal), [plan.id, period, unitId]);

  const go = (next: { period?: string; unit?: number }) => {
    const p = new URLSearchParams();
    p.set('period', next.period ?? period);
    const unit = next.unit ?? unitId;
    if (unit !== home.id) p.set('unit', String(unit));
    setParams(p);
  };

  const data = board.data;
  const unitName = data?.unitId === unitId ? data.unitName : unitId === home.id ? home.name : '';

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('plans.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/plans">{t('plans.title')}</Link>
              </li>
              <li>
                <Link to={`/plans/${plan.id}`}>{plan.numberSymbol ?? t('plans.noNumber')}</Link>
              </li>
              <li aria-current="page">{t('board.title')}</li>
            </ol>
          </nav>
        }
        title={t('board.title')}
        subtitle={plan.subject}
      />
      <div className="board-controls">
        <SelectField name="period" label={t('board.period')} value={period} onChange={(e) => go({ period: e.target.value })}>
          {periods.map((k) => (
            <option key={k} value={k}>
              {periodLabel(k)}
            </option>
          ))}
        </SelectField>
        <div className="board-unit">
          <p className="board-unit-name">
            {t('board.unit')}: <strong>{unitName || '…'}</strong>
          </p>
          {unitId !== home.id && (
            <Link to={`?period=${encodeURIComponent(period)}`}>
              ↑ {t('board.backTo', { unit: home.name })}
            </Link>
          )}
        </div>
      </div>

      {board.error && <ErrorNotice error={board.error} onRetry={board.reload} />}
      {!board.error && !data && <Loading />}
      {data && !board.error && <BoardTable board={data} busy={board.loading} title={`${data.unitName} – ${periodLabel(data.periodKey)}`} onUnit={(unit) => go({ unit })} period={period} home={home.id} />}
    </>
  );
}

function BoardTable({ board, busy, title, period, home, onUnit }: { board: TBoard; busy: boolean; title: string; period: string; home: number; onUnit: (unit: number) => void }) {
  const { t } = useI18n();
  if (board.rows.length === 0) return <p className="muted">{t('board.none')}</p>;
  const withChildren = board.rows.filter((r) => r.children.length > 0);
  const met = board.rows.filter((r) => r.current.status === 'met').length;
  const behind = board.rows.filter((r) => r.current.status === 'behind').length;
  return (
    <>
      <h2 id="board-heading">{title}</h2>
      <p className="board-summary">
        {t('board.summary', { total: board.rows.length, met, behind })}
      </p>
      <div className="table-wrap">
        <table className="board-table" role="table" aria-labelledby="board-heading" aria-busy={busy || undefined}>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t('board.col.indicator')}</th>
              <th scope="col" role="columnheader">{t('board.col.value')}</th>
              <th scope="col" role="columnheader">{t('board.col.target')}</th>
              <th scope="col" role="columnheader">{t('board.col.status')}</th>
              <th scope="col" role="columnheader">{t('board.col.trend')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {board.rows.map((row) => (
              <BoardRow key={row.indicatorId} row={row} />
            ))}
          </tbody>
        </table>
      </div>

      {withChildren.length > 0 && (
        <section className="section" aria-labelledby="children-heading">
          <h2 id="children-heading">{t('board.children.title')}</h2>
          <p className="muted">{t('board.children.intro')}</p>
          {withChildren.map((row, i) => (
            <ChildUnits key={row.indicatorId} row={row} open={i === 0} parentName={board.unitName} period={period} home={home} onUnit={onUnit} />
          ))}
        </section>
      )}
    </>
  );
}

function ValueCell({ value, percent }: { value: TBoardRow['current']; percent: boolean }) {
  return (
    <>
      <span className="board-value">{formatIndicatorValue(value.value, percent)}</span>
      {value.denominator !== null && (
        <span className="muted small block">
          {formatIndicatorValue(value.numerator, false)}/{formatIndicatorValue(value.denominator, false)}
        </span>
      )}
    </>
  );
}

function BoardRow({ row }: { row: TBoardRow }) {
  const { t } = useI18n();
  const percent = isPercent(row.shape);
  return (
    <tr role="row" className={`board-row board-${row.current.status}`}>
      <th scope="row" role="rowheader">
        {row.name}
      </th>
      <Cell label={t('board.col.value')}>
        <ValueCell value={row.current} percent={percent} />
      </Cell>
      <Cell label={t('board.col.target')}>
        <TargetText comparator={row.comparator} target={row.current.target} percent={percent} />
      </Cell>
      <Cell label={t('board.col.status')}>
        <IndicatorStatus status={row.current.status} />
        {row.behind.length > 0 && <span className="muted small block">{t('board.behindCount', { count: row.behind.length })}</span>}
      </Cell>
      <Cell label={t('board.col.trend')}>
        <TrendBars trend={row.trend} percent={percent} label={t('board.trend.label', { name: row.name })} />
      </Cell>
    </tr>
  );
}

function ChildUnits({ row, open, parentName, period, home, onUnit }: { row: TBoardRow; open: boolean; parentName: string; period: string; home: number; onUnit: (unit: number) => void }) {
  const { t } = useI18n();
  const percent = isPercent(row.shape);
  const link = (unitId: number, name: string) => (
    <Link
      to={`?period=${encodeURIComponent(period)}${unitId === home ? '' : `&unit=${unitId}`}`}
      onClick={(e) => {
        e.preventDefault();
        onUnit(unitId);
      }}
    >
      {name}
    </Link>
  );
  return (
    <details className="card child-units" open={open}>
      <summary>
        <span className="strong">{row.name}</span>{' '}
        <span className="muted small">
          {row.behind.length > 0 ? t('board.behindCount', { count: row.behind.length }) : t('board.children.count', { count: row.children.length })}
        </span>
      </summary>
      {row.behind.length > 0 && (
        <p className="behind-list">
          <span className="strong">{t('board.behind')}:</span>{' '}
          {row.behind.map((b, i) => (
            <span key={b.unitId}>
              {i > 0 && ', '}
              {link(b.unitId, b.unitName)}
            </span>
          ))}
        </p>
      )}
      <div className="table-wrap">
        <table className="board-table" role="table">
          <caption className="sr-only">{t('board.children.caption', { name: row.name })}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t('board.col.unit')}</th>
              <th scope="col" role="columnheader">{t('board.col.value')}</th>
              <th scope="col" role="columnheader">{t('board.col.ownTarget')}</th>
              <th scope="col" role="columnheader">{t('board.col.parentTarget', { unit: parentName })}</th>
              <th scope="col" role="columnheader">{t('board.col.status')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {row.children.map((c) => (
              <tr role="row" key={c.unitId}>
                <th scope="row" role="rowheader">
                  {link(c.unitId, c.unitName)}
                </th>
                <Cell label={t('board.col.value')}>
                  <ValueCell value={c} percent={percent} />
                </Cell>
                <Cell label={t('board.col.ownTarget')}>
                  {c.ownTarget === null ? <span className="muted">{t('board.ownTarget.none')}</span> : <TargetText comparator={row.comparator} target={c.ownTarget} percent={percent} />}
                </Cell>
                <Cell label={t('board.col.parentTarget', { unit: parentName })}>
                  <TargetText comparator={row.comparator} target={row.current.target} percent={percent} />
                </Cell>
                <Cell label={t('board.col.status')}>
                  <IndicatorStatus status={c.status} />
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * A cell of the board. On a phone each row becomes a card and the cell shows its column's name; that label is hidden
 * from assistive technology, which already has the column header.
 */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td role="cell">
      <span className="cell-label" aria-hidden="true">
        {label}
      </span>
      <div>{children}</div>
    </td>
  );
}
