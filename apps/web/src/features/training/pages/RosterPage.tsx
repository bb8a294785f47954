import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ROSTER_KINDS, ROSTER_KIND_CODES, ZCreateRosterPersonRequest, formatDateVi, formatNumberVi, type TFieldError, type TRosterKind, type TRosterPerson, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { CheckboxField, DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, nextDay, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { labelOf } from '../../outreach/components/OutreachBits';
import { presetUnit } from '../../outreach/draft';
import { vnToday } from '../../outreach/periods';
import { canEditTraining } from '../../outreach/permissions';
import { addPerson, fetchPeople, updatePerson } from '../api';
import { TrainingNav } from '../components/TrainingNav';

const PAGE_SIZE = 50;

/**
 * "Đội ngũ": the people who do this work in the area (officials, police, health and social workers, teachers,
 * collaborators), the denominator of "share of staff trained", with when each was last trained.
 */
export function RosterPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = kindParam && ROSTER_KIND_CODES.includes(kindParam as TRosterKind) ? (kindParam as TRosterKind) : undefined;
  const everyone = params.get('all') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const people = useResource((signal) => fetchPeople({ kind, current: everyone ? 'false' : 'true', page, pageSize: PAGE_SIZE }, signal), [kind, everyone, page]);
  const [added, setAdded] = useState<TRosterPerson | null>(null);
  const canEdit = canEditTraining(me.role);

  const show = (change: (p: URLSearchParams) => void) => {
    const p = new URLSearchParams(params);
    p.delete('page');
    change(p);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('training.title')} subtitle={t('training.roster.intro')} />
      <TrainingNav />
      {added && (
        <SuccessNotice>
          <p>{t('training.roster.added', { name: added.fullName })}</p>
        </SuccessNotice>
      )}
      <div className="filters filters-inline">
        <SelectField name="filterKind" label={t('training.kind')} value={kind ?? ''} onChange={(e) => show((p) => (e.target.value ? p.set('kind', e.target.value) : p.delete('kind')))}>
          <option value="">{t('common.all')}</option>
          {ROSTER_KIND_CODES.map((k) => (
            <option key={k} value={k}>
              {ROSTER_KINDS[k][locale]}
            </option>
          ))}
        </SelectField>
        <CheckboxField name="filterAll" label={t('training.roster.everyone')} checked={everyone} onChange={(e) => show((p) => (e.target.checked ? p.set('all', '1') : p.delete('all')))} />
      </div>
      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {people.loading && !people.data && <Loading />}
      {people.data && (
        <>
          <p className="muted" role="status">
            {t('training.roster.count', { count: formatNumberVi(people.data.total) })}
          </p>
          {people.data.items.length === 0 && <p>{t('training.roster.none')}</p>}
          <ul className="item-list">
            {people.data.items.map((p) => (
              <PersonItem key={p.id} person={p} canEdit={canEdit} onChanged={people.reload} />
            ))}
          </ul>
          <Pager page={people.data.page} pageSize={people.data.pageSize} total={people.data.total} onPage={(n) => setParams((p) => (p.set('page', String(n)), p))} />
        </>
      )}
      {canEdit && (
        <PersonForm
          onAdded={(p) => {
            setAdded(p);
            people.reload();
          }}
        />
      )}
    </>
  );
}

function PersonItem({ person: p, canEdit, onChanged }: { person: TRosterPerson; canEdit: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const action = useSubmit();
  const today = vnToday();
  const onRoster = !p.leftOn || p.leftOn > today;
  const leave = () => {
    if (!window.confirm(t('training.roster.leaveConfirm', { name: p.fullName }))) return;
    // Off the roster from today; the server needs the day after the start, so someone added today leaves tomorrow.
    void action.run(async () => {
      await updatePerson(p.id, { leftOn: today > p.joinedOn ? today : nextDay(p.joinedOn) });
      onChanged();
    });
  };
  return (
    <li className="item" data-testid="person">
      <div className="item-main">
        <p className="item-title">{p.fullName}</p>
        <p className="item-meta">
          <span className="item-facts">
            <span>{labelOf(ROSTER_KINDS, p.kind, locale)}</span>
            <span>
              {p.agency}
              {p.position && ` – ${p.position}`}
            </span>
          </span>
        </p>
        <p className="item-meta muted small">
          {p.unit.name} · {t('training.roster.since', { date: formatDateVi(p.joinedOn) })}
          {p.leftOn && ` · ${t('training.roster.left', { date: formatDateVi(p.leftOn) })}`}
        </p>
        {action.failure && <p className="field-error">{action.failure.message}</p>}
      </div>
      <div className="item-actions">
        {p.lastTrainedOn ? (
          <span className="tag tag-current">{t('training.roster.trained', { date: formatDateVi(p.lastTrainedOn), count: p.coursesCompleted })}</span>
        ) : (
          <span className="tag tag-warning">{t('training.roster.untrained')}</span>
        )}
        {canEdit && onRoster && (
          <button type="button" className="button button-small" disabled={action.busy} onClick={leave}>
            {t('training.roster.leave')}
          </button>
        )}
      </div>
    </li>
  );
}

function PersonForm({ onAdded }: { onAdded: (p: TRosterPerson) => void }) {
  const { t, field, locale } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const blank = () => ({ unit: presetUnit(me) as TUnitRef | null, fullName: '', kind: '', agency: '', position: '', joinedOn: formatDateVi(vnToday()) });
  const [d, setD] = useState(blank);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, value: ReturnType<typeof blank>[K]) => setD({ ...d, [key]: value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = d.unit ? [] : [missingField('unitId')];
      const input = parseInput(
        ZCreateRosterPersonRequest,
        { unitId: d.unit?.id, fullName: d.fullName, kind: d.kind || undefined, agency: d.agency, position: d.position, joinedOn: readDate(d.joinedOn, 'joinedOn', errors) },
        errors,
      );
      onAdded(await addPerson(input));
      // The next person is often of the same unit, kind and agency.
      setD({ ...blank(), unit: d.unit, kind: d.kind, agency: d.agency });
    });
  };

  return (
    <section className="section" aria-labelledby="person-new">
      <h2 id="person-new">{t('training.roster.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <TextField name="fullName" label={field('fullName')} autoComplete="off" value={d.fullName} onChange={(e) => set('fullName', e.target.value)} error={form.errors.fullName} required />
        <SelectField name="kind" label={t('training.kind')} value={d.kind} onChange={(e) => set('kind', e.target.value)} error={form.errors.kind} required>
          <option value="">{t('form.choose')}</option>
          {ROSTER_KIND_CODES.map((k) => (
            <option key={k} value={k}>
              {ROSTER_KINDS[k][locale]}
            </option>
          ))}
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} value={d.unit} onChange={(u) => set('unit', u)} error={form.errors.unitId} required />
        <TextField name="agency" label={field('agency')} hint={t('training.roster.agencyHint')} value={d.agency} onChange={(e) => set('agency', e.target.value)} error={form.errors.agency} required />
        <TextField name="position" label={field('position')} value={d.position} onChange={(e) => set('position', e.target.value)} error={form.errors.position} />
        <DateField name="joinedOn" label={field('joinedOn')} value={d.joinedOn} onChange={(v) => set('joinedOn', v)} error={form.errors.joinedOn} required />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('training.roster.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
