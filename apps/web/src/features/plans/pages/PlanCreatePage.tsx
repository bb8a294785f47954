import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZCreatePlanRequest, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { missingField, parseInput, readNumber, useSubmit } from '../../../lib/forms';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { createPlan } from '../api';
import { placeNameOf, type PlanNotice } from '../components/DerivePanel';

/**
 * A new plan from scratch (a plan of the level above is usually derived instead): the few fields the server needs,
 * then the plan page, where sections, indicators and tasks are added.
 */
export function PlanCreatePage() {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const year = new Date().getFullYear();
  const [unit, setUnit] = useState<TUnitRef | null>(me.unit);
  const [subject, setSubject] = useState('');
  const [placeName, setPlaceName] = useState(placeNameOf(me.unit.name));
  const [fromYear, setFromYear] = useState(String(year));
  const [toYear, setToYear] = useState(String(year));
  const [numberSymbol, setNumberSymbol] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!unit) errors.push(missingField('unitId'));
      const input = parseInput(
        ZCreatePlanRequest,
        {
          unitId: unit?.id,
          subject,
          placeName,
          periodFromYear: readNumber(fromYear, 'periodFromYear', field('periodFromYear'), errors),
          periodToYear: readNumber(toYear, 'periodToYear', field('periodToYear'), errors),
          numberSymbol: numberSymbol.trim() || null,
        },
        errors,
      );
      const created = await createPlan(input);
      navigate(`/plans/${created.id}`, { state: { notice: 'created' satisfies PlanNotice } });
    });
  };

  return (
    <>
      <PageHeader title={t('plans.create.title')} subtitle={t('plans.create.intro')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <UnitPicker
          name="unitId"
          label={field('unitId')}
          value={unit}
          onChange={(next) => {
            setUnit(next);
            if (next) setPlaceName(placeNameOf(next.name));
          }}
          error={form.errors.unitId}
          required
        />
        <TextAreaField name="subject" label={field('subject')} hint={t('plans.create.subjectHint')} rows={2} value={subject} onChange={(e) => setSubject(e.target.value)} error={form.errors.subject} required />
        <TextField name="placeName" label={field('placeName')} hint={t('plans.placeHint')} value={placeName} onChange={(e) => setPlaceName(e.target.value)} error={form.errors.placeName} required />
        <div className="field-row">
          <TextField name="periodFromYear" label={field('periodFromYear')} inputMode="numeric" maxLength={4} value={fromYear} onChange={(e) => setFromYear(e.target.value)} error={form.errors.periodFromYear} required />
          <TextField name="periodToYear" label={field('periodToYear')} inputMode="numeric" maxLength={4} value={toYear} onChange={(e) => setToYear(e.target.value)} error={form.errors.periodToYear} required />
        </div>
        <TextField name="numberSymbol" label={field('numberSymbol')} hint={t('plans.numberHint')} value={numberSymbol} onChange={(e) => setNumberSymbol(e.target.value)} error={form.errors.numberSymbol} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('plans.create.submit')}
          </button>
          <Link className="button" to="/plans">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
