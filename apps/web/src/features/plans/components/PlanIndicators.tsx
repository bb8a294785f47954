import { useState, type FormEvent } from 'react';
import {
  COMPARATORS,
  INDICATOR_SHAPES,
  ZIndicatorInput,
  ZUpdateTargetsRequest,
  type TFieldError,
  type TIndicatorShape,
  type TMeasureRef,
  type TPlan,
  type TPlanIndicator,
} from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ErrorNotice, SuccessNotice } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { missingField, parseInput, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useLevelLabel } from '../../units/components/UnitBits';
import { addIndicator, fetchMeasures, setTargets, type TMeasureList } from '../api';
import { useMeasureLabel, useMeasureOptions, type MeasureOption } from '../measures';
import { targetPeriods, usePeriodLabel } from '../periods';
import { ShapeLabel, TargetText, isPercent } from './IndicatorBits';

/** A target as typed back into its field: "87,5". */
const targetText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

/** The plan's indicators with their formulas and targets; editors change targets and add indicators. */
export function PlanIndicators({ plan, editable, onSaved }: { plan: TPlan; editable: boolean; onSaved: (plan: TPlan) => void }) {
  const { t } = useI18n();
  const measures = useResource((signal) => fetchMeasures(signal), []);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  return (
    <>
      {measures.error && <ErrorNotice error={measures.error} onRetry={measures.reload} />}
      {added && <SuccessNotice>{t('plans.indicators.added')}</SuccessNotice>}
      {editable && !adding && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('plans.indicators.add')}
          </button>
        </p>
      )}
      {adding && (
        <AddIndicatorForm
          plan={plan}
          measures={measures.data}
          onCancel={() => setAdding(false)}
          onSaved={(next) => {
            onSaved(next);
            setAdding(false);
            setAdded(true);
          }}
        />
      )}
      {plan.indicators.length === 0 ? (
        <p className="muted">{t('plans.indicators.none')}</p>
      ) : (
        <ol className="indicator-list">
          {plan.indicators.map((ind, i) => (
            <li key={ind.id}>
              <IndicatorCard plan={plan} indicator={ind} n={i + 1} measures={measures.data} editable={editable} onSaved={onSaved} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function IndicatorCard(props: { plan: TPlan; indicator: TPlanIndicator; n: number; measures: TMeasureList | undefined; editable: boolean; onSaved: (plan: TPlan) => void }) {
  const { plan, indicator, n, measures, editable, onSaved } = props;
  const { t, locale, field } = useI18n();
  const measureLabel = useMeasureLabel(measures);
  const level = useLevelLabel();
  const periodLabel = usePeriodLabel();
  const headingId = `indicator-${indicator.id}-name`;
  const percent = isPercent(indicator.shape);
  return (
    <section className="card indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="muted">{n}. </span>
        {indicator.name}
      </h3>
      <p className="tags">
        <span className="tag">
          <ShapeLabel shape={indicator.shape} />
        </span>
        {indicator.parentIndicatorId !== null && <span className="tag">{t('plans.indicators.fromParent')}</span>}
      </p>
      <dl className="pairs">
        <dt>{field('numerator')}</dt>
        <dd>{measureLabel(indicator.numerator)}</dd>
        <dt>{field('denominator')}</dt>
        <dd>{indicator.denominator ? measureLabel(indicator.denominator) : <span className="muted">{t('plans.indicators.noDenominator')}</span>}</dd>
        <dt>{field('comparator')}</dt>
        <dd>{COMPARATORS[indicator.comparator][locale]}</dd>
        <dt>{field('unitLevel')}</dt>
        <dd>{level(indicator.unitLevel)}</dd>
      </dl>
      {editable ? (
        <TargetsForm plan={plan} indicator={indicator} onSaved={onSaved} />
      ) : indicator.targets.length === 0 ? (
        <p className="muted">{t('plans.targets.none')}</p>
      ) : (
        <ul className="plain targets-read">
          {indicator.targets.map((target) => (
            <li key={target.periodKey}>
              {periodLabel(target.periodKey)}: <TargetText comparator={indicator.comparator} target={target.target} percent={percent} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TargetsForm({ plan, indicator, onSaved }: { plan: TPlan; indicator: TPlanIndicator; onSaved: (plan: TPlan) => void }) {
  const { t } = useI18n();
  const periodLabel = usePeriodLabel();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const keys = targetPeriods(plan, indicator.targets.map((x) => x.periodKey));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, targetText(indicator.targets.find((x) => x.periodKey === k)?.target)])),
  );
  const unit = isPercent(indicator.shape) ? ' (%)' : '';
  const fieldName = (k: string) => `target-${indicator.id}-${k}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const targets = keys.flatMap((k) => {
        const n = readNumber(values[k] ?? '', fieldName(k), periodLabel(k), errors);
        return n === undefined ? [] : [{ periodKey: k, target: n }];
      });
      if (targets.length === 0 && errors.length === 0)
        throw new ApiError(400, 'VALIDATION_FAILED', t('plans.targets.atLeastOne'), [{ path: fieldName(keys[0]), message: t('plans.targets.atLeastOne') }]);
      const input = parseInput(ZUpdateTargetsRequest, { targets }, errors);
      onSaved(await setTargets(indicator.id, input.targets));
      setSaved(true);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="targets-form" aria-label={t('plans.targets.formLabel', { name: indicator.name })}>
      <FormErrors failure={form.failure} />
      {saved && <SuccessNotice>{t('plans.targets.saved')}</SuccessNotice>}
      <fieldset>
        <legend>{t('plans.targets.title')}</legend>
        <p className="hint">{t('plans.targets.hint')}</p>
        <div className="targets-grid">
          {keys.map((k) => (
            <TextField
              key={k}
              name={fieldName(k)}
              label={`${periodLabel(k)}${unit}`}
              inputMode="decimal"
              autoComplete="off"
              value={values[k] ?? ''}
              onChange={(e) => setValues({ ...values, [k]: e.target.value })}
              error={form.errors[fieldName(k)]}
            />
          ))}
        </div>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('plans.targets.save')}
        </button>
      </fieldset>
    </form>
  );
}

const SHAPE_CODES = Object.keys(INDICATOR_SHAPES) as TIndicatorShape[];
const GROUP_KEYS: Record<MeasureOption['group'], MessageKey> = {
  builtIn: 'plans.measures.builtIn',
  manual: 'plans.measures.manual',
  denominator: 'plans.measures.denominator',
};

function MeasureOptions({ options }: { options: MeasureOption[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t('form.choose')}</option>
      {(['builtIn', 'manual', 'denominator'] as const).map((g) => (
        <optgroup key={g} label={t(GROUP_KEYS[g])}>
          {options
            .filter((o) => o.group === g)
            .map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

function LevelOptions({ blank }: { blank?: string }) {
  const level = useLevelLabel();
  return (
    <>
      {blank !== undefined && <option value="">{blank}</option>}
      {[1, 2, 3, 4].map((l) => (
        <option key={l} value={l}>
          {level(l)}
        </option>
      ))}
    </>
  );
}

/** One side of the formula: a measure and, when it needs one, the level of units it counts. */
function MeasurePicker(props: { name: 'numerator' | 'denominator'; options: MeasureOption[]; value: string; level: string; onChange: (v: string) => void; onLevel: (l: string) => void; errors: Record<string, string>; required?: boolean }) {
  const { name, options, value, level, onChange, onLevel, errors, required } = props;
  const { t, field } = useI18n();
  const needsLevel = options.find((o) => o.key === value)?.params.includes('level') ?? false;
  return (
    <>
      <SelectField name={name} label={field(name)} value={value} onChange={(e) => onChange(e.target.value)} error={errors[name] ?? errors[`${name}.measure`]} required={required}>
        <MeasureOptions options={options} />
      </SelectField>
      {needsLevel && (
        <SelectField name={`${name}.params`} label={t('plans.indicators.paramLevel', { side: field(name) })} value={level} onChange={(e) => onLevel(e.target.value)} error={errors[`${name}.params`]} required>
          <LevelOptions blank={t('form.choose')} />
        </SelectField>
      )}
    </>
  );
}

function AddIndicatorForm({ plan, measures, onSaved, onCancel }: { plan: TPlan; measures: TMeasureList | undefined; onSaved: (plan: TPlan) => void; onCancel: () => void }) {
  const { t, locale, field } = useI18n();
  const options = useMeasureOptions(measures);
  const periodLabel = usePeriodLabel();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [shape, setShape] = useState<TIndicatorShape | ''>('');
  const [numerator, setNumerator] = useState('');
  const [numeratorLevel, setNumeratorLevel] = useState('');
  const [denominator, setDenominator] = useState('');
  const [denominatorLevel, setDenominatorLevel] = useState('');
  const [comparator, setComparator] = useState<string>('gte');
  const [unitLevel, setUnitLevel] = useState('3');
  const keys = targetPeriods(plan);
  const [targets, setTargetValues] = useState<Record<string, string>>({});
  const manual = shape === 'manual';

  const ref = (measure: string, levelText: string): TMeasureRef => {
    const needsLevel = options.find((o) => o.key === measure)?.params.includes('level');
    return needsLevel && levelText ? { measure, params: { level: Number(levelText) } } : { measure };
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!shape) errors.push(missingField('shape'));
      if (!numerator) errors.push(missingField('numerator'));
      if (!manual && shape && !denominator) errors.push(missingField('denominator'));
      const targetList = keys.flatMap((k) => {
        const n = readNumber(targets[k] ?? '', `new-target-${k}`, periodLabel(k), errors);
        return n === undefined ? [] : [{ periodKey: k, target: n }];
      });
      const input = parseInput(
        ZIndicatorInput,
        {
          name,
          shape: shape || undefined,
          numerator: numerator ? ref(numerator, numeratorLevel) : undefined,
          denominator: manual || !denominator ? null : ref(denominator, denominatorLevel),
          comparator,
          unitLevel: Number(unitLevel),
          targets: targetList,
        },
        errors,
      );
      onSaved(await addIndicator(plan.id, input));
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form-wide card" aria-label={t('plans.indicators.add')}>
      <h3>{t('plans.indicators.add')}</h3>
      <FormErrors failure={form.failure} />
      <TextAreaField name="name" label={t('plans.indicators.name')} hint={t('plans.indicators.nameHint')} rows={2} value={name} onChange={(e) => setName(e.target.value)} error={form.errors.name} required />
      <SelectField name="shape" label={field('shape')} value={shape} onChange={(e) => setShape(e.target.value as TIndicatorShape)} error={form.errors.shape} required>
        <option value="">{t('form.choose')}</option>
        {SHAPE_CODES.map((code) => (
          <option key={code} value={code}>
            {INDICATOR_SHAPES[code][locale]}
          </option>
        ))}
      </SelectField>
      <MeasurePicker name="numerator" options={options} value={numerator} level={numeratorLevel} onChange={setNumerator} onLevel={setNumeratorLevel} errors={form.errors} required />
      {!manual && (
        <MeasurePicker name="denominator" options={options} value={denominator} level={denominatorLevel} onChange={setDenominator} onLevel={setDenominatorLevel} errors={form.errors} required />
      )}
      <div className="field-row">
        <SelectField name="comparator" label={field('comparator')} value={comparator} onChange={(e) => setComparator(e.target.value)} error={form.errors.comparator} required>
          {Object.entries(COMPARATORS).map(([code, label]) => (
            <option key={code} value={code}>
              {label[locale]}
            </option>
          ))}
        </SelectField>
        <SelectField name="unitLevel" label={field('unitLevel')} hint={t('plans.indicators.unitLevelHint')} value={unitLevel} onChange={(e) => setUnitLevel(e.target.value)} error={form.errors.unitLevel} required>
          <LevelOptions />
        </SelectField>
      </div>
      <fieldset>
        <legend>{field('targets')}</legend>
        <p className="hint">{t('plans.targets.hint')}</p>
        <div className="targets-grid">
          {keys.map((k) => (
            <TextField
              key={k}
              name={`new-target-${k}`}
              label={`${periodLabel(k)}${manual ? '' : ' (%)'}`}
              inputMode="decimal"
              autoComplete="off"
              value={targets[k] ?? ''}
              onChange={(e) => setTargetValues({ ...targets, [k]: e.target.value })}
              error={form.errors[`new-target-${k}`]}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('plans.indicators.addSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
