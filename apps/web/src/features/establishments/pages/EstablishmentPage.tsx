import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { formatDateVi, formatNumberVi, type TEstablishment } from '@pcmd/contracts';
import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchEstablishment, fetchHistory, fetchInspectionsOf } from '../api';
import { LastInspection, RiskBadge, StatusTag, formatCoordinate } from '../components/Bits';
import { HistoryList } from '../components/HistoryList';
import { InspectionList } from '../components/InspectionList';
import { canEditEstablishments } from '../permissions';
import type { EstablishmentNotice } from './EstablishmentCreatePage';

const TABS = ['info', 'inspections', 'history'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, MessageKey> = { info: 'est.tab.info', inspections: 'est.tab.inspections', history: 'est.tab.history' };

/** One establishment: its registry record, its inspections (violations, sanctions, follow-up) and its history of changes. */
export function EstablishmentPage() {
  const { t } = useI18n();
  const me = useMe();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: EstablishmentNotice } | null)?.notice;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'info';
  const est = useResource((signal) => fetchEstablishment(id, signal), [id]);
  const inspections = useResource((signal) => fetchInspectionsOf(id, signal), [id]);
  const history = useResource((signal) => (tab === 'history' ? fetchHistory(id, signal) : Promise.resolve(null)), [id, tab]);

  if (est.error) return <ErrorNotice error={est.error} onRetry={est.reload} />;
  if (!est.data || est.data.id !== id) return <Loading />;
  const e = est.data;
  const editor = canEditEstablishments(me.role);
  const count = inspections.data?.items.length;

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('est.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/establishments">{t('est.title')}</Link>
              </li>
              <li aria-current="page">{e.name}</li>
            </ol>
          </nav>
        }
        title={e.name}
        subtitle={
          <>
            {e.typeName} · {e.unit.name} <RiskBadge level={e.riskLevel} /> <StatusTag status={e.status} />
          </>
        }
        actions={
          editor && (
            <>
              <Link className="button" to={`/establishments/${e.id}/edit`}>
                {t('est.edit.title')}
              </Link>
              <Link className="button button-primary" to={`/establishments/${e.id}/inspections/new`}>
                {t('insp.record.title')}
              </Link>
            </>
          )
        }
      />
      {notice === 'created' && <SuccessNotice>{t('est.notice.created')}</SuccessNotice>}
      {notice === 'updated' && <SuccessNotice>{t('est.notice.updated')}</SuccessNotice>}
      {notice === 'inspected' && <SuccessNotice>{t('est.notice.inspected')}</SuccessNotice>}

      <nav className="tabs" aria-label={t('est.tabs')}>
        <ul>
          {TABS.map((key) => (
            <li key={key}>
              <Link to={{ search: key === 'info' ? '' : `?tab=${key}` }} replace aria-current={tab === key ? 'page' : undefined}>
                {t(TAB_KEYS[key])}
                {key === 'inspections' && count !== undefined && (
                  <>
                    {' '}
                    <span className="badge">{count}</span>
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
        {tab === 'info' && <Details e={e} lastInspected={inspections.data ? (inspections.data.items[0]?.inspectedOn ?? null) : undefined} />}
        {tab === 'inspections' && (
          <>
            {inspections.error && <ErrorNotice error={inspections.error} onRetry={inspections.reload} />}
            {!inspections.data && !inspections.error && <Loading />}
            {inspections.data && <InspectionList items={inspections.data.items} editable={editor} onChanged={inspections.reload} />}
          </>
        )}
        {tab === 'history' && (
          <>
            {history.error && <ErrorNotice error={history.error} onRetry={history.reload} />}
            {!history.data && !history.error && <Loading />}
            {history.data && <HistoryList items={history.data.items} />}
          </>
        )}
      </section>
    </>
  );
}

function Details({ e, lastInspected }: { e: TEstablishment; lastInspected: string | null | undefined }) {
  const { t, field } = useI18n();
  const none = <span className="muted">—</span>;
  const text = (v: string | null) => (v ? v : none);
  const date = (v: string | null) => (v ? formatDateVi(v) : none);
  const coords =
    e.latitude !== null && e.longitude !== null ? (
      <>
        {formatCoordinate(e.latitude)}; {formatCoordinate(e.longitude)}{' '}
        <Link to={`/establishments/map?focus=${e.id}`} className="small">
          {t('est.showOnMap')}
        </Link>
      </>
    ) : (
      <span className="muted">{t('est.noCoords')}</span>
    );
  const group = (title: string, rows: [string, ReactNode][]) => (
    <div className="card">
      <h3 className="card-heading">{title}</h3>
      <dl className="pairs">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
  return (
    <div className="detail-groups">
      {group(t('est.group.identity'), [
        [field('name'), e.name],
        [field('typeCode'), e.typeName],
        [field('unitId'), e.unit.name],
        [field('address'), e.address],
        [t('est.coordinates'), coords],
        [field('staffCount'), e.staffCount === null ? none : formatNumberVi(e.staffCount)],
      ])}
      {group(t('est.group.licence'), [
        [field('registrationNo'), text(e.registrationNo)],
        [field('licenceNo'), text(e.licenceNo)],
        [field('licenceIssuer'), text(e.licenceIssuer)],
        [field('licenceExpiry'), date(e.licenceExpiry)],
      ])}
      {group(t('est.group.representative'), [
        [field('representativeName'), text(e.representativeName)],
        [field('representativeIdNo'), text(e.representativeIdNo)],
        [field('representativePhone'), text(e.representativePhone)],
      ])}
      {group(t('est.group.status'), [
        [field('status'), <StatusTag key="s" status={e.status} />],
        [field('openedOn'), date(e.openedOn)],
        [field('closedOn'), date(e.closedOn)],
        [t('est.lastInspection'), <LastInspection key="l" date={lastInspected} />],
      ])}
      {group(t('est.group.review'), [
        [field('riskLevel'), <RiskBadge key="r" level={e.riskLevel} />],
        [field('riskReason'), text(e.riskReason)],
        [field('classifiedOn'), date(e.classifiedOn)],
        [field('commitmentSignedOn'), e.commitmentSignedOn ? formatDateVi(e.commitmentSignedOn) : <span className="tag tag-warning">{t('est.noCommitment')}</span>],
      ])}
    </div>
  );
}
