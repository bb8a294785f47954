import { Link } from 'react-router';
import type { TPlanSummary } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchPlans } from '../api';
import { PlanMeta, PlanStatus } from '../components/PlanBits';
import { canEditPlans, unitMakesPlans } from '../permissions';
import { useUnitsAbove } from '../use-area';

/** The plans of the user's area, and above them the plans of the levels above that the area carries out. */
export function PlansPage() {
  const { t } = useI18n();
  const me = useMe();
  const plans = useResource((signal) => fetchPlans(signal), []);
  const above = useUnitsAbove();
  const error = plans.error ?? above.error;
  const ready = plans.data && above.data;
  const upper = ready ? plans.data!.items.filter((p) => above.data!.has(p.unitId)) : [];
  const own = ready ? plans.data!.items.filter((p) => !above.data!.has(p.unitId)) : [];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={t('plans.intro')}
        actions={
          canEditPlans(me.role) &&
          unitMakesPlans(me.unit) && (
            <Link className="button button-primary" to="/plans/new">
              {t('plans.create.title')}
            </Link>
          )
        }
      />
      {error && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            plans.reload();
            above.reload();
          }}
        />
      )}
      {!error && !ready && <Loading />}
      {ready && (
        <>
          <PlanList id="own-plans" title={t('plans.own', { unit: me.unit.name })} empty={t('plans.own.none')} plans={own} />
          {upper.length > 0 && <PlanList id="upper-plans" title={t('plans.upper')} intro={t('plans.upper.intro')} plans={upper} />}
        </>
      )}
    </>
  );
}

function PlanList({ id, title, intro, empty, plans }: { id: string; title: string; intro?: string; empty?: string; plans: TPlanSummary[] }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      {plans.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="item-list">
          {plans.map((p) => (
            <li key={p.id} className="item">
              <div className="item-main">
                <Link className="item-title" to={`/plans/${p.id}`}>
                  {p.subject}
                </Link>
                <p className="item-meta">
                  <PlanMeta plan={p} /> <PlanStatus status={p.status} />
                </p>
              </div>
              <div className="item-actions">
                <Link className="button button-small" to={`/plans/${p.id}/board`}>
                  {t('board.title')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
