import { Link, useLocation, useParams } from 'react-router';
import { formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchInspectionPlan } from '../api';
import { KindLabel } from '../components/Bits';
import { canEditEstablishments } from '../permissions';

/** One inspection plan: its team, its dates and which of its establishments have been inspected. */
export function InspectionPlanPage() {
  const { t } = useI18n();
  const me = useMe();
  const id = Number(useParams().id);
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const plan = useResource((signal) => fetchInspectionPlan(id, signal), [id]);
  if (plan.error) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const done = p.establishments.filter((e) => e.inspected).length;
  const editor = canEditEstablishments(me.role);
  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('est.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/establishments/plans">{t('iplan.title')}</Link>
              </li>
              <li aria-current="page">{p.title}</li>
            </ol>
          </nav>
        }
        title={p.title}
        subtitle={
          <>
            <KindLabel kind={p.kind} /> · {t('iplan.dates', { from: formatDateVi(p.startsOn), to: formatDateVi(p.endsOn) })}
          </>
        }
      />
      {created && <SuccessNotice>{t('iplan.notice.created')}</SuccessNotice>}

      <section className="section" aria-labelledby="team-heading">
        <h2 id="team-heading">{t('iplan.team')}</h2>
        <ul className="unit-list">
          {p.team.map((m, i) => (
            <li key={i}>
              <strong>{m.name}</strong> <span className="muted">{m.agency}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t('iplan.targets')}</h2>
        <p role="status">{t('iplan.progress', { done, total: p.establishments.length })}</p>
        {p.establishments.length > 0 && (
          <div className="progress" aria-hidden="true">
            <span className="progress-fill" style={{ width: `${Math.round((100 * done) / p.establishments.length)}%` }} />
          </div>
        )}
        {p.establishments.length === 0 ? (
          <p className="muted">{t('iplan.noTargets')}</p>
        ) : (
          <ul className="item-list" aria-label={t('iplan.targets')}>
            {p.establishments.map((e) => (
              <li key={e.id} className="item">
                <div className="item-main">
                  <Link className="item-title" to={`/establishments/${e.id}?tab=inspections`}>
                    {e.name}
                  </Link>
                </div>
                <div className="item-actions">
                  {e.inspected ? <span className="tag tag-current">{t('iplan.inspected')}</span> : <span className="tag tag-warning">{t('iplan.notInspected')}</span>}
                  {editor && !e.inspected && (
                    <Link className="button button-small" to={`/establishments/${e.id}/inspections/new?plan=${p.id}`} aria-label={t('iplan.recordFor', { name: e.name })}>
                      {t('insp.record.title')}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
