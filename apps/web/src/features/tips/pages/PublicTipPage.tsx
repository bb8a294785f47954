import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZPublicTipRequest, formatDateTimeVi, type TFieldError } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { CheckboxField, FieldShell, FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { missingField, parseInput, useSubmit } from '../../../lib/forms';
import { PHOTO_TYPES, addPublicInformation, submitPublicTip, type TPublicPlace, type TPublicTipReceipt } from '../api';
import { PlaceSearch } from '../components/PlaceSearch';
import { PublicShell } from '../components/PublicShell';
import { CodeSelect, tipLabels } from '../components/TipBits';

/** The public form: no account; the citizen may stay anonymous and leaves with a reference code and a secret. */
export function PublicTipPage() {
  const [receipt, setReceipt] = useState<TPublicTipReceipt | null>(null);
  return <PublicShell>{receipt ? <Receipt receipt={receipt} /> : <TipForm onSent={setReceipt} />}</PublicShell>;
}

function TipForm({ onSent }: { onSent: (receipt: TPublicTipReceipt) => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [place, setPlace] = useState<TPublicPlace | null>(null);
  const [category, setCategory] = useState('');
  const [address, setAddress] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [description, setDescription] = useState('');
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [positionError, setPositionError] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [named, setNamed] = useState(false);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');

  const locate = () => {
    setPositionError('');
    navigator.geolocation?.getCurrentPosition(
      (p) => setPosition({ latitude: Number(p.coords.latitude.toFixed(5)), longitude: Number(p.coords.longitude.toFixed(5)) }),
      () => setPositionError(t('public.locationRefused')),
      { timeout: 15_000 },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = place ? [] : [missingField('unitId')];
      const input = parseInput(
        ZPublicTipRequest.omit({ proof: true }),
        {
          unitId: place?.id,
          category: category || undefined,
          address,
          occurredAt,
          description,
          latitude: position?.latitude ?? null,
          longitude: position?.longitude ?? null,
          reporter: named ? { name, contact } : null,
        },
        errors,
      );
      const receipt = await submitPublicTip(input);
      // The photo travels as added information, so the tip itself is never lost to a failed upload.
      if (photo) await addPublicInformation({ referenceCode: receipt.referenceCode, secret: receipt.secret, text: t('public.photoAttached'), photo }).catch(() => undefined);
      onSent(receipt);
    });
  };

  return (
    <>
      <PageHeader title={t('public.title')} subtitle={t('public.intro')} />
      <p className="notice notice-info">{t('public.emergency')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <CodeSelect name="category" labels={tipLabels.category} value={category} onChange={setCategory} error={form.errors.category} />
        <PlaceSearch value={place} onChange={setPlace} error={form.errors.unitId} />
        <TextField name="address" label={field('address')} hint={t('public.addressHint')} value={address} onChange={(e) => setAddress(e.target.value)} error={form.errors.address} />
        <div className="field">
          <button type="button" className="button" onClick={locate}>
            {t('public.useLocation')}
          </button>
          {position && (
            <p className="small">
              {t('public.locationSet', { lat: position.latitude, lng: position.longitude })}{' '}
              <button type="button" className="button button-quiet" onClick={() => setPosition(null)}>
                {t('common.remove')}
              </button>
            </p>
          )}
          {positionError && <p className="field-error">{positionError}</p>}
        </div>
        <TextField name="occurredAt" label={field('occurredAt')} hint={t('public.occurredAtHint')} value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} error={form.errors.occurredAt} />
        <TextAreaField name="description" label={field('description')} hint={t('public.descriptionHint')} rows={6} value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} required />
        <FieldShell name="photo" label={t('public.photo')} hint={t('public.photoHint')}>
          {(control) => <input type="file" accept={PHOTO_TYPES} {...control} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <CheckboxField name="named" label={t('public.giveName')} checked={named} onChange={(e) => setNamed(e.target.checked)} />
        {named ? (
          <>
            <p className="muted small">{t('public.nameProtected')}</p>
            <TextField name="reporter.name" label={t('public.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={form.errors['reporter.name']} required />
            <TextField name="reporter.contact" label={t('public.contact')} value={contact} onChange={(e) => setContact(e.target.value)} error={form.errors['reporter.contact']} />
          </>
        ) : (
          <p className="muted small">{t('public.anonymousNote')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('public.sending') : t('public.send')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Shown once: the secret is not stored in readable form, so the citizen must keep it now. */
function Receipt({ receipt }: { receipt: TPublicTipReceipt }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('public.thanks')} subtitle={t('public.receivedAt', { at: formatDateTimeVi(receipt.receivedAt) })} />
      <div className="notice notice-success" role="status">
        <p>{t('public.keepCodes')}</p>
        <dl className="facts">
          <dt>{t('public.referenceCode')}</dt>
          <dd>
            <strong className="code" data-testid="reference-code">
              {receipt.referenceCode}
            </strong>
          </dd>
          <dt>{t('public.secret')}</dt>
          <dd>
            <strong className="code" data-testid="secret">
              {receipt.secret}
            </strong>
          </dd>
        </dl>
      </div>
      <p>
        <Link className="button button-primary" to="/to-giac/tra-cuu" state={{ referenceCode: receipt.referenceCode, secret: receipt.secret }}>
          {t('public.followLink')}
        </Link>
      </p>
    </>
  );
}
