import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  TIP_HANDLERS,
  ZDeadlineRule,
  ZOnlinePost,
  ZOnlinePostRequest,
  ZOnlinePostUpdate,
  ZStaffTipRequest,
  ZTip,
  ZTipAction,
  ZTipDetail,
  ZTipListQuery,
  paged,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { AppError } from '../../lib/errors.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as tips from './tips.service.js';
import * as posts from './online-posts.service.js';
import * as rules from './tip-rules.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.tips };
const handlers: Permission = { access: 'roles', roles: TIP_HANDLERS };

export const tipRoutes = new OpenAPIHono<AppEnv>();

tipRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/tips', summary: 'Hộp tin: tin của địa bàn, tin còn mở xếp theo thời hạn còn lại', permission: readers, scope: { list: true }, request: { query: ZTipListQuery }, responses: { 200: jsonContent(paged(ZTip)) } }),
  async (c) => c.json(await tips.listTips(requestContext(c), c.req.valid('query')), 200),
);

tipRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/tips', summary: 'Tiếp nhận tin (đường dây nóng, hòm thư, trực tiếp, đơn thư, chuyển đến, mạng xã hội)', permission: handlers, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZStaffTipRequest), responses: { 201: jsonContent(ZTipDetail, 'Đã tiếp nhận') } }),
  async (c) => c.json(await tips.receiveTip(requestContext(c), c.req.valid('json')), 201),
);

tipRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/tips/{id}', summary: 'Tin và dòng thời gian xử lý', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZTipDetail) } }),
  async (c) => c.json(await tips.getTip(requestContext(c), c.req.valid('param').id), 200),
);

tipRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/tips/{id}/actions', summary: 'Xác minh, phân loại, giao, gia hạn, xử lý, kết thúc', permission: handlers, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZTipAction) }, responses: { 200: jsonContent(ZTipDetail) } }),
  async (c) => c.json(await tips.actOnTip(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

tipRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/tips/{id}/reporter',
    summary: 'Danh tính người báo tin (chỉ người được giao xử lý và lãnh đạo; mọi lần xem đều ghi nhật ký)',
    permission: readers,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(z.object({ anonymous: z.boolean(), reporter: z.object({ name: z.string(), contact: z.string() }).nullable() })) },
  }),
  async (c) => c.json(await tips.readReporter(requestContext(c), c.req.valid('param').id), 200),
);

tipRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/tip-deadline-rules', summary: 'Thời hạn giải quyết theo loại tin', permission: { access: 'authenticated' }, responses: { 200: jsonContent(z.object({ items: z.array(ZDeadlineRule) })) } }),
  async (c) => c.json(await rules.listDeadlineRules(requestContext(c)), 200),
);

tipRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/tip-deadline-rules', summary: 'Đặt thời hạn giải quyết của một loại tin', permission: { access: 'roles', roles: ['admin'] }, request: jsonBody(ZDeadlineRule), responses: { 200: jsonContent(ZDeadlineRule) } }),
  async (c) => c.json(await rules.saveDeadlineRule(requestContext(c), c.req.valid('json')), 200),
);

tipRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/online-posts', summary: 'Nhật ký bài đăng, tài khoản môi giới mại dâm trên mạng', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(ZOnlinePost) })) } }),
  async (c) => c.json(await posts.listOnlinePosts(requestContext(c)), 200),
);

tipRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/online-posts',
    summary: 'Ghi nhận bài đăng trên mạng (biểu mẫu: data = JSON, evidence = tệp chứng cứ)',
    permission: handlers,
    responses: { 201: jsonContent(ZOnlinePost, 'Đã ghi nhận') },
  }),
  async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    let data: unknown;
    try {
      data = JSON.parse(typeof form.data === 'string' ? form.data : '');
    } catch {
      throw new AppError('MALFORMED_JSON');
    }
    const parsed = ZOnlinePostRequest.safeParse(data);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    return c.json(await posts.logOnlinePost(requestContext(c), parsed.data, form.evidence instanceof File ? form.evidence : null), 201);
  },
);

tipRoutes.openapi(
  defineRoute({ method: 'patch', path: '/api/online-posts/{id}', summary: 'Yêu cầu gỡ bỏ và kết quả', permission: handlers, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZOnlinePostUpdate) }, responses: { 200: jsonContent(ZOnlinePost) } }),
  async (c) => c.json(await posts.updateOnlinePost(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);
