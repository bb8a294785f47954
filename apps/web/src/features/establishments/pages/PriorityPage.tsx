import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatNumberVi, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchPriority, type TPriorityItem } from '../api';
import { EstablishmentsNav, LastInspection } from '../components/Bits';
import { RiskWeightsForm } from '../components/RiskWeightsForm';
import { canEditRiskWeights } from '../permissions';

const LIMITS = [20, 50, 100, 200];

/**
 * "Ưu tiên kiểm tra": establishments ranked by a score anyone can check, the sum of its readable factors (type,
 * classification, time since the last inspection, past violations, no commitment), each with its points.
 */
export function PriorityPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const limit = LIMITS.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const list = useResource((signal) => fetchPriority({ unitId: unit?.id, limit }, signal), [unit?.id, limit]);

  return (
    <>
      <PageHeader title={t('prio.title')} subtitle={t('prio.intro')} />
      <EstablishmentsNav />
      <div className="filters filters-inline">
        <UnitPicker name="unitId" label={t('prio.unit')} hint={t('prio.unitHint')} value={unit} onChange={setUnit} />
        <div className="field">
          <label htmlFor="prio-limit">{t('prio.limit')}</label>
          <select id="prio-limit" value={limit} onChange={(e) => setParams(Number(e.target.value) === 50 ? {} : { limit: e.target.value }, { replace: true })}>
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && !list.loading && list.data.items.length === 0 && <p className="muted">{t('prio.none')}</p>}
      {list.data && !list.loading && list.data.items.length > 0 && (
        <ol className="priority-list" aria-label={t('prio.listLabel')}>
          {list.data.items.map((item, n) => (
            <PriorityRow key={item.establishmentId} rank={n + 1} item={item} />
          ))}
        </ol>
      )}
      {canEditRiskWeights(me.role) && <RiskWeightsForm onSaved={list.reload} />}
    </>
  );
}

function PriorityRow({ rank, item }: { rank: number; item: TPriorityItem }) {
  const { t } = useI18n();
  const points = (n: number) => formatNumberVi(n);
  return (
    <li className="priority-item">
      <span className="priority-rank" aria-hidden="true">
        {rank}
      </span>
      <div className="priority-main">
        <p className="priority-title">
          <span className="sr-only">{t('prio.rank', { rank })} </span>
          <Link className="item-title" to={`/establishments/${item.establishmentId}`}>
            {item.name}
          </Link>
        </p>
        <p className="item-meta">
          {item.typeName} · {item.unitName} · {t('est.lastInspection')}: <LastInspection date={item.lastInspectedOn} />
        </p>
        <ul className="factors" aria-label={t('prio.factors', { name: item.name })}>
          {item.factors.map((f) => (
            <li key={f.factor}>
              <span>{f.label}</span> <span className="factor-points">{t('prio.points', { points: points(f.points) })}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="priority-score">
        <span className="score-value">{points(item.score)}</span> <span className="small muted">{t('prio.scoreUnit')}</span>
      </p>
    </li>
  );
}
