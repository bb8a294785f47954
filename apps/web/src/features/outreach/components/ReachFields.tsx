import { OUTREACH_TARGET_GROUPS } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/forms';
import type { ReachRow } from '../draft';

/** Target groups and the people reached in each: one row per group, rows added and removed as needed. */
export function ReachFields({ rows, onChange, errors }: { rows: ReachRow[]; onChange: (rows: ReachRow[]) => void; errors: FieldErrors }) {
  const { t, field, locale } = useI18n();
  const set = (i: number, patch: Partial<ReachRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const taken = (i: number) => new Set(rows.filter((_, k) => k !== i).map((r) => r.group));
  return (
    <fieldset className="reach">
      <legend>{field('reach')}</legend>
      <p className="hint">{t('outreach.reachHint')}</p>
      {errors.reach && <p className="field-error">{errors.reach}</p>}
      {rows.map((row, i) => (
        <div className="reach-row" key={i}>
          <SelectField name={`reach.${i}.group`} label={field('group')} value={row.group} onChange={(e) => set(i, { group: e.target.value as ReachRow['group'] })} error={errors[`reach.${i}.group`]}>
            <option value="">{t('form.choose')}</option>
            {Object.entries(OUTREACH_TARGET_GROUPS).map(([code, label]) =>
              // A group already on another row cannot be chosen twice (the server refuses it).
              taken(i).has(code as ReachRow['group']) ? null : (
                <option key={code} value={code}>
                  {label[locale]}
                </option>
              ),
            )}
          </SelectField>
          <TextField name={`reach.${i}.reached`} label={field('reached')} inputMode="numeric" autoComplete="off" value={row.reached} onChange={(e) => set(i, { reached: e.target.value })} error={errors[`reach.${i}.reached`]} />
          {rows.length > 1 && (
            <button type="button" className="button button-small reach-remove" onClick={() => onChange(rows.filter((_, k) => k !== i))}>
              {t('common.remove')}
              <span className="sr-only"> {row.group ? OUTREACH_TARGET_GROUPS[row.group][locale] : i + 1}</span>
            </button>
          )}
        </div>
      ))}
      {rows.length < Object.keys(OUTREACH_TARGET_GROUPS).length && (
        <button type="button" className="button" onClick={() => onChange([...rows, { group: '', reached: '' }])}>
          {t('outreach.addGroup')}
        </button>
      )}
    </fieldset>
  );
}
