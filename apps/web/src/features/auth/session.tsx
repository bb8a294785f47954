import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TLoginRequest, TMe } from '@pcmd/contracts';
import { hasStoredLocale, useI18n } from '../../app/i18n';
import { ApiError, setUnauthenticatedHandler, toApiError } from '../../lib/api-client';
import { ErrorNotice, Loading } from '../../components/Status';
import * as authApi from './api';

interface Session {
  /** The logged-in user, or null. */
  me: TMe | null;
  /** Why there is no user any more: logged out here, or the server ended the session (the login page then says so). */
  ended: 'logout' | 'expired' | null;
  login: (input: TLoginRequest) => Promise<TMe>;
  logout: () => Promise<void>;
  /** Reloads the user after a change to the account (password, two-factor). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

type Boot = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' };

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [me, setMe] = useState<TMe | null>(null);
  const [ended, setEnded] = useState<Session['ended']>(null);
  const loggedIn = useRef(false);
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    authApi.fetchMe(controller.signal).then(
      (user) => {
        if (controller.signal.aborted) return;
        setMe(user);
        setBoot({ state: 'ready' });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(err);
        if (error.status === 401) setBoot({ state: 'ready' });
        else setBoot({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    loggedIn.current = me !== null;
  }, [me]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (!loggedIn.current) return;
      setEnded('expired');
      setMe(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const login = useCallback(
    async (input: TLoginRequest) => {
      const user = await authApi.login(input);
      // The account's saved language applies unless the person chose one on this device.
      if (!hasStoredLocale()) setLocale(user.locale, false);
      setMe(user);
      setEnded(null);
      return user;
    },
    [setLocale],
  );

  const logout = useCallback(async () => {
    await authApi.logout();
    setEnded('logout');
    setMe(null);
  }, []);

  const refresh = useCallback(async () => setMe(await authApi.fetchMe()), []);

  const value = useMemo<Session>(() => ({ me, ended, login, logout, refresh }), [me, ended, login, logout, refresh]);
  if (boot.state === 'loading') return <Loading />;
  if (boot.state === 'failed')
    return (
      <main className="boot">
        <ErrorNotice
          error={boot.error}
          onRetry={() => {
            setBoot({ state: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      </main>
    );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user, for pages under the authenticated layout. */
export function useMe(): TMe {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
