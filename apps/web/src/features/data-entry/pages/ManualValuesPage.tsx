import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  ZClosePeriodRequest,
  ZManualMeasureRequest,
  ZManualValueRequest,
  foldVi,
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  type TFieldError,
  type TUnitRef,
} from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, nextDay, parseInput, previousDay, readDate, readNumber, useSubmit } from '../../../lib/forms';
import { ApiError, toApiError } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchMeasures } from '../../plans/api';
import { fetchUnit } from '../../units/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { closePeriod, defineManualMeasure, fetchManualValues, saveManualValue, type TManualValue } from '../api';
import { DataEntryNav } from '../components/DataEntryNav';

interface EntryDraft {
  unit: TUnitRef | null;
  start: string;
  end: string;
  value: string;
}

/**
 * Figures of the manual data sets (counts the registries do not hold yet) by unit and period, with who entered them.
 * A value for the same unit and period replaces the earlier one; a closed reporting period refuses changes.
 */
export function ManualValuesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const measures = useResource((signal) => fetchMeasures(signal), []);
  const manual = measures.data?.manual ?? [];
  const asked = params.get('measure') ?? '';
  const measureKey = manual.some((m) => m.key === asked) ? asked : (manual[0]?.key ?? '');
  const measure = manual.find((m) => m.key === measureKey);
  const values = useResource((signal) => (measureKey ? fetchManualValues(measureKey, signal) : Promise.resolve({ items: [] })), [measureKey]);
  const [draft, setDraft] = useState<{ key: number; initial: EntryDraft }>({ key: 0, initial: { unit: me.unit, start: '', end: '', value: '' } });

  const [editError, setEditError] = useState<ApiError | null>(null);

  // Puts a listed value back into the form (the unit is looked up for its code and type).
  const edit = (row: TManualValue) => {
    setEditError(null);
    fetchUnit(row.unitId).then(
      (unit) =>
        setDraft((d) => ({
          key: d.key + 1,
          initial: {
            unit: { id: unit.id, name: unit.name, code: unit.code, type: unit.type },
            start: formatDateVi(row.periodStart),
            end: formatDateVi(previousDay(row.periodEnd)),
            value: String(row.value).replace('.', ','),
          },
        })),
      (err: unknown) => setEditError(toApiError(err)),
    );
  };

  return (
    <>
      <PageHeader title={t('dataEntry.title')} subtitle={t('dataEntry.intro')} />
      <DataEntryNav />
      {measures.error && <ErrorNotice error={measures.error} onRetry={measures.reload} />}
      {measures.loading && !measures.data && <Loading />}
      {measures.data && manual.length === 0 && <p className="muted">{t('dataEntry.manual.noMeasures')}</p>}
      {measures.data && manual.length > 0 && (
        <>
          <div className="form">
            <SelectField name="measureKey" label={t('dataEntry.manual.measure')} value={measureKey} onChange={(e) => setParams({ measure: e.target.value }, { replace: true })}>
              {manual.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          </div>
          {editError && <ErrorNotice error={editError} />}
          <EntryForm key={`${measureKey}-${draft.key}`} measureKey={measureKey} measureName={measure?.name ?? measureKey} initial={draft.initial} onSaved={values.reload} />
          <section className="section" aria-labelledby="values-heading">
            <h2 id="values-heading">{t('dataEntry.manual.listTitle', { name: measure?.name ?? measureKey })}</h2>
            {values.error && <ErrorNotice error={values.error} onRetry={values.reload} />}
            {values.loading && !values.data && <Loading />}
            {values.data && values.data.items.length === 0 && <p className="muted">{t('dataEntry.manual.none')}</p>}
            {values.data && values.data.items.length > 0 && <ValuesTable rows={values.data.items} onEdit={edit} />}
          </section>
        </>
      )}
      {measures.data && (
        <>
          <NewMeasureForm
            onDefined={(key) => {
              measures.reload();
              setParams({ measure: key }, { replace: true });
            }}
          />
          <ClosePeriodForm />
        </>
      )}
    </>
  );
}

function EntryForm({ measureKey, measureName, initial, onSaved }: { measureKey: string; measureName: string; initial: EntryDraft; onSaved: () => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [unit, setUnit] = useState(initial.unit);
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [value, setValue] = useState(initial.value);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!unit) errors.push(missingField('unitId'));
      const from = readDate(start, 'periodStart', errors);
      const to = readDate(end, 'periodEnd', errors);
      if (!start.trim()) errors.push(missingField('periodStart'));
      if (!end.trim()) errors.push(missingField('periodEnd'));
      const n = readNumber(value, 'value', field('value'), errors);
      if (!value.trim()) errors.push(missingField('value'));
      const input = parseInput(ZManualValueRequest, { measureKey, unitId: unit?.id, periodStart: from, periodEnd: to && nextDay(to), value: n }, errors);
      await saveManualValue(input);
      setSaved(t('dataEntry.manual.saved', { value: formatNumberVi(input.value), unit: unit!.name, from: formatDateVi(input.periodStart), to: formatDateVi(previousDay(input.periodEnd)) }));
      setValue('');
      onSaved();
    });
  };

  return (
    <section className="section" aria-labelledby="entry-heading">
      <h2 id="entry-heading">{t('dataEntry.manual.enter', { name: measureName })}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{saved}</SuccessNotice>}
        <UnitPicker name="unitId" label={field('unitId')} hint={t('dataEntry.unitHint')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <div className="field-row">
          <DateField name="periodStart" label={field('periodStart')} value={start} onChange={setStart} error={form.errors.periodStart} required />
          <DateField name="periodEnd" label={field('periodEnd')} value={end} onChange={setEnd} error={form.errors.periodEnd} required />
        </div>
        <p className="hint">{t('dataEntry.manual.periodHint')}</p>
        <TextField name="value" label={field('value')} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} error={form.errors.value} required />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('dataEntry.manual.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ValuesTable({ rows, onEdit }: { rows: TManualValue[]; onEdit: (row: TManualValue) => void }) {
  const { t, field } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{field('unitId')}</th>
            <th scope="col">{t('dataEntry.period')}</th>
            <th scope="col">{field('value')}</th>
            <th scope="col">{t('dataEntry.enteredBy')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.unitId}-${r.periodStart}-${r.periodEnd}`}>
              <td>{r.unitName}</td>
              <td className="nowrap">
                {formatDateVi(r.periodStart)} – {formatDateVi(previousDay(r.periodEnd))}
              </td>
              <td>{formatNumberVi(r.value)}</td>
              <td>
                {r.enteredBy ?? t('dataEntry.system')}
                <span className="muted small block">{formatDateTimeVi(r.enteredAt)}</span>
              </td>
              <td>
                <button type="button" className="button button-small" onClick={() => onEdit(r)} aria-label={t('dataEntry.manual.editRow', { unit: r.unitName, from: formatDateVi(r.periodStart) })}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same failure with its field paths prefixed, so it points at this form's inputs. */
function prefixFields(err: unknown, prefix: string): ApiError {
  const e = toApiError(err);
  return new ApiError(e.status, e.code, e.message, e.fields.map((f) => ({ ...f, path: `${prefix}${f.path}` })), e.rows, e.requestId);
}

/** "Tin tố giác tiếp nhận" → "manual.tin_to_giac_tiep_nhan". */
const keyFromName = (name: string) =>
  `manual.${foldVi(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)}`;

function NewMeasureForm({ onDefined }: { onDefined: (key: string) => void }) {
  const { t, field } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void form.run(async () => {
      const input = parseInput(ZManualMeasureRequest, { key: key || keyFromName(name), name, unitId: me.unit.id });
      await defineManualMeasure(input);
      setDone(t('dataEntry.newMeasure.done', { name: input.name }));
      setName('');
      setKey('');
      setKeyTouched(false);
      onDefined(input.key);
    });
  };

  return (
    <details className="section card">
      <summary className="strong">{t('dataEntry.newMeasure.title')}</summary>
      <p className="muted">{t('dataEntry.newMeasure.intro', { unit: me.unit.name })}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {done && <SuccessNotice>{done}</SuccessNotice>}
        <TextField
          name="name"
          label={t('dataEntry.newMeasure.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!keyTouched) setKey(e.target.value.trim() ? keyFromName(e.target.value) : '');
          }}
          error={form.errors.name}
          required
        />
        <TextField
          name="key"
          label={field('key')}
          hint={t('dataEntry.newMeasure.keyHint')}
          value={key}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
          error={form.errors.key}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('dataEntry.newMeasure.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ClosePeriodForm() {
  const { t, field } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const [unit, setUnit] = useState<TUnitRef | null>(me.unit);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void form.run(async () => {
      // The entry form above uses the same field names; this form's inputs carry a prefix, and so do its errors.
      try {
        const errors: TFieldError[] = [];
        if (!unit) errors.push(missingField('unitId'));
        if (!start.trim()) errors.push(missingField('periodStart'));
        if (!end.trim()) errors.push(missingField('periodEnd'));
        const from = readDate(start, 'periodStart', errors);
        const to = readDate(end, 'periodEnd', errors);
        const input = parseInput(ZClosePeriodRequest, { unitId: unit?.id, periodStart: from, periodEnd: to && nextDay(to) }, errors);
        await closePeriod(input);
        setDone(t('dataEntry.close.done', { unit: unit!.name, from: formatDateVi(input.periodStart), to: formatDateVi(previousDay(input.periodEnd)) }));
      } catch (err) {
        throw prefixFields(err, 'close-');
      }
    });
  };

  return (
    <details className="section card">
      <summary className="strong">{t('dataEntry.close.title')}</summary>
      <p className="muted">{t('dataEntry.close.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {done && <SuccessNotice>{done}</SuccessNotice>}
        <UnitPicker name="close-unitId" label={field('unitId')} value={unit} onChange={setUnit} error={form.errors['close-unitId']} required />
        <div className="field-row">
          <DateField name="close-periodStart" label={field('periodStart')} value={start} onChange={setStart} error={form.errors['close-periodStart']} required />
          <DateField name="close-periodEnd" label={field('periodEnd')} value={end} onChange={setEnd} error={form.errors['close-periodEnd']} required />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('dataEntry.close.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
