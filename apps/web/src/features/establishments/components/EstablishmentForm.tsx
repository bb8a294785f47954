import { ESTABLISHMENT_STATUSES, ESTABLISHMENT_STATUS_LABELS, RISK_LABELS, RISK_LEVELS } from '@pcmd/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { DateField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/forms';
import { UnitPicker } from '../../units/components/UnitPicker';
import type { TEstablishmentType } from '../api';
import type { EstablishmentDraft, TextKey } from '../draft';

interface Props {
  draft: EstablishmentDraft;
  onChange: (next: EstablishmentDraft) => void;
  errors: FieldErrors;
  types: TEstablishmentType[];
}

/**
 * Every field of the registry, grouped as an official reads a registration: identity, licence, legal representative,
 * status and dates, review/classification and commitment. Only the establishment and its representative are recorded.
 */
export function EstablishmentFields({ draft, onChange, errors, types }: Props) {
  const { t, field, locale } = useI18n();
  const set = <K extends keyof EstablishmentDraft>(key: K, value: EstablishmentDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: TextKey, extra: { required?: boolean; hint?: ReactNode; inputMode?: 'numeric' | 'decimal' | 'tel'; autoComplete?: string } = {}) => (
    <TextField name={key} label={field(key)} value={draft[key]} onChange={(e) => set(key, e.target.value)} error={errors[key]} {...extra} />
  );
  const date = (key: TextKey, required = false) => (
    <DateField name={key} label={field(key)} value={draft[key]} onChange={(v) => set(key, v)} error={errors[key]} required={required} />
  );

  return (
    <>
      <fieldset>
        <legend>{t('est.group.identity')}</legend>
        {text('name', { required: true, hint: t('est.nameHint') })}
        <SelectField name="typeCode" label={field('typeCode')} value={draft.typeCode} onChange={(e) => set('typeCode', e.target.value)} error={errors.typeCode} required>
          <option value="">{t('form.choose')}</option>
          {types.map((ty) => (
            <option key={ty.code} value={ty.code}>
              {ty.name}
            </option>
          ))}
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} hint={t('est.unitHint')} value={draft.unit} onChange={(u) => set('unit', u)} error={errors.unitId} required />
        <TextAreaField name="address" label={field('address')} rows={2} value={draft.address} onChange={(e) => set('address', e.target.value)} error={errors.address} required />
        <div className="field-row">
          {text('latitude', { inputMode: 'decimal', hint: t('est.latitudeHint') })}
          {text('longitude', { inputMode: 'decimal', hint: t('est.longitudeHint') })}
        </div>
        {text('staffCount', { inputMode: 'numeric' })}
      </fieldset>

      <fieldset>
        <legend>{t('est.group.licence')}</legend>
        {text('registrationNo')}
        <div className="field-row">
          {text('licenceNo')}
          {date('licenceExpiry')}
        </div>
        {text('licenceIssuer')}
      </fieldset>

      <fieldset>
        <legend>{t('est.group.representative')}</legend>
        <p className="hint">{t('est.representativeIntro')}</p>
        {text('representativeName', { autoComplete: 'off' })}
        <div className="field-row">
          {text('representativeIdNo', { inputMode: 'numeric', autoComplete: 'off' })}
          {text('representativePhone', { inputMode: 'tel', autoComplete: 'off' })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('est.group.status')}</legend>
        <SelectField name="status" label={field('status')} value={draft.status} onChange={(e) => set('status', e.target.value as EstablishmentDraft['status'])} error={errors.status} required>
          {ESTABLISHMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ESTABLISHMENT_STATUS_LABELS[s][locale]}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          {date('openedOn', true)}
          {date('closedOn')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('est.group.review')}</legend>
        <SelectField name="riskLevel" label={field('riskLevel')} value={draft.riskLevel} onChange={(e) => set('riskLevel', e.target.value as EstablishmentDraft['riskLevel'])} error={errors.riskLevel}>
          <option value="">{t('est.risk.none')}</option>
          {RISK_LEVELS.map((r) => (
            <option key={r} value={r}>
              {RISK_LABELS[r][locale]}
            </option>
          ))}
        </SelectField>
        <TextAreaField name="riskReason" label={field('riskReason')} rows={2} value={draft.riskReason} onChange={(e) => set('riskReason', e.target.value)} error={errors.riskReason} />
        <div className="field-row">
          {date('classifiedOn')}
          {date('commitmentSignedOn')}
        </div>
      </fieldset>
    </>
  );
}
