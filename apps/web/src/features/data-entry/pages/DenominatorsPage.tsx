import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DENOMINATOR_GROUPS, ZDenominatorRequest, formatNumberVi, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { ApiError, toApiError } from '../../../lib/api-client';
import { missingField, parseInput, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchUnit } from '../../units/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchDenominators, importDenominators, saveDenominator, type TDenominator } from '../api';
import { DataEntryNav } from '../components/DataEntryNav';

type Group = keyof typeof DENOMINATOR_GROUPS;
const GROUPS = Object.keys(DENOMINATOR_GROUPS) as Group[];

interface Draft {
  group: string;
  unit: TUnitRef | null;
  year: string;
  value: string;
}

/** Populations of the target groups by unit and year, the denominators of "share of people reached" indicators. */
export function DenominatorsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const list = useResource((signal) => fetchDenominators(year, signal), [year]);
  const thisYear = new Date().getFullYear();
  const [draft, setDraft] = useState<{ key: number; initial: Draft }>({ key: 0, initial: { group: '', unit: me.unit, year: String(thisYear), value: '' } });
  const [editError, setEditError] = useState<ApiError | null>(null);

  const edit = (row: TDenominator) => {
    setEditError(null);
    fetchUnit(row.unitId).then(
      (unit) =>
        setDraft((d) => ({
          key: d.key + 1,
          initial: { group: row.groupKey, unit: { id: unit.id, name: unit.name, code: unit.code, type: unit.type }, year: String(row.year), value: String(row.value).replace('.', ',') },
        })),
      (err: unknown) => setEditError(toApiError(err)),
    );
  };

  const groupLabel = (key: string) => DENOMINATOR_GROUPS[key as Group]?.[locale] ?? key;

  return (
    <>
      <PageHeader title={t('dataEntry.title')} subtitle={t('dataEntry.denominators.intro')} />
      <DataEntryNav />
      {editError && <ErrorNotice error={editError} />}
      <DenominatorForm key={draft.key} initial={draft.initial} onSaved={list.reload} />

      <section className="section" aria-labelledby="denominators-heading">
        <h2 id="denominators-heading">{t('dataEntry.denominators.listTitle')}</h2>
        <div className="form">
          <SelectField name="yearFilter" label={t('dataEntry.denominators.yearFilter')} value={year ? String(year) : ''} onChange={(e) => setParams(e.target.value ? { year: e.target.value } : {}, { replace: true })}>
            <option value="">{t('common.all')}</option>
            {Array.from({ length: 7 }, (_, k) => thisYear + 1 - k).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.items.length === 0 && <p className="muted">{t('dataEntry.denominators.none')}</p>}
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dataEntry.year')}</th>
                  <th scope="col">{t('dataEntry.unit')}</th>
                  <th scope="col">{t('dataEntry.group')}</th>
                  <th scope="col">{t('dataEntry.count')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={`${d.groupKey}-${d.unitId}-${d.year}`}>
                    <td>{d.year}</td>
                    <td>
                      {d.unitName} <span className="muted small">{d.unitCode}</span>
                    </td>
                    <td>{groupLabel(d.groupKey)}</td>
                    <td>{formatNumberVi(d.value)}</td>
                    <td>
                      <button type="button" className="button button-small" onClick={() => edit(d)} aria-label={t('dataEntry.denominators.editRow', { unit: d.unitName, group: groupLabel(d.groupKey), year: d.year })}>
                        {t('common.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ImportForm onImported={list.reload} />
    </>
  );
}

function DenominatorForm({ initial, onSaved }: { initial: Draft; onSaved: () => void }) {
  const { t, field, locale } = useI18n();
  const form = useSubmit();
  const [group, setGroup] = useState(initial.group);
  const [unit, setUnit] = useState(initial.unit);
  const [year, setYear] = useState(initial.year);
  const [value, setValue] = useState(initial.value);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!group) errors.push(missingField('groupKey'));
      if (!unit) errors.push(missingField('unitId'));
      if (!year.trim()) errors.push(missingField('year'));
      if (!value.trim()) errors.push(missingField('value'));
      const input = parseInput(
        ZDenominatorRequest,
        { groupKey: group || undefined, unitId: unit?.id, year: readNumber(year, 'year', field('year'), errors), value: readNumber(value, 'value', field('value'), errors) },
        errors,
      );
      await saveDenominator(input);
      setSaved(t('dataEntry.denominators.saved', { group: DENOMINATOR_GROUPS[input.groupKey][locale], unit: unit!.name, year: input.year, value: formatNumberVi(input.value) }));
      setValue('');
      onSaved();
    });
  };

  return (
    <section className="section" aria-labelledby="denominator-entry-heading">
      <h2 id="denominator-entry-heading">{t('dataEntry.denominators.enter')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{saved}</SuccessNotice>}
        <SelectField name="groupKey" label={field('groupKey')} value={group} onChange={(e) => setGroup(e.target.value)} error={form.errors.groupKey} required>
          <option value="">{t('form.choose')}</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {DENOMINATOR_GROUPS[g][locale]}
            </option>
          ))}
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} hint={t('dataEntry.unitHint')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <div className="field-row">
          <TextField name="year" label={field('year')} inputMode="numeric" maxLength={4} value={year} onChange={(e) => setYear(e.target.value)} error={form.errors.year} required />
          <TextField name="value" label={t('dataEntry.count')} inputMode="numeric" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} error={form.errors.value} required />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Uploads a CSV/XLSX of denominators; the server takes every row or none and names each bad row with its reasons. */
function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const form = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setImported(null);
    void form.run(async () => {
      if (!file) throw new ApiError(400, 'VALIDATION_FAILED', t('units.import.noFile'), [{ path: 'file', message: t('units.import.noFile') }]);
      setImported((await importDenominators(file)).imported);
      onImported();
    });
  };

  const rows = form.failure?.rows ?? [];
  return (
    <section className="section" aria-labelledby="denominator-import-heading">
      <h2 id="denominator-import-heading">{t('dataEntry.import.title')}</h2>
      <p className="muted">{t('dataEntry.import.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {imported !== null && <SuccessNotice>{t('dataEntry.import.done', { count: formatNumberVi(imported) })}</SuccessNotice>}
        <FieldShell name="file" label={t('units.import.file')} hint={t('units.import.fileHint')} error={form.errors.file} required>
          {(control) => <input type="file" accept=".csv,.xlsx" {...control} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? t('units.import.submitting') : t('units.import.submit')}
          </button>
        </div>
      </form>
      {rows.length > 0 && (
        <section className="section" aria-labelledby="denominator-rows-heading">
          <h3 id="denominator-rows-heading">{t('units.import.rowsTitle', { count: rows.length })}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('units.import.row')}</th>
                  <th scope="col">{t('units.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.row}</td>
                    <td>
                      <ul className="plain">
                        {r.messages.map((m, j) => (
                          <li key={j}>{m}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <p className="hint">{t('dataEntry.import.format')}</p>
    </section>
  );
}
