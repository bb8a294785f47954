import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZMergeUnitsRequest, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { mergeUnits } from '../api';
import { UnitPicker } from '../components/UnitPicker';
import { UnitTypeLabel, UnitTypeOptions } from '../components/UnitBits';
import type { UnitNotice } from './UnitDetailPage';

/** Records that several units became one new unit on a date (their villages and groups move to it). */
export function UnitMergePage() {
  const { t, field } = useI18n();
  const navigate = useNavigate();
  const form = useSubmit();
  const [merged, setMerged] = useState<TUnitRef[]>([]);
  const [effectiveDate, setEffectiveDate] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [parent, setParent] = useState<TUnitRef | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const input = parseInput(
        ZMergeUnitsRequest,
        {
          predecessorIds: merged.map((u) => u.id),
          effectiveDate: readDate(effectiveDate, 'effectiveDate', errors),
          successor: { code, name, type: type || undefined, parentId: parent?.id },
        },
        errors,
      );
      const created = await mergeUnits(input);
      navigate(`/units/${created.id}`, { state: { notice: 'merged' satisfies UnitNotice } });
    });
  };

  return (
    <>
      <PageHeader title={t('units.merge.title')} subtitle={t('units.merge.intro')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <fieldset>
          <legend>{field('predecessorIds')}</legend>
          {merged.length > 0 && (
            <ul className="chosen-list" aria-label={t('units.merge.chosen')}>
              {merged.map((u) => (
                <li key={u.id}>
                  <span>
                    {u.name}{' '}
                    <span className="muted small">
                      (<UnitTypeLabel type={u.type} /> · {u.code})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('units.merge.remove', { name: u.name })}
                    onClick={() => setMerged((list) => list.filter((x) => x.id !== u.id))}
                  >
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <UnitPicker
            name="predecessorIds"
            label={t('units.merge.add')}
            hint={t('units.merge.addHint')}
            value={null}
            onChange={(u) => u && setMerged((list) => (list.some((x) => x.id === u.id) ? list : [...list, u]))}
            exclude={merged.map((u) => u.id)}
            error={form.errors.predecessorIds}
          />
        </fieldset>
        <DateField name="effectiveDate" label={field('effectiveDate')} value={effectiveDate} onChange={setEffectiveDate} error={form.errors.effectiveDate} required />
        <fieldset>
          <legend>{field('successor')}</legend>
          <TextField name="successor.code" label={field('code')} value={code} onChange={(e) => setCode(e.target.value)} error={form.errors['successor.code']} required />
          <TextField name="successor.name" label={field('name')} value={name} onChange={(e) => setName(e.target.value)} error={form.errors['successor.name']} required />
          <SelectField name="successor.type" label={field('type')} value={type} onChange={(e) => setType(e.target.value)} error={form.errors['successor.type']} required>
            <UnitTypeOptions />
          </SelectField>
          <UnitPicker name="successor.parentId" label={field('parentId')} value={parent} onChange={setParent} error={form.errors['successor.parentId']} required />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('units.merge.submit')}
          </button>
          <Link className="button" to="/units">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
