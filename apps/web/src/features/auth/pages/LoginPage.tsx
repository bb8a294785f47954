import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ZLoginRequest } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { parseInput, useSubmit } from '../../../lib/forms';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../session';

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, ended, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const form = useSubmit();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  if (me) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const input = parseInput(ZLoginRequest, { username, password, ...(needsTotp ? { totpCode: totpCode.trim() } : {}) });
      try {
        await login(input);
        navigate(next, { replace: true });
      } catch (err) {
        if ((err as { code?: string }).code === 'TOTP_REQUIRED') setNeedsTotp(true);
        throw err;
      }
    });
  };

  return (
    <div className="login">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <p className="brand brand-large" aria-hidden="true">
          PCMD
        </p>
        <PageHeader title={t('login.title')} subtitle={t('app.tagline')} />
        {ended === 'expired' && !form.failure && <p className="notice notice-info">{t('login.expired')}</p>}
        <form onSubmit={onSubmit} noValidate>
          <FormErrors failure={form.failure} />
          <TextField
            name="username"
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={form.errors.username}
            required
          />
          <TextField
            name="password"
            type="password"
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.errors.password}
            required
          />
          {needsTotp && (
            <TextField
              ref={totpRef}
              name="totpCode"
              label={t('login.totpCode')}
              hint={t('login.totpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={totpCode}
              onChange={(e) => setTotpCode(e.target.value)}
              error={form.errors.totpCode}
              required
            />
          )}
          <button type="submit" className="button button-primary button-block" disabled={form.busy}>
            {form.busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login-public">
          <Link to="/to-giac">{t('login.publicLink')}</Link>
        </p>
      </main>
    </div>
  );
}
