import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { canUseModule, type TModule, type TRole } from '@pcmd/contracts';
import { PageHeader } from '../components/Page';
import { useSession } from '../features/auth/session';
import { useI18n } from './i18n';

/** Sends a visitor without a session to the login page, remembering where they were going (but not after a logout). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, ended } = useSession();
  const location = useLocation();
  if (!me) {
    const here = location.pathname + location.search;
    const next = ended !== 'logout' && here !== '/' ? `?next=${encodeURIComponent(here)}` : '';
    return <Navigate to={`/login${next}`} replace />;
  }
  // A temporary password set by an administrator must be replaced before anything else.
  if (me.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return children;
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <p>{t('forbidden.body')}</p>
    </>
  );
}

/** The menu hides modules a role may not use; this covers typed or bookmarked addresses. */
export function RequireModule({ module }: { module: TModule }) {
  const { me } = useSession();
  return me && canUseModule(me.role, module) ? <Outlet /> : <Forbidden />;
}

export function RequireRole({ roles }: { roles: readonly TRole[] }) {
  const { me } = useSession();
  return me && roles.includes(me.role) ? <Outlet /> : <Forbidden />;
}
