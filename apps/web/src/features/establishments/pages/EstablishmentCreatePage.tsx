import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZCreateEstablishmentRequest, type TFieldError } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { parseInput, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { createEstablishment, fetchTypes } from '../api';
import { EstablishmentFields } from '../components/EstablishmentForm';
import { DuplicateWarning, twinOf, type Twin } from '../components/DuplicateWarning';
import { draftValues, emptyDraft } from '../draft';

export type EstablishmentNotice = 'created' | 'updated' | 'inspected';

/** "Thêm cơ sở": the whole registry form; a possible twin (same name and address) must be confirmed as another one. */
export function EstablishmentCreatePage() {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const types = useResource((signal) => fetchTypes(signal), []);
  const form = useSubmit();
  const [draft, setDraft] = useState(() => emptyDraft(me.unit));
  const [twin, setTwin] = useState<Twin | null>(null);

  const submit = (notADuplicate: boolean) =>
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const values = draftValues(draft, field, errors);
      const input = parseInput(ZCreateEstablishmentRequest, { ...values, notADuplicate: notADuplicate || undefined }, errors);
      try {
        const created = await createEstablishment(input);
        navigate(`/establishments/${created.id}`, { state: { notice: 'created' satisfies EstablishmentNotice } });
      } catch (err) {
        const found = err instanceof ApiError ? twinOf(err) : null;
        if (found) {
          setTwin(found);
          return;
        }
        throw err;
      }
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTwin(null);
    submit(false);
  };

  if (types.error) return <ErrorNotice error={types.error} onRetry={types.reload} />;
  if (!types.data) return <Loading />;
  return (
    <>
      <PageHeader title={t('est.create.title')} subtitle={t('est.create.intro')} />
      <form onSubmit={onSubmit} noValidate className="form form-wide">
        <FormErrors failure={form.failure} />
        <EstablishmentFields
          draft={draft}
          onChange={(next) => {
            // The confirmation holds for the name and address the user saw in the warning, not for new ones.
            if (next.name !== draft.name || next.address !== draft.address) setTwin(null);
            setDraft(next);
          }}
          errors={form.errors}
          types={types.data.items}
        />
        {twin && <DuplicateWarning twin={twin} busy={form.busy} onConfirm={() => submit(true)} onCancel={() => setTwin(null)} />}
        {!twin && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('est.create.submit')}
            </button>
            <Link className="button" to="/establishments">
              {t('common.cancel')}
            </Link>
          </div>
        )}
      </form>
    </>
  );
}
