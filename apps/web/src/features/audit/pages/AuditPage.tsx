import { useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, ZAuditQuery, formatDateTimeVi, type TAuditEntry, type TAuditQuery, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { UnitPicker } from '../../units/components/UnitPicker';
import { searchAudit } from '../api';
import { AuditChange } from '../components/AuditChange';

/** Entities written to the log so far; the field stays free text so later modules need no change here. */
const KNOWN_ENTITIES = ['unit', 'user', 'session', 'route'] as const;
const ENTITY_KEYS: Record<string, MessageKey> = {
  unit: 'audit.entity.unit',
  user: 'audit.entity.user',
  session: 'audit.entity.session',
  route: 'audit.entity.route',
  plan: 'audit.entity.plan',
  plan_sections: 'audit.entity.plan_sections',
  indicator: 'audit.entity.indicator',
  indicator_targets: 'audit.entity.indicator_targets',
  task: 'audit.entity.task',
  manual_measure: 'audit.entity.manual_measure',
  manual_value: 'audit.entity.manual_value',
  denominator: 'audit.entity.denominator',
  closed_period: 'audit.entity.closed_period',
  establishment: 'audit.entity.establishment',
  inspection: 'audit.entity.inspection',
  inspection_plan: 'audit.entity.inspection_plan',
  sanction: 'audit.entity.sanction',
  violation_type: 'audit.entity.violation_type',
  risk_weights: 'audit.entity.risk_weights',
  tip: 'audit.entity.tip',
  tip_reporter: 'audit.entity.tip_reporter',
  tip_deadline_rule: 'audit.entity.tip_deadline_rule',
  online_post: 'audit.entity.online_post',
  outreach_activity: 'audit.entity.outreach_activity',
  outreach_series: 'audit.entity.outreach_series',
  peer_group: 'audit.entity.peer_group',
  roster_person: 'audit.entity.roster_person',
  training_course: 'audit.entity.training_course',
  training_attendance: 'audit.entity.training_attendance',
  report: 'audit.entity.report',
  dhis2_mapping: 'audit.entity.dhis2_mapping',
};

const ZAuditFilters = ZAuditQuery.omit({ page: true, pageSize: true });
type Filters = Omit<TAuditQuery, 'page' | 'pageSize'>;

/** The read-only audit log of the user's area, newest first, with filters and paging. */
export function AuditPage() {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [applied, setApplied] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [userId, setUserId] = useState('');
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const log = useResource((signal) => searchAudit({ ...applied, page }, signal), [applied, page]);

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const filters = parseInput(
        ZAuditFilters,
        {
          userId: userId.trim() || undefined,
          unitId: unit?.id,
          entity: entity.trim() || undefined,
          action: action || undefined,
          from: readDate(from, 'from', errors),
          to: readDate(to, 'to', errors),
        },
        errors,
      );
      setApplied(filters);
      setPage(1);
    });
  };

  const entityLabel = (e: string) => (ENTITY_KEYS[e] ? t(ENTITY_KEYS[e]) : e);
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <form className="filters" onSubmit={onFilter} noValidate aria-label={t('audit.filters')}>
        <FormErrors failure={form.failure} />
        <TextField name="userId" label={t('audit.userId')} inputMode="numeric" value={userId} onChange={(e) => setUserId(e.target.value)} error={form.errors.userId} />
        <UnitPicker name="unitId" label={field('unitId')} value={unit} onChange={setUnit} error={form.errors.unitId} />
        <TextField name="entity" label={field('entity')} list="audit-entities" value={entity} onChange={(e) => setEntity(e.target.value)} error={form.errors.entity} />
        <datalist id="audit-entities">
          {KNOWN_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {entityLabel(e)}
            </option>
          ))}
        </datalist>
        <SelectField name="action" label={field('action')} value={action} onChange={(e) => setAction(e.target.value)} error={form.errors.action}>
          <option value="">{t('common.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.action.${a}`)}
            </option>
          ))}
        </SelectField>
        <DateField name="from" label={field('from')} value={from} onChange={setFrom} error={form.errors.from} />
        <DateField name="to" label={field('to')} value={to} onChange={setTo} error={form.errors.to} />
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
        </div>
      </form>

      {log.error && <ErrorNotice error={log.error} onRetry={log.reload} />}
      {log.loading && <Loading />}
      {log.data && log.data.items.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {log.data && log.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="audit-table">
              <caption className="sr-only">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{field('action')}</th>
                  <th scope="col">{field('entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((entry) => (
                  <Row key={entry.id} entry={entry} entityLabel={entityLabel} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}

function Row({ entry, entityLabel }: { entry: TAuditEntry; entityLabel: (e: string) => string }) {
  const { t } = useI18n();
  const known = (AUDIT_ACTIONS as readonly string[]).includes(entry.action);
  const hasChange = entry.before !== null || entry.after !== null || entry.detail !== null;
  return (
    <tr>
      <td className="nowrap">{formatDateTimeVi(entry.at)}</td>
      <td>
        {entry.actorUsername ?? <span className="muted">{t('audit.anonymous')}</span>}
        {entry.actorId !== null && entry.actorId > 0 && <span className="muted small"> #{entry.actorId}</span>}
      </td>
      <td>{known ? t(`audit.action.${entry.action as (typeof AUDIT_ACTIONS)[number]}`) : entry.action}</td>
      <td>
        {entityLabel(entry.entity)}
        {entry.entityId && <span className="muted small"> {entry.entityId}</span>}
      </td>
      <td>
        {hasChange ? (
          <details>
            <summary>{t('audit.showChanges')}</summary>
            <AuditChange before={entry.before} after={entry.after} detail={entry.detail} />
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
