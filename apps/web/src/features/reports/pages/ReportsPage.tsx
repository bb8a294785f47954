import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { UNIT_TYPES, formatDateVi, type TPlanSummary } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { missingField, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchPlans } from '../../plans/api';
import { planYears, usePeriodLabel } from '../../plans/periods';
import { ApiError } from '../../../lib/api-client';
import { createReport, fetchReminders, fetchReports } from '../api';
import { ReportStatus } from '../components/ReportBits';
import { canDraftReports } from '../permissions';

/** The reports of the user's area, the ones due soon, and the form that starts a new one. */
export function ReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const label = usePeriodLabel();
  const reports = useResource((signal) => fetchReports(signal), []);
  const reminders = useResource((signal) => fetchReminders(signal), []);
  const upper = UNIT_TYPES[me.unit.type].level < 3;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.intro')}
        actions={
          upper && (
            <Link className="button" to="/reports/overview">
              {t('reports.overview')}
            </Link>
          )
        }
      />
      {reminders.data?.items.map((r) => (
        <p key={`${r.planId}-${r.periodKey}`} className={r.daysLeft < 0 ? 'notice notice-error' : 'notice notice-warning'} role="status">
          {r.daysLeft < 0
            ? t('reports.reminderLate', { period: label(r.periodKey), due: formatDateVi(r.dueOn), days: -r.daysLeft })
            : t('reports.reminder', { period: label(r.periodKey), due: formatDateVi(r.dueOn), days: r.daysLeft })}{' '}
          {r.reportId && <Link to={`/reports/${r.reportId}`}>{t('reports.open')}</Link>}
        </p>
      ))}
      {canDraftReports(me.role) && <NewReportForm upper={upper} />}
      <section className="section" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('reports.list')}</h2>
        {reports.error && <ErrorNotice error={reports.error} onRetry={reports.reload} />}
        {reports.loading && !reports.data && <Loading />}
        {reports.data?.items.length === 0 && <p>{t('reports.none')}</p>}
        <ul className="item-list">
          {reports.data?.items.map((r) => (
            <li key={r.id} className="item">
              <div className="item-main">
                <Link className="item-title" to={`/reports/${r.id}`}>
                  {r.kind === 'consolidated' ? t('reports.consolidatedOf', { period: label(r.periodKey) }) : t('reports.of', { period: label(r.periodKey) })} · {r.unit.name}
                </Link>
                <p className="item-meta muted small">
                  {r.plan.numberSymbol ?? t('reports.planDraft')} · {r.plan.subject} · {t('reports.due', { date: formatDateVi(r.dueOn) })}
                </p>
              </div>
              <div className="item-actions">
                <ReportStatus status={r.status} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The unit's own plans (and, above the commune, a consolidated report of a plan its units derived from). */
function NewReportForm({ upper }: { upper: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const label = usePeriodLabel();
  const form = useSubmit();
  const plans = useResource((signal) => fetchPlans(signal), []);
  const own = (plans.data?.items ?? []).filter((p) => p.unitId === me.unit.id);
  const [planId, setPlanId] = useState('');
  const [periodKey, setPeriodKey] = useState('');
  const plan: TPlanSummary | undefined = own.find((p) => String(p.id) === planId) ?? (own.length === 1 ? own[0] : undefined);
  const periods = plan ? planYears(plan).flatMap((y) => [`${y}H1`, String(y)]) : [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const missing = [...(plan ? [] : [missingField('planId')]), ...(periodKey ? [] : [missingField('periodKey')])];
      if (missing.length) throw new ApiError(400, 'VALIDATION_FAILED', t('reports.chooseBoth'), missing);
      const report = await createReport({ planId: plan!.id, periodKey, kind: upper ? 'consolidated' : 'unit' });
      navigate(`/reports/${report.id}`);
    });
  };

  if (plans.data && own.length === 0) return <p className="notice notice-info">{t('reports.noOwnPlan')}</p>;
  return (
    <section className="section" aria-labelledby="new-report-heading">
      <h2 id="new-report-heading">{upper ? t('reports.newConsolidated') : t('reports.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <SelectField name="planId" label={t('reports.plan')} value={plan ? String(plan.id) : planId} onChange={(e) => setPlanId(e.target.value)} error={form.errors.planId} required>
          <option value="">{t('form.choose')}</option>
          {own.map((p) => (
            <option key={p.id} value={p.id}>
              {p.numberSymbol ?? t('reports.planDraft')} – {p.subject}
            </option>
          ))}
        </SelectField>
        <SelectField name="periodKey" label={t('reports.period')} value={periodKey} onChange={(e) => setPeriodKey(e.target.value)} error={form.errors.periodKey} required>
          <option value="">{t('form.choose')}</option>
          {periods.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('reports.build')}
          </button>
        </div>
      </form>
    </section>
  );
}
