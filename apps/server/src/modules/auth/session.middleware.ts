import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../lib/app-env.js';
import { setRequestLocale } from '../../lib/context.js';
import { actorForSession } from './auth.service.js';

export const SESSION_COOKIE = 'pcmd_session';

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  const env = c.get('env');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: env.PCMD_SECURE_COOKIES === 'true',
    path: '/',
    maxAge: env.PCMD_SESSION_MAX_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Resolves the session cookie to an actor; an expired or unknown session is simply anonymous. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length <= 100) {
    const actor = await actorForSession(c.get('db'), token, c.get('env').PCMD_SESSION_IDLE_MINUTES);
    if (actor) {
      const { locale, ...rest } = actor;
      c.set('actor', rest);
      if (!c.req.header('x-pcmd-locale')) {
        c.set('locale', locale);
        setRequestLocale(locale);
      }
    }
  }
  await next();
};
