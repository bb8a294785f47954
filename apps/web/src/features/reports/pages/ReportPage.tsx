import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { COMPARATORS, REPORT_SECTIONS, UNIT_TYPES, ZApproveReportRequest, ZReportNarrative, ZReturnReportRequest, formatDateTimeVi, formatDateVi, formatNumberVi, type TReport, type TReportIndicatorRow, type TReportSection } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { parseInput, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { usePeriodLabel } from '../../plans/periods';
import { annexUrl, approveReport, dhis2Url, documentUrl, fetchReport, receiveReport, returnReport, submitReport, updateReport } from '../api';
import { ReportStatus } from '../components/ReportBits';
import { canDraftReports, canReceiveReports, canSignReports } from '../permissions';

const SMALL = '<5';
const STATUS_KEYS: Record<TReportIndicatorRow['status'], MessageKey> = { met: 'reports.met', behind: 'reports.behind', no_data: 'reports.noData', no_target: 'reports.noTarget' };

export function ReportPage() {
  const { id } = useParams();
  const reportId = Number(id);
  const report = useResource((signal) => fetchReport(reportId, signal), [reportId]);
  if (report.error) return <ErrorNotice error={report.error} onRetry={report.reload} />;
  if (!report.data || report.data.id !== reportId) return <Loading />;
  return <ReportView key={report.data.id} initial={report.data} />;
}

function ReportView({ initial }: { initial: TReport }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const label = usePeriodLabel();
  const [report, setReport] = useState(initial);
  const own = me.unit.id === report.unit.id;
  const editable = (report.status === 'draft' || report.status === 'returned') && canDraftReports(me.role) && own;
  const percent = (row: TReportIndicatorRow) => row.shape !== 'manual';
  const figure = (n: number | null, hidden: boolean) => (n === null ? (hidden ? SMALL : '–') : formatNumberVi(n));
  const value = (row: TReportIndicatorRow) =>
    row.value === null ? (row.sensitive && report.smallCountsHidden && row.status !== 'no_data' ? SMALL : '–') : `${formatNumberVi(row.value)}${percent(row) ? '%' : ''}`;
  const target = (row: TReportIndicatorRow) =>
    row.target === null ? '–' : `${row.comparator === 'gt' || row.comparator === 'lte' ? `${COMPARATORS[row.comparator as 'gt' | 'lte'][locale]} ` : ''}${formatNumberVi(row.target)}${percent(row) ? '%' : ''}`;
  const sections = (Object.keys(REPORT_SECTIONS) as TReportSection[]).filter((s) => report.content.statistics.some((x) => x.section === s));

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('reports.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/reports">{t('reports.title')}</Link>
              </li>
            </ol>
          </nav>
        }
        title={`${report.kind === 'consolidated' ? t('reports.consolidatedOf', { period: label(report.periodKey) }) : t('reports.of', { period: label(report.periodKey) })} · ${report.unit.name}`}
        subtitle={<ReportStatus status={report.status} />}
        actions={
          <>
            <a className="button" href={documentUrl(report.id)} download>
              {t('reports.word')}
            </a>
            <a className="button" href={annexUrl(report.id)} download>
              {t('reports.excel')}
            </a>
            {report.frozen && (
              <a className="button button-quiet" href={dhis2Url(report.id)} download={`dhis2-${report.periodKey}.json`}>
                DHIS2
              </a>
            )}
          </>
        }
      />
      <p className="facts-line">
        <span className="item-facts">
          <span>
            {t('reports.plan')}: {report.plan.numberSymbol ?? t('reports.planDraft')}
          </span>
          <span>{t('reports.due', { date: formatDateVi(report.dueOn) })}</span>
          {report.sentAt && <span>{t('reports.sentOn', { at: formatDateTimeVi(report.sentAt) })}</span>}
          <span>{report.frozen ? t('reports.frozen') : t('reports.live')}</span>
        </span>
      </p>
      {report.returnComment && (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">{t('reports.returnedWith')}</p>
          <p className="pre-line">{report.returnComment}</p>
        </div>
      )}
      {report.smallCountsHidden && <p className="muted small">{t('reports.smallCounts')}</p>}

      <section className="section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('reports.indicators')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reports.indicator')}</th>
                <th scope="col">{t('reports.target')}</th>
                <th scope="col">{t('reports.numerator')}</th>
                <th scope="col">{t('reports.denominator')}</th>
                <th scope="col">{t('reports.value')}</th>
                <th scope="col">{t('reports.assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {report.content.indicators.map((row) => (
                <tr key={row.indicatorId}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{target(row)}</td>
                  <td className="num">{figure(row.numerator, row.sensitive && report.smallCountsHidden)}</td>
                  <td className="num">{figure(row.denominator, row.sensitive && report.smallCountsHidden)}</td>
                  <td className="num">
                    <strong>{value(row)}</strong>
                  </td>
                  <td>
                    <span className={row.status === 'met' ? 'tag tag-current' : row.status === 'behind' ? 'tag tag-expired' : 'tag tag-muted'}>{t(STATUS_KEYS[row.status])}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {sections.map((section) => (
        <section key={section} className="section" aria-labelledby={`s-${section}`}>
          <h2 id={`s-${section}`}>{REPORT_SECTIONS[section][locale]}</h2>
          <div className="table-wrap">
            <table>
              <tbody>
                {report.content.statistics
                  .filter((s) => s.section === section)
                  .map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{s.label}</th>
                      <td className="num">{s.value === null ? SMALL : formatNumberVi(s.value)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      {report.content.tasks.length > 0 && (
        <section className="section" aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">{t('reports.tasks')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.agency')}</th>
                  <th scope="col">{t('reports.tasksTotal')}</th>
                  <th scope="col">{t('reports.tasksDone')}</th>
                  <th scope="col">{t('reports.tasksOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {report.content.tasks.map((row) => (
                  <tr key={row.agency}>
                    <th scope="row">{row.agency}</th>
                    <td className="num">{row.total}</td>
                    <td className="num">{row.done}</td>
                    <td className="num">{row.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {report.content.sources.length > 0 && (
        <p className="muted">
          {t('reports.sources', { count: report.content.sources.length })} {report.content.sources.map((s) => s.unitName).join(', ')}
        </p>
      )}

      {editable ? <NarrativeForm report={report} onSaved={setReport} /> : <NarrativeView report={report} />}
      <Workflow report={report} onDone={setReport} own={own} />
    </>
  );
}

function NarrativeView({ report }: { report: TReport }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">{t('reports.narrative')}</h2>
      <dl className="facts">
        <dt>{t('reports.results')}</dt>
        <dd className="pre-line">{report.narrative.results || '–'}</dd>
        <dt>{t('reports.limits')}</dt>
        <dd className="pre-line">{report.narrative.limits || '–'}</dd>
        <dt>{t('reports.proposals')}</dt>
        <dd className="pre-line">{report.narrative.proposals || '–'}</dd>
      </dl>
    </section>
  );
}

function NarrativeForm({ report, onSaved }: { report: TReport; onSaved: (r: TReport) => void }) {
  const { t } = useI18n();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const [numberSymbol, setNumberSymbol] = useState(report.numberSymbol ?? '');
  const [narrative, setNarrative] = useState(report.narrative);
  const set = (key: keyof typeof narrative) => (e: { target: { value: string } }) => setNarrative({ ...narrative, [key]: e.target.value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      onSaved(await updateReport(report.id, { numberSymbol: numberSymbol.trim() || null, narrative: parseInput(ZReportNarrative, narrative) }));
      setSaved(true);
    });
  };

  return (
    <section className="section" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">{t('reports.narrative')}</h2>
      <p className="muted">{t('reports.narrativeHint')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
        <TextField name="numberSymbol" label={t('reports.numberSymbol')} hint={t('reports.numberSymbolHint')} value={numberSymbol} onChange={(e) => setNumberSymbol(e.target.value)} error={form.errors.numberSymbol} />
        <TextAreaField name="narrative.results" label={t('reports.results')} rows={6} value={narrative.results} onChange={set('results')} error={form.errors['narrative.results']} />
        <TextAreaField name="narrative.limits" label={t('reports.limits')} rows={4} value={narrative.limits} onChange={set('limits')} error={form.errors['narrative.limits']} />
        <TextAreaField name="narrative.proposals" label={t('reports.proposals')} rows={4} value={narrative.proposals} onChange={set('proposals')} error={form.errors['narrative.proposals']} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('reports.saveNarrative')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The next step for this user: submit (focal point), sign (leader), receive or return (the level above). */
function Workflow({ report, onDone, own }: { report: TReport; onDone: (r: TReport) => void; own: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const [done, setDone] = useState<MessageKey | null>(null);
  const [signerName, setSignerName] = useState(me.fullName);
  const [signerTitle, setSignerTitle] = useState('CHỦ TỊCH');
  const [signingMode, setSigningMode] = useState<'TM' | 'KT'>('TM');
  const [comment, setComment] = useState('');
  const above = !own && UNIT_TYPES[me.unit.type].level < 3;
  const run = (message: MessageKey, action: () => Promise<TReport>) =>
    void form.run(async () => {
      setDone(null);
      onDone(await action());
      setDone(message);
    });

  const canSubmit = own && canDraftReports(me.role) && (report.status === 'draft' || report.status === 'returned');
  const canSign = own && canSignReports(me.role) && report.status === 'submitted';
  const canReceive = above && canReceiveReports(me.role) && (report.status === 'approved' || report.status === 'received');
  if (!canSubmit && !canSign && !canReceive && !done) return null;

  return (
    <section className="section" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t('reports.workflow')}</h2>
      <FormErrors failure={form.failure} />
      {done && <SuccessNotice>{t(done)}</SuccessNotice>}
      {canSubmit && (
        <>
          <p className="muted">{t('reports.submitHint')}</p>
          <button type="button" className="button button-primary" disabled={form.busy} onClick={() => run('reports.submitted', () => submitReport(report.id))}>
            {t('reports.submit')}
          </button>
        </>
      )}
      {canSign && (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run('reports.approved', () => approveReport(report.id, parseInput(ZApproveReportRequest, { signerName, signerTitle, signingMode })));
          }}
        >
          <TextField name="signerName" label={t('reports.signerName')} value={signerName} onChange={(e) => setSignerName(e.target.value)} error={form.errors.signerName} required />
          <TextField name="signerTitle" label={t('reports.signerTitle')} value={signerTitle} onChange={(e) => setSignerTitle(e.target.value)} error={form.errors.signerTitle} required />
          <SelectField name="signingMode" label={t('reports.signingMode')} value={signingMode} onChange={(e) => setSigningMode(e.target.value as 'TM' | 'KT')}>
            <option value="TM">{t('reports.signingTM')}</option>
            <option value="KT">{t('reports.signingKT')}</option>
          </SelectField>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('reports.approve')}
            </button>
          </div>
        </form>
      )}
      {canReceive && (
        <>
          {report.status === 'approved' && (
            <p>
              <button type="button" className="button button-primary" disabled={form.busy} onClick={() => run('reports.receivedDone', () => receiveReport(report.id))}>
                {t('reports.receive')}
              </button>
            </p>
          )}
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              run('reports.returnedDone', () => returnReport(report.id, parseInput(ZReturnReportRequest, { comment }).comment));
            }}
          >
            <TextAreaField name="comment" label={t('reports.returnComment')} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} error={form.errors.comment} required />
            <div className="form-actions">
              <button type="submit" className="button" disabled={form.busy}>
                {t('reports.return')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
