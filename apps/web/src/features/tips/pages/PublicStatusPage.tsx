import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { ZPublicAddInfoRequest, ZPublicFollowRequest, formatDateTimeVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell, FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { SuccessNotice } from '../../../components/Status';
import { parseInput, useSubmit } from '../../../lib/forms';
import { PHOTO_TYPES, addPublicInformation, followPublicTip, type TPublicTipStatus } from '../api';
import { PublicShell } from '../components/PublicShell';

/** The citizen follows a tip with its reference code and secret, and may add information or a photo. */
export function PublicStatusPage() {
  const { t } = useI18n();
  const handed = (useLocation().state ?? {}) as { referenceCode?: string; secret?: string };
  const form = useSubmit();
  const [referenceCode, setReferenceCode] = useState(handed.referenceCode ?? '');
  const [secret, setSecret] = useState(handed.secret ?? '');
  const [status, setStatus] = useState<TPublicTipStatus | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const input = parseInput(ZPublicFollowRequest, { referenceCode: referenceCode.toUpperCase(), secret });
      setStatus(null);
      setStatus(await followPublicTip(input.referenceCode, input.secret));
    });
  };

  return (
    <PublicShell>
      <PageHeader title={t('public.followTitle')} subtitle={t('public.followIntro')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <TextField name="referenceCode" label={t('public.referenceCode')} autoCapitalize="characters" autoComplete="off" spellCheck={false} value={referenceCode} onChange={(e) => setReferenceCode(e.target.value)} error={form.errors.referenceCode} required />
        <TextField name="secret" label={t('public.secret')} autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} error={form.errors.secret} required />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('public.follow')}
          </button>
        </div>
      </form>
      {status && (
        <>
          <section className="section" aria-labelledby="status-heading">
            <h2 id="status-heading">{t('public.statusOf', { code: status.referenceCode })}</h2>
            <p>
              {t('public.currentStatus')}: <strong data-testid="public-status">{status.statusLabel}</strong>
            </p>
            <ol className="timeline">
              {[...status.steps].reverse().map((s, i) => (
                <li key={i}>
                  <p className="timeline-head">
                    <time dateTime={s.at}>{formatDateTimeVi(s.at)}</time> · <strong>{s.label}</strong>
                  </p>
                  {s.note && <p className="pre-line">{s.note}</p>}
                </li>
              ))}
            </ol>
          </section>
          <AddInformation referenceCode={status.referenceCode} secret={secret} />
        </>
      )}
    </PublicShell>
  );
}

function AddInformation({ referenceCode, secret }: { referenceCode: string; secret: string }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [sent, setSent] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    void form.run(async () => {
      const input = parseInput(ZPublicAddInfoRequest, { referenceCode, secret, text });
      await addPublicInformation({ ...input, photo });
      setText('');
      setPhoto(null);
      setFileKey((k) => k + 1);
      setSent(true);
    });
  };

  return (
    <section className="section" aria-labelledby="add-heading">
      <h2 id="add-heading">{t('public.addTitle')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {sent && <SuccessNotice>{t('public.added')}</SuccessNotice>}
        <TextAreaField name="text" label={field('text')} rows={4} value={text} onChange={(e) => setText(e.target.value)} error={form.errors.text} required />
        <FieldShell name="photo" label={t('public.photo')} hint={t('public.photoHint')}>
          {(control) => <input key={fileKey} type="file" accept={PHOTO_TYPES} {...control} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('public.addSend')}
          </button>
        </div>
      </form>
    </section>
  );
}
