import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatNumberVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell, FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { SuccessNotice } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { useSubmit } from '../../../lib/forms';
import { importUnits } from '../api';

const ACCEPTED = '.csv,.xlsx';

/** Uploads a CSV/XLSX list of units; the server takes all rows or none and lists every bad row with its reasons. */
export function UnitImportPage() {
  const { t } = useI18n();
  const form = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ imported: number; links: number } | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    void form.run(async () => {
      if (!file) throw new ApiError(400, 'VALIDATION_FAILED', t('units.import.noFile'), [{ path: 'file', message: t('units.import.noFile') }]);
      setResult(await importUnits(file));
    });
  };

  const rows = form.failure?.rows ?? [];
  return (
    <>
      <PageHeader title={t('units.import.title')} subtitle={t('units.import.intro')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <FieldShell name="file" label={t('units.import.file')} hint={t('units.import.fileHint')} error={form.errors.file} required>
          {(control) => <input type="file" accept={ACCEPTED} {...control} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('units.import.submitting') : t('units.import.submit')}
          </button>
          <Link className="button" to="/units">
            {t('common.back')}
          </Link>
        </div>
      </form>

      {result && (
        <SuccessNotice>
          {t('units.import.done', { units: formatNumberVi(result.imported), links: formatNumberVi(result.links) })}
        </SuccessNotice>
      )}

      {rows.length > 0 && (
        <section className="section" aria-labelledby="import-rows-heading">
          <h2 id="import-rows-heading">{t('units.import.rowsTitle', { count: rows.length })}</h2>
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

      <section className="section" aria-labelledby="import-format-heading">
        <h2 id="import-format-heading">{t('units.import.formatTitle')}</h2>
        <p>{t('units.import.formatUnits')}</p>
        <p>{t('units.import.formatLinks')}</p>
        <p className="muted">{t('units.import.formatRoundTrip')}</p>
      </section>
    </>
  );
}
