import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch';

/** The frame of the public pages: no account, no menu; the two public pages and the language. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="public">
      <header className="public-header">
        <p className="brand">PCMD</p>
        <nav aria-label={t('public.nav')}>
          <Link to="/to-giac">{t('public.submitLink')}</Link>
          <Link to="/to-giac/tra-cuu">{t('public.followLink')}</Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main className="public-main" id="main">
        {children}
      </main>
      <footer className="public-footer muted small">{t('public.footer')}</footer>
    </div>
  );
}
