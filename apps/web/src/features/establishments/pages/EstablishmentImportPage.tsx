import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  ESTABLISHMENT_IMPORT_COLUMNS,
  ESTABLISHMENT_IMPORT_FIELDS,
  ESTABLISHMENT_IMPORT_MAX_ROWS,
  ESTABLISHMENT_IMPORT_REQUIRED,
  formatNumberVi,
  type TEstablishmentImportField,
  type TEstablishmentImportMapping,
  type TEstablishmentImportPreview,
} from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell, FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { SuccessNotice } from '../../../components/Status';
import { ApiError, type TImportRowError } from '../../../lib/api-client';
import { useSubmit } from '../../../lib/forms';
import { commitImport, previewImport } from '../api';
import { EstablishmentsNav } from '../components/Bits';

const ACCEPTED = '.csv,.xlsx';

/**
 * Imports a registry kept in Excel: the server proposes which column fills which field, shows the first rows and every
 * bad row; the user adjusts the mapping and checks again, then "Nhập" writes every row or none.
 */
export function EstablishmentImportPage() {
  const { t, locale } = useI18n();
  const form = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TEstablishmentImportPreview | null>(null);
  const [mapping, setMapping] = useState<TEstablishmentImportMapping>({});
  const [stale, setStale] = useState(false);
  const [result, setResult] = useState<{ imported: number } | null>(null);
  const [rejected, setRejected] = useState<TImportRowError[]>([]);

  const noFile = () => new ApiError(400, 'VALIDATION_FAILED', t('estImport.noFile'), [{ path: 'file', message: t('estImport.noFile') }]);

  const runPreview = (useMapping: boolean) => {
    setResult(null);
    setRejected([]);
    void form.run(async () => {
      if (!file) throw noFile();
      const next = await previewImport(file, useMapping ? mapping : undefined);
      setPreview(next);
      setMapping(next.mapping);
      setStale(false);
    });
  };

  const onChooseFile = (e: FormEvent) => {
    e.preventDefault();
    runPreview(false);
  };

  const onCommit = () => {
    setResult(null);
    setRejected([]);
    void form.run(async () => {
      if (!file) throw noFile();
      try {
        setResult(await commitImport(file, mapping));
        setPreview(null);
      } catch (err) {
        if (err instanceof ApiError && err.rows.length) setRejected(err.rows);
        throw err;
      }
    });
  };

  const label = (f: TEstablishmentImportField) => ESTABLISHMENT_IMPORT_COLUMNS[f][locale];
  const chosenFields = new Set(Object.values(mapping).filter(Boolean));
  const missing = ESTABLISHMENT_IMPORT_REQUIRED.filter((f) => !chosenFields.has(f));
  const shownFields = ESTABLISHMENT_IMPORT_FIELDS.filter((f) => chosenFields.has(f));

  return (
    <>
      <PageHeader title={t('estImport.title')} subtitle={t('estImport.intro', { max: formatNumberVi(ESTABLISHMENT_IMPORT_MAX_ROWS) })} />
      <EstablishmentsNav />
      <form onSubmit={onChooseFile} noValidate className="form">
        <FormErrors failure={form.failure} />
        <FieldShell name="file" label={t('estImport.file')} hint={t('estImport.fileHint')} error={form.errors.file} required>
          {(control) => (
            <input
              type="file"
              accept={ACCEPTED}
              {...control}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setResult(null);
                setRejected([]);
              }}
            />
          )}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('estImport.preview')}
          </button>
          <Link className="button" to="/establishments">
            {t('common.back')}
          </Link>
        </div>
      </form>

      {result && (
        <SuccessNotice>
          {t('estImport.done', { count: formatNumberVi(result.imported) })} <Link to="/establishments">{t('estImport.toList')}</Link>
        </SuccessNotice>
      )}
      {rejected.length > 0 && <RowErrors id="import-rejected" title={t('estImport.rejected', { count: rejected.length })} rows={rejected} />}

      {preview && (
        <>
          <section className="section" aria-labelledby="mapping-heading">
            <h2 id="mapping-heading">{t('estImport.mapping')}</h2>
            <p className="muted">{t('estImport.mappingIntro', { rows: formatNumberVi(preview.totalRows), columns: preview.headers.length })}</p>
            {missing.length > 0 && (
              <p className="notice notice-warning">{t('estImport.missing', { fields: missing.map(label).join(', ') })}</p>
            )}
            <div className="table-wrap">
              <table className="mapping-table">
                <caption className="sr-only">{t('estImport.mapping')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('estImport.header')}</th>
                    <th scope="col">{t('estImport.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.headers.map((header, n) => {
                    const id = `map-${n}`;
                    return (
                      <tr key={header}>
                        <th scope="row">
                          <label htmlFor={id}>{header}</label>
                        </th>
                        <td>
                          <select
                            id={id}
                            value={mapping[header] ?? ''}
                            onChange={(e) => {
                              const value = (e.target.value || null) as TEstablishmentImportField | null;
                              // A field comes from one column: choosing it here frees it elsewhere.
                              const next = Object.fromEntries(Object.entries(mapping).map(([h, f]) => [h, value && f === value ? null : f]));
                              setMapping({ ...next, [header]: value });
                              setStale(true);
                            }}
                          >
                            <option value="">{t('estImport.ignore')}</option>
                            {ESTABLISHMENT_IMPORT_FIELDS.map((f) => (
                              <option key={f} value={f}>
                                {label(f)}
                                {ESTABLISHMENT_IMPORT_REQUIRED.includes(f) ? ' *' : ''}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="hint">{t('estImport.requiredHint')}</p>
            {stale && <p className="notice notice-info">{t('estImport.stale')}</p>}
            <div className="form-actions">
              <button type="button" className="button" disabled={form.busy} onClick={() => runPreview(true)}>
                {t('estImport.repreview')}
              </button>
              <button type="button" className="button button-primary" disabled={form.busy || missing.length > 0} onClick={onCommit}>
                {t('estImport.commit', { count: formatNumberVi(preview.totalRows) })}
              </button>
            </div>
          </section>

          {preview.errors.length > 0 ? (
            <RowErrors id="preview-errors" title={t('estImport.errors', { count: preview.errors.length })} rows={preview.errors} />
          ) : (
            <p className="notice notice-success">{t('estImport.noErrors')}</p>
          )}

          <section className="section" aria-labelledby="rows-heading">
            <h2 id="rows-heading">{t('estImport.rows', { shown: preview.rows.length, total: formatNumberVi(preview.totalRows) })}</h2>
            {preview.rows.length === 0 || shownFields.length === 0 ? (
              <p className="muted">{t('estImport.noRows')}</p>
            ) : (
              <div className="table-wrap">
                <table className="preview-table">
                  <caption className="sr-only">{t('estImport.rowsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('units.import.row')}</th>
                      {shownFields.map((f) => (
                        <th scope="col" key={f}>
                          {label(f)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.row} className={preview.errors.some((e) => e.row === r.row) ? 'row-error' : undefined}>
                        <th scope="row">{r.row}</th>
                        {shownFields.map((f) => (
                          <td key={f}>{r.values[f] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}

      <section className="section" aria-labelledby="format-heading">
        <h2 id="format-heading">{t('units.import.formatTitle')}</h2>
        <p>{t('estImport.format', { columns: ESTABLISHMENT_IMPORT_REQUIRED.map(label).join(', ') })}</p>
        <p className="muted">{t('estImport.roundTrip')}</p>
      </section>
    </>
  );
}

function RowErrors({ id, title, rows }: { id: string; title: string; rows: TImportRowError[] }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
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
  );
}
