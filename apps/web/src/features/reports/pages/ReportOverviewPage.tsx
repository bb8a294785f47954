import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTimeVi, formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { toApiError, type ApiError } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchPlans } from '../../plans/api';
import { planYears, usePeriodLabel } from '../../plans/periods';
import { createReport, fetchOverview } from '../api';
import { Timeliness } from '../components/ReportBits';
import { canDraftReports } from '../permissions';

/** For a province (or former district): who has reported for a period, on time or late, and the consolidated report. */
export function ReportOverviewPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const label = usePeriodLabel();
  const [params, setParams] = useSearchParams();
  const plans = useResource((signal) => fetchPlans(signal), []);
  const own = (plans.data?.items ?? []).filter((p) => p.unitId === me.unit.id);
  const planId = Number(params.get('planId')) || own[0]?.id;
  const plan = own.find((p) => p.id === planId);
  const periodKey = params.get('periodKey') ?? (plan ? `${Math.min(Math.max(new Date().getFullYear(), plan.periodFromYear), plan.periodToYear)}H1` : '');
  const overview = useResource((signal) => (planId && periodKey ? fetchOverview(planId, periodKey, signal) : Promise.resolve(null)), [planId, periodKey]);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const consolidate = () =>
    createReport({ planId: planId!, periodKey, kind: 'consolidated' }).then(
      (r) => navigate(`/reports/${r.id}`),
      (err: unknown) => setFailure(toApiError(err)),
    );

  return (
    <>
      <PageHeader title={t('reports.overview')} subtitle={t('reports.overviewIntro')} />
      {plans.loading && !plans.data && <Loading />}
      {plans.data && own.length === 0 && <p>{t('reports.noOwnPlan')}</p>}
      {plan && (
        <div className="filters filters-inline">
          <SelectField name="planId" label={t('reports.plan')} value={String(planId)} onChange={(e) => setParams({ planId: e.target.value, periodKey }, { replace: true })}>
            {own.map((p) => (
              <option key={p.id} value={p.id}>
                {p.numberSymbol ?? t('reports.planDraft')} – {p.subject}
              </option>
            ))}
          </SelectField>
          <SelectField name="periodKey" label={t('reports.period')} value={periodKey} onChange={(e) => setParams({ planId: String(planId), periodKey: e.target.value }, { replace: true })}>
            {planYears(plan).flatMap((y) => [`${y}H1`, String(y)]).map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {overview.error && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      {failure && <ErrorNotice error={failure} />}
      {overview.data && (
        <>
          <p className="muted" role="status">
            {t('reports.overviewCount', {
              due: formatDateVi(overview.data.dueOn),
              sent: overview.data.units.filter((u) => u.timeliness === 'on_time' || u.timeliness === 'late').length,
              total: overview.data.units.length,
            })}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('reports.overview')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('reports.state')}</th>
                  <th scope="col">{t('reports.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.data.units.map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row">{u.reportId ? <Link to={`/reports/${u.reportId}`}>{u.unitName}</Link> : u.unitName}</th>
                    <td>
                      <Timeliness value={u.timeliness} />
                      {u.daysLeft !== null && (
                        <span className="muted small"> {u.daysLeft >= 0 ? t('reports.daysLeft', { days: u.daysLeft }) : t('reports.daysLate', { days: -u.daysLeft })}</span>
                      )}
                    </td>
                    <td>{u.sentAt ? formatDateTimeVi(u.sentAt) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {overview.data.consolidatedReportId ? (
              <Link className="button button-primary" to={`/reports/${overview.data.consolidatedReportId}`}>
                {t('reports.openConsolidated')}
              </Link>
            ) : (
              canDraftReports(me.role) && (
                <button type="button" className="button button-primary" onClick={() => void consolidate()}>
                  {t('reports.buildConsolidated')}
                </button>
              )
            )}
          </p>
        </>
      )}
    </>
  );
}
