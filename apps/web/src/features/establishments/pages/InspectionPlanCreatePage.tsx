import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { INSPECTION_KINDS, ZInspectionPlanRequest, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { missingField, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { createInspectionPlan } from '../api';
import { EstablishmentChooser, type ChosenEstablishment } from '../components/EstablishmentChooser';

/** A new inspection plan: kind, title, dates, the team (names and agencies of the officials) and the establishments. */
export function InspectionPlanCreatePage() {
  const { t, field, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const [unit, setUnit] = useState<TUnitRef | null>(me.unit);
  const [kind, setKind] = useState('periodic');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [team, setTeam] = useState([{ name: me.fullName, agency: me.agency ?? '' }]);
  const [chosen, setChosen] = useState<ChosenEstablishment[]>([]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!unit) errors.push(missingField('unitId'));
      const input = parseInput(
        ZInspectionPlanRequest,
        {
          unitId: unit?.id,
          kind,
          title,
          team: team.filter((m) => m.name.trim() || m.agency.trim()),
          startsOn: readDate(startsOn, 'startsOn', errors),
          endsOn: readDate(endsOn, 'endsOn', errors),
          establishmentIds: chosen.map((c) => c.id),
        },
        errors,
      );
      const created = await createInspectionPlan(input);
      navigate(`/establishments/plans/${created.id}`, { state: { created: true } });
    });
  };

  const setMember = (n: number, key: 'name' | 'agency', value: string) => setTeam((list) => list.map((m, i) => (i === n ? { ...m, [key]: value } : m)));

  return (
    <>
      <PageHeader title={t('iplan.create.title')} subtitle={t('iplan.create.intro')} />
      <form onSubmit={onSubmit} noValidate className="form form-wide">
        <FormErrors failure={form.failure} />
        <fieldset>
          <legend>{t('iplan.group.plan')}</legend>
          <SelectField name="kind" label={field('kind')} value={kind} onChange={(e) => setKind(e.target.value)} error={form.errors.kind} required>
            {Object.entries(INSPECTION_KINDS).map(([code, label]) => (
              <option key={code} value={code}>
                {label[locale]}
              </option>
            ))}
          </SelectField>
          <TextField name="title" label={t('iplan.titleLabel')} hint={t('iplan.titleHint')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} required />
          <UnitPicker name="unitId" label={field('unitId')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
          <div className="field-row">
            <DateField name="startsOn" label={field('startsOn')} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} required />
            <DateField name="endsOn" label={field('endsOn')} value={endsOn} onChange={setEndsOn} error={form.errors.endsOn} required />
          </div>
        </fieldset>

        <fieldset>
          <legend>{field('team')}</legend>
          {form.errors.team && <p className="field-error">{form.errors.team}</p>}
          <ol className="team-list">
            {team.map((m, n) => (
              <li key={n}>
                <div className="field-row">
                  <TextField name={`team.${n}.name`} label={t('iplan.member.name', { n: n + 1 })} value={m.name} onChange={(e) => setMember(n, 'name', e.target.value)} error={form.errors[`team.${n}.name`]} required />
                  <TextField name={`team.${n}.agency`} label={t('iplan.member.agency', { n: n + 1 })} hint={n === 0 ? t('iplan.member.agencyHint') : undefined} value={m.agency} onChange={(e) => setMember(n, 'agency', e.target.value)} error={form.errors[`team.${n}.agency`]} required />
                </div>
                {team.length > 1 && (
                  <button type="button" className="button button-small" onClick={() => setTeam((list) => list.filter((_, i) => i !== n))}>
                    {t('iplan.member.remove', { n: n + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button type="button" className="button" onClick={() => setTeam((list) => [...list, { name: '', agency: '' }])}>
            {t('iplan.member.add')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{field('establishmentIds')}</legend>
          <EstablishmentChooser unitId={unit?.id} chosen={chosen} onChange={setChosen} error={form.errors.establishmentIds} />
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('iplan.create.submit')}
          </button>
          <Link className="button" to="/establishments/plans">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
