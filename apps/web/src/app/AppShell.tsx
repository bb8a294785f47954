import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@pcmd/contracts';
import { ErrorNotice } from '../components/Status';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { useMe, useSession } from '../features/auth/session';
import { type ApiError, toApiError } from '../lib/api-client';
import { useI18n } from './i18n';
import { modulesFor } from './modules';

/** Header (app name, user, unit, language, logout), the module menu (a sidebar on desktop, a drop-down on phones) and the page. */
export function AppShell() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [logoutError, setLogoutError] = useState<ApiError | null>(null);

  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After moving to another page, close the phone menu and put focus at the start of the new content, so keyboard and
  // screen-reader users are not left on a link that is gone.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    setMenuOpen(false);
    mainRef.current?.focus();
  }, [pathname]);

  const onLogout = () => {
    setLogoutError(null);
    logout().then(
      () => navigate('/login', { replace: true }),
      (err: unknown) => setLogoutError(toApiError(err)),
    );
  };

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="button button-quiet menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="app-menu account-bar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('shell.menu')}
        </button>
        <Link to="/" className="brand" aria-label={t('shell.home')}>
          PCMD
        </Link>
        <LanguageSwitch />
        <div className="account-bar" id="account-bar">
          <p className="who">
            <span className="who-name">{me.fullName}</span>
            <span className="who-unit">
              {ROLE_LABELS[me.role][locale]} · {me.unit.name}
            </span>
          </p>
          <button type="button" className="button button-quiet" onClick={onLogout}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <nav id="app-menu" className="sidenav" aria-label={t('shell.navigation')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          {modulesFor(me.role).map((m) => (
            <li key={m.module}>
              <NavLink to={m.path}>{t(m.label)}</NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/account">{t('nav.account')}</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1} ref={mainRef}>
        {logoutError && <ErrorNotice error={logoutError} />}
        <Outlet />
      </main>
    </div>
  );
}
