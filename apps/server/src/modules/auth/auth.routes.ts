import { OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { ZChangePasswordRequest, ZLocaleRequest, ZLoginRequest, ZMe, ZTotpDisableRequest, ZTotpEnableRequest, ZTotpSetup } from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, jsonBody } from '../../lib/routes.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.middleware.js';
import * as service from './auth.service.js';

const Ok = z.object({ ok: z.literal(true) });
const self = { access: 'authenticated' } as const;

export const authRoutes = new OpenAPIHono<AppEnv>();

authRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Đăng nhập',
    permission: { access: 'public' },
    request: jsonBody(ZLoginRequest),
    responses: { 200: jsonContent(ZMe) },
  }),
  async (c) => {
    const env = c.get('env');
    const { token, actor, locale } = await service.login(
      c.get('db'),
      { lockoutAttempts: env.PCMD_LOCKOUT_ATTEMPTS, lockoutMinutes: env.PCMD_LOCKOUT_MINUTES, sessionIdleMinutes: env.PCMD_SESSION_IDLE_MINUTES, sessionMaxHours: env.PCMD_SESSION_MAX_HOURS },
      c.req.valid('json'),
      c.get('requestId'),
    );
    setSessionCookie(c, token);
    c.set('actor', actor);
    c.set('locale', locale);
    return c.json(await service.getMe(requestContext(c)), 200);
  },
);

authRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/auth/logout', summary: 'Đăng xuất', permission: self, responses: { 200: jsonContent(Ok) } }),
  async (c) => {
    await service.logout(requestContext(c), getCookie(c, SESSION_COOKIE) ?? '');
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/auth/me', summary: 'Người dùng hiện tại', permission: self, responses: { 200: jsonContent(ZMe) } }),
  async (c) => c.json(await service.getMe(requestContext(c)), 200),
);

authRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/auth/password', summary: 'Đổi mật khẩu', permission: self, request: jsonBody(ZChangePasswordRequest), responses: { 200: jsonContent(Ok) } }),
  async (c) => {
    await service.changePassword(requestContext(c), getCookie(c, SESSION_COOKIE) ?? '', c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/auth/totp/setup', summary: 'Bắt đầu cài xác thực hai lớp', permission: self, responses: { 200: jsonContent(ZTotpSetup) } }),
  async (c) => c.json(await service.startTotpSetup(requestContext(c)), 200),
);

authRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/auth/totp/enable', summary: 'Bật xác thực hai lớp', permission: self, request: jsonBody(ZTotpEnableRequest), responses: { 200: jsonContent(Ok) } }),
  async (c) => {
    await service.enableTotp(requestContext(c), c.req.valid('json').totpCode);
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/auth/totp/disable', summary: 'Tắt xác thực hai lớp', permission: self, request: jsonBody(ZTotpDisableRequest), responses: { 200: jsonContent(Ok) } }),
  async (c) => {
    await service.disableTotp(requestContext(c), c.req.valid('json').password);
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/auth/locale', summary: 'Chọn ngôn ngữ', permission: self, request: jsonBody(ZLocaleRequest), responses: { 200: jsonContent(Ok) } }),
  async (c) => {
    await service.setLocale(requestContext(c), c.req.valid('json').locale);
    return c.json({ ok: true as const }, 200);
  },
);
