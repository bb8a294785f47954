import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ZProofChallenge,
  ZPublicAddInfoRequest,
  ZPublicFollowRequest,
  ZPublicTipReceipt,
  ZPublicTipRequest,
  ZPublicTipStatus,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { AppError } from '../../lib/errors.js';
import { clientAddress } from '../../lib/public-guard.js';
import { defineRoute, jsonContent, jsonBody } from '../../lib/routes.js';
import { searchPublicUnits } from '../units/units.service.js';
import * as tips from './tips.service.js';

const open = { access: 'public' } as const;

/** The citizen's side: no account, no IP address stored, limits per address kept in memory only. */
export const publicTipRoutes = new OpenAPIHono<AppEnv>();

publicTipRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/public/challenge', summary: 'Thử thách chống gửi tự động (proof of work)', permission: open, responses: { 200: jsonContent(ZProofChallenge) } }),
  (c) => {
    c.get('publicGuard').lookups.take(clientAddress(c));
    return c.json(c.get('publicGuard').proof.issue(), 200);
  },
);

publicTipRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/public/units',
    summary: 'Tìm xã, phường nơi xảy ra vụ việc',
    permission: open,
    request: { query: z.object({ q: z.string().trim().min(2).max(100) }) },
    responses: { 200: jsonContent(z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), parentName: z.string().nullable() })) })) },
  }),
  async (c) => {
    c.get('publicGuard').lookups.take(clientAddress(c));
    return c.json({ items: await searchPublicUnits(c.get('db'), c.req.valid('query').q) }, 200);
  },
);

publicTipRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/public/tips', summary: 'Gửi tin tố giác, phản ánh (có thể ẩn danh)', permission: open, request: jsonBody(ZPublicTipRequest), responses: { 201: jsonContent(ZPublicTipReceipt, 'Đã nhận') } }),
  async (c) => {
    const guard = c.get('publicGuard');
    guard.submissions.take(clientAddress(c));
    const input = c.req.valid('json');
    guard.proof.verify(input.proof.challenge, input.proof.nonce);
    return c.json(await tips.submitPublicTip({ db: c.get('db'), locale: c.get('locale'), requestId: c.get('requestId') }, input), 201);
  },
);

publicTipRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/public/tips/status', summary: 'Tra cứu tình trạng bằng mã tra cứu và mã bí mật', permission: open, request: jsonBody(ZPublicFollowRequest), responses: { 200: jsonContent(ZPublicTipStatus) } }),
  async (c) => {
    c.get('publicGuard').lookups.take(clientAddress(c));
    const { referenceCode, secret } = c.req.valid('json');
    return c.json(await tips.publicTipStatus({ db: c.get('db'), locale: c.get('locale') }, referenceCode, secret), 200);
  },
);

publicTipRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/public/tips/information',
    summary: 'Bổ sung thông tin, ảnh (biểu mẫu: referenceCode, secret, text, photo; ảnh được xóa vị trí GPS và thông tin máy)',
    permission: open,
    responses: { 200: jsonContent(z.object({ ok: z.literal(true) })) },
  }),
  async (c) => {
    c.get('publicGuard').submissions.take(clientAddress(c));
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const parsed = ZPublicAddInfoRequest.safeParse({ referenceCode: form.referenceCode, secret: form.secret, text: form.text });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const photo = form.photo instanceof File && form.photo.size > 0 ? form.photo : null;
    await tips.addPublicInformation({ db: c.get('db'), requestId: c.get('requestId') }, parsed.data.referenceCode, parsed.data.secret, parsed.data.text, photo);
    return c.json({ ok: true as const }, 200);
  },
);
