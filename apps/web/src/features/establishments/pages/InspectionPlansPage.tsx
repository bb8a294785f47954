import { Link } from 'react-router';
import { formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchInspectionPlans } from '../api';
import { EstablishmentsNav, KindLabel } from '../components/Bits';
import { canEditEstablishments } from '../permissions';

/** Inspection plans of the area (periodic, thematic, surprise), latest first. */
export function InspectionPlansPage() {
  const { t } = useI18n();
  const me = useMe();
  const plans = useResource((signal) => fetchInspectionPlans(signal), []);
  const items = plans.data ? [...plans.data.items].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id) : [];
  return (
    <>
      <PageHeader
        title={t('iplan.title')}
        subtitle={t('iplan.intro')}
        actions={
          canEditEstablishments(me.role) && (
            <Link className="button button-primary" to="/establishments/plans/new">
              {t('iplan.create.title')}
            </Link>
          )
        }
      />
      <EstablishmentsNav />
      {plans.error && <ErrorNotice error={plans.error} onRetry={plans.reload} />}
      {plans.loading && <Loading />}
      {plans.data && items.length === 0 && <p className="muted">{t('iplan.none')}</p>}
      {items.length > 0 && (
        <ul className="item-list" aria-label={t('iplan.title')}>
          {items.map((p) => (
            <li key={p.id} className="item">
              <div className="item-main">
                <Link className="item-title" to={`/establishments/plans/${p.id}`}>
                  {p.title}
                </Link>
                <p className="item-meta">{t('iplan.dates', { from: formatDateVi(p.startsOn), to: formatDateVi(p.endsOn) })}</p>
              </div>
              <div className="item-actions">
                <span className="tag tag-info">
                  <KindLabel kind={p.kind} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
