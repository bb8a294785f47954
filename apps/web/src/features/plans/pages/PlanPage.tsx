import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { UNIT_TYPES, type TPlan, type TPlanSummary } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { documentUrl, fetchPlan, fetchPlans } from '../api';
import { DerivePanel, type PlanNotice } from '../components/DerivePanel';
import { PlanMeta, PlanStatus } from '../components/PlanBits';
import { PlanIndicators } from '../components/PlanIndicators';
import { PlanInfo } from '../components/PlanInfo';
import { PlanSections } from '../components/PlanSections';
import { PlanTasks } from '../components/PlanTasks';
import { canEditPlans, unitMakesPlans } from '../permissions';
import { useUnitsAbove } from '../use-area';

const TABS = ['info', 'sections', 'indicators', 'tasks'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, MessageKey> = { info: 'plans.tab.info', sections: 'plans.tab.sections', indicators: 'plans.tab.indicators', tasks: 'plans.tab.tasks' };

export function PlanPage() {
  const { id } = useParams();
  const planId = Number(id);
  const plan = useResource((signal) => fetchPlan(planId, signal), [planId]);
  const plans = useResource((signal) => fetchPlans(signal), [planId]);
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
  // After a derive the page moves to another plan: the previous one must not show with the new notice.
  if (!plan.data || plan.data.id !== planId || !above.data) return <Loading />;
  return <PlanView key={plan.data.id} initial={plan.data} above={above.data} related={plans.data?.items ?? []} />;
}

function PlanView({ initial, above, related }: { initial: TPlan; above: Set<number>; related: TPlanSummary[] }) {
  const { t } = useI18n();
  const me = useMe();
  const [plan, setPlan] = useState(initial);
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: PlanNotice } | null)?.notice;
  const [deriving, setDeriving] = useState(false);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'info';

  const isAbove = above.has(plan.unitId);
  const editor = canEditPlans(me.role);
  const editable = editor && !isAbove;
  // A commune derives from the province's plan; a province-level user derives for a commune of theirs.
  const canDerive = editor && unitMakesPlans(me.unit) && (isAbove || (plan.unitId === me.unit.id && UNIT_TYPES[me.unit.type].level <= 2));
  const parent = plan.parentPlanId ? related.find((p) => p.id === plan.parentPlanId) : undefined;
  const derived = related.filter((p) => p.parentPlanId === plan.id);
  const counts: Partial<Record<Tab, number>> = { sections: plan.sections.length, indicators: plan.indicators.length, tasks: plan.tasks.length };

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('plans.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/plans">{t('plans.title')}</Link>
              </li>
              <li aria-current="page">{plan.numberSymbol ?? t('plans.noNumber')}</li>
            </ol>
          </nav>
        }
        title={plan.subject}
        subtitle={
          <>
            <PlanMeta plan={plan} /> <PlanStatus status={plan.status} />
          </>
        }
        actions={
          <>
            <Link className="button" to={`/plans/${plan.id}/board`}>
              {t('board.title')}
            </Link>
            <a className="button" href={documentUrl(plan.id)} download>
              {t('plans.document')}
            </a>
            {canDerive && (
              <button type="button" className="button button-primary" aria-expanded={deriving} aria-controls="derive-panel" onClick={() => setDeriving((open) => !open)}>
                {t('plans.derive.title')}
              </button>
            )}
          </>
        }
      />
      {notice === 'derived' && <SuccessNotice>{t('plans.notice.derived', { unit: plan.unitName })}</SuccessNotice>}
      {notice === 'created' && <SuccessNotice>{t('plans.notice.created')}</SuccessNotice>}
      {isAbove && <p className="notice notice-info">{t('plans.aboveNotice', { unit: plan.unitName })}</p>}
      {deriving && <DerivePanel plan={plan} ownUnitBelow={isAbove} derived={derived} onClose={() => setDeriving(false)} />}

      {(plan.parentPlanId || derived.length > 0) && (
        <ul className="related">
          {plan.parentPlanId && (
            <li>
              {t('plans.parent')}:{' '}
              <Link to={`/plans/${plan.parentPlanId}`}>{parent ? `${parent.numberSymbol ?? t('plans.noNumber')} – ${parent.unitName}` : t('plans.parentOpen')}</Link>
            </li>
          )}
          {derived.length > 0 && (
            <li>
              {t('plans.derivedList')}:{' '}
              {derived.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <Link to={`/plans/${d.id}`}>{d.unitName}</Link>
                </span>
              ))}
            </li>
          )}
        </ul>
      )}

      <nav className="tabs" aria-label={t('plans.tabs')}>
        <ul>
          {TABS.map((key) => (
            <li key={key}>
              <Link
                to={{ search: key === 'info' ? '' : `?tab=${key}` }}
                replace
                aria-current={tab === key ? 'page' : undefined}
              >
                {t(TAB_KEYS[key])}
                {counts[key] !== undefined && (
                  <>
                    {' '}
                    <span className="badge">{counts[key]}</span>
                  </>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section className="tab-panel" aria-labelledby="tab-heading">
        <h2 id="tab-heading" className="sr-only">
          {t(TAB_KEYS[tab])}
        </h2>
        {tab === 'info' && <PlanInfo plan={plan} editable={editable} onSaved={setPlan} />}
        {tab === 'sections' && <PlanSections plan={plan} editable={editable} onSaved={setPlan} />}
        {tab === 'indicators' && <PlanIndicators plan={plan} editable={editable} onSaved={setPlan} />}
        {tab === 'tasks' && <PlanTasks plan={plan} editable={editable} linkable={!isAbove} onSaved={setPlan} />}
      </section>
    </>
  );
}
