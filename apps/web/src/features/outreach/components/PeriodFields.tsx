import { useI18n } from '../../../app/i18n';
import { DateField, SelectField } from '../../../components/Field';
import { PERIOD_LABELS, PERIOD_PRESETS, type PeriodPreset } from '../periods';

export interface PeriodInput {
  preset: PeriodPreset | '';
  /** dd/mm/yyyy as typed, for a custom period; `to` is the last day, inclusive. */
  from: string;
  to: string;
}

/** A period chosen from the usual ones (this month, the 6-month report…) or typed; `allLabel` offers "any time". */
export function PeriodFields({ value, onChange, errors, allLabel }: { value: PeriodInput; onChange: (v: PeriodInput) => void; errors: Record<string, string>; allLabel?: string }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField name="period" label={t('outreach.period')} value={value.preset} onChange={(e) => onChange({ ...value, preset: e.target.value as PeriodInput['preset'] })}>
        {allLabel && <option value="">{allLabel}</option>}
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(PERIOD_LABELS[p])}
          </option>
        ))}
      </SelectField>
      {value.preset === 'custom' && (
        <>
          <DateField name="from" label={t('outreach.period.from')} value={value.from} onChange={(from) => onChange({ ...value, from })} error={errors.from} required />
          <DateField name="to" label={t('outreach.period.to')} value={value.to} onChange={(to) => onChange({ ...value, to })} error={errors.to} required />
        </>
      )}
    </>
  );
}
