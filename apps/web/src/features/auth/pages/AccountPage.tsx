import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, ZChangePasswordRequest, ZTotpDisableRequest, ZTotpEnableRequest, type TFieldError } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { SuccessNotice } from '../../../components/Status';
import { parseInput, useSubmit } from '../../../lib/forms';
import { changePassword, disableTotp, enableTotp, startTotpSetup, type TTotpSetup } from '../api';
import { useMe, useSession } from '../session';

export function AccountPage() {
  const { t, locale, field } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('account.title')} />
      {me.mustChangePassword && (
        <p className="notice notice-warning" role="status">
          {t('account.mustChange')}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{field('username')}</dt>
          <dd>{me.username}</dd>
        </div>
        <div>
          <dt>{field('fullName')}</dt>
          <dd>{me.fullName}</dd>
        </div>
        <div>
          <dt>{field('role')}</dt>
          <dd>{ROLE_LABELS[me.role][locale]}</dd>
        </div>
        <div>
          <dt>{field('unitId')}</dt>
          <dd>{me.unit.name}</dd>
        </div>
      </dl>
      <PasswordForm />
      <TwoFactor />
    </>
  );
}

function PasswordForm() {
  const { t, field } = useI18n();
  const { refresh } = useSession();
  const form = useSubmit();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void form.run(async () => {
      const errors: TFieldError[] = newPassword !== confirm ? [{ path: 'confirmPassword', message: t('account.password.mismatch') }] : [];
      await changePassword(parseInput(ZChangePasswordRequest, { currentPassword, newPassword }, errors));
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setDone(true);
      await refresh();
    });
  };

  return (
    <section className="section" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {done && <SuccessNotice>{t('account.password.done')}</SuccessNotice>}
        <TextField
          name="currentPassword"
          type="password"
          label={field('currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={form.errors.currentPassword}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          label={field('newPassword')}
          hint={t('account.password.hint')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.errors.newPassword}
          required
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('account.password.confirm')}
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={form.errors.confirmPassword}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('account.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Two-factor login with an authenticator app (TOTP): set up, confirm with a first code, or turn off with the password. */
function TwoFactor() {
  const { t, field } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const form = useSubmit();
  const [setup, setSetup] = useState<TTotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<'enabled' | 'disabled' | null>(null);

  const begin = () =>
    void form.run(async () => {
      setDone(null);
      setSetup(await startTotpSetup());
    });

  const onEnable = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await enableTotp(parseInput(ZTotpEnableRequest, { totpCode: code.trim() }).totpCode);
      setSetup(null);
      setCode('');
      setDone('enabled');
      await refresh();
    });
  };

  const onDisable = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await disableTotp(parseInput(ZTotpDisableRequest, { password }).password);
      setPassword('');
      setDone('disabled');
      await refresh();
    });
  };

  return (
    <section className="section" aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('account.totp.title')}</h2>
      <p>
        {t('account.totp.status')}{' '}
        <span className={me.totpEnabled ? 'tag tag-current' : 'tag'}>{me.totpEnabled ? t('account.totp.on') : t('account.totp.off')}</span>
      </p>
      <FormErrors failure={form.failure} />
      {done && <SuccessNotice>{t(done === 'enabled' ? 'account.totp.enabled' : 'account.totp.disabled')}</SuccessNotice>}

      {me.totpEnabled ? (
        <form onSubmit={onDisable} noValidate className="form">
          <TextField
            name="password"
            type="password"
            label={field('password')}
            hint={t('account.totp.disableHint')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.errors.password}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-danger" disabled={form.busy}>
              {t('account.totp.disable')}
            </button>
          </div>
        </form>
      ) : setup ? (
        <form onSubmit={onEnable} noValidate className="form">
          <ol className="steps">
            <li>{t('account.totp.step1')}</li>
            <li>
              {t('account.totp.step2')}
              <p className="secret" aria-label={t('account.totp.secret')}>
                {setup.secret.match(/.{1,4}/g)?.join(' ')}
              </p>
              <p className="small">
                {t('account.totp.orLink')} <a href={setup.otpauthUrl}>{t('account.totp.openApp')}</a>
              </p>
              <p className="small muted break">{setup.otpauthUrl}</p>
            </li>
            <li>{t('account.totp.step3')}</li>
          </ol>
          <TextField
            name="totpCode"
            label={field('totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={form.errors.totpCode}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('account.totp.enable')}
            </button>
            <button type="button" className="button" onClick={() => setSetup(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted">{t('account.totp.intro')}</p>
          <button type="button" className="button button-primary" onClick={begin} disabled={form.busy}>
            {t('account.totp.begin')}
          </button>
        </>
      )}
    </section>
  );
}
