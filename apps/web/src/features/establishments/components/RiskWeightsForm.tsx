import { useState, type FormEvent } from 'react';
import { RISK_LABELS, RISK_LEVELS, ZRiskWeights, type TFieldError, type TRiskWeights } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { FormErrors, TextField } from '../../../components/Field';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { parseInput, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { fetchRiskWeights, fetchTypes, saveRiskWeights, type TEstablishmentType } from '../api';

type Scalar = Exclude<keyof TRiskWeights, 'type' | 'riskLevel'>;
const SCALARS: { key: Scalar; label: MessageKey }[] = [
  { key: 'unclassified', label: 'weights.unclassified' },
  { key: 'neverInspected', label: 'weights.neverInspected' },
  { key: 'perMonthSinceInspection', label: 'weights.perMonth' },
  { key: 'monthsCap', label: 'weights.monthsCap' },
  { key: 'perPastViolation', label: 'weights.perViolation' },
  { key: 'perLinkedTip', label: 'weights.perTip' },
  { key: 'noCommitment', label: 'weights.noCommitment' },
];

/** The administrator's form for the weights of the priority score: points per type, per risk level and per factor. */
export function RiskWeightsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const weights = useResource((signal) => fetchRiskWeights(signal), []);
  const types = useResource((signal) => fetchTypes(signal), []);
  const error = weights.error ?? types.error;
  return (
    <section className="section panel card" aria-labelledby="weights-heading">
      <h2 id="weights-heading">{t('weights.title')}</h2>
      <p className="muted">{t('weights.intro')}</p>
      {error && <ErrorNotice error={error} onRetry={() => (weights.reload(), types.reload())} />}
      {!error && (!weights.data || !types.data) && <Loading />}
      {weights.data && types.data && <WeightsForm initial={weights.data} types={types.data.items} onSaved={onSaved} />}
    </section>
  );
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

function WeightsForm({ initial, types, onSaved }: { initial: TRiskWeights; types: TEstablishmentType[]; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const [byType, setByType] = useState<Record<string, string>>(() => Object.fromEntries(types.map((ty) => [ty.code, text(initial.type[ty.code] ?? 0)])));
  const [byRisk, setByRisk] = useState<Record<string, string>>(() => Object.fromEntries(RISK_LEVELS.map((r) => [r, text(initial.riskLevel[r])])));
  const [scalars, setScalars] = useState<Record<Scalar, string>>(() => Object.fromEntries(SCALARS.map((s) => [s.key, text(initial[s.key])])) as Record<Scalar, string>);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form
      .run(async () => {
        const errors: TFieldError[] = [];
        const num = (value: string, path: string, label: string) => readNumber(value, path, label, errors) ?? 0;
        const input = parseInput(
          ZRiskWeights,
          {
            // Types no longer in the catalogue keep their weight, so that a type brought back scores as before.
            type: { ...initial.type, ...Object.fromEntries(types.map((ty) => [ty.code, num(byType[ty.code], `type.${ty.code}`, ty.name)])) },
            riskLevel: Object.fromEntries(RISK_LEVELS.map((r) => [r, num(byRisk[r], `riskLevel.${r}`, RISK_LABELS[r][locale])])),
            ...Object.fromEntries(SCALARS.map((s) => [s.key, num(scalars[s.key], s.key, t(s.label))])),
          },
          errors,
        );
        await saveRiskWeights(input);
      })
      .then((ok) => {
        if (!ok) return;
        setSaved(true);
        onSaved();
      });
  };

  const numberField = (path: string, label: string, value: string, onChange: (v: string) => void) => (
    <TextField key={path} name={path} label={label} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} error={form.errors[path]} />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="weights-heading">
      <FormErrors failure={form.failure} />
      {saved && <SuccessNotice>{t('weights.saved')}</SuccessNotice>}
      <fieldset>
        <legend>{t('weights.byType')}</legend>
        <div className="targets-grid">{types.map((ty) => numberField(`type.${ty.code}`, ty.name, byType[ty.code], (v) => setByType({ ...byType, [ty.code]: v })))}</div>
      </fieldset>
      <fieldset>
        <legend>{t('weights.byRisk')}</legend>
        <div className="targets-grid">
          {RISK_LEVELS.map((r) => numberField(`riskLevel.${r}`, RISK_LABELS[r][locale], byRisk[r], (v) => setByRisk({ ...byRisk, [r]: v })))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('weights.other')}</legend>
        <div className="targets-grid">{SCALARS.map((s) => numberField(s.key, t(s.label), scalars[s.key], (v) => setScalars({ ...scalars, [s.key]: v })))}</div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('weights.save')}
        </button>
      </div>
    </form>
  );
}
