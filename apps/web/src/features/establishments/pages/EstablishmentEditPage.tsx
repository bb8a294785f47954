import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ZUpdateEstablishmentRequest, type TEstablishment, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { parseInput, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { fetchUnit } from '../../units/api';
import { fetchEstablishment, fetchTypes, updateEstablishment, type TEstablishmentType } from '../api';
import { EstablishmentFields } from '../components/EstablishmentForm';
import { draftOf, draftValues, type EstablishmentDraft } from '../draft';
import type { EstablishmentNotice } from './EstablishmentCreatePage';

/** Edits the registry record; only the fields that changed are sent, so the history shows exactly what was changed. */
export function EstablishmentEditPage() {
  const id = Number(useParams().id);
  const est = useResource((signal) => fetchEstablishment(id, signal), [id]);
  const types = useResource((signal) => fetchTypes(signal), []);
  const unit = useResource((signal) => (est.data ? fetchUnit(est.data.unit.id, signal) : Promise.resolve(null)), [est.data?.unit.id]);
  const error = est.error ?? types.error ?? unit.error;
  if (error) return <ErrorNotice error={error} onRetry={() => (est.reload(), types.reload(), unit.reload())} />;
  if (!est.data || !types.data || !unit.data) return <Loading />;
  const u = unit.data;
  return <EditForm key={est.data.updatedAt} establishment={est.data} unit={{ id: u.id, code: u.code, name: u.name, type: u.type }} types={types.data.items} />;
}

function EditForm({ establishment, unit, types }: { establishment: TEstablishment; unit: TUnitRef; types: TEstablishmentType[] }) {
  const { t, field } = useI18n();
  const navigate = useNavigate();
  const form = useSubmit();
  const [initial] = useState(() => draftOf(establishment, unit));
  const [draft, setDraft] = useState<EstablishmentDraft>(initial);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const before = draftValues(initial, field, []);
      const now = draftValues(draft, field, errors);
      const patch = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before])));
      if (Object.keys(patch).length === 0 && errors.length === 0) throw new ApiError(400, 'NO_CHANGES', t('form.noChanges'));
      const input = parseInput(ZUpdateEstablishmentRequest, patch, errors);
      await updateEstablishment(establishment.id, input);
      navigate(`/establishments/${establishment.id}`, { state: { notice: 'updated' satisfies EstablishmentNotice } });
    });
  };

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('est.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/establishments">{t('est.title')}</Link>
              </li>
              <li>
                <Link to={`/establishments/${establishment.id}`}>{establishment.name}</Link>
              </li>
              <li aria-current="page">{t('est.edit.title')}</li>
            </ol>
          </nav>
        }
        title={t('est.edit.heading', { name: establishment.name })}
      />
      <form onSubmit={onSubmit} noValidate className="form form-wide">
        <FormErrors failure={form.failure} />
        <EstablishmentFields draft={draft} onChange={setDraft} errors={form.errors} types={types} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('common.save')}
          </button>
          <Link className="button" to={`/establishments/${establishment.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
