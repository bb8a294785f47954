import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  OUTREACH_EDITORS,
  ZCreateOutreachActivityRequest,
  ZCreateOutreachSeriesRequest,
  ZCreatePeerGroupRequest,
  ZOutreachActivity,
  ZOutreachActivityListQuery,
  ZOutreachCoverage,
  ZOutreachCoverageQuery,
  ZOutreachDefaults,
  ZOutreachSeries,
  ZPeerGroup,
  ZUpdateOutreachActivityRequest,
  ZUpdateOutreachSeriesRequest,
  ZUpdatePeerGroupRequest,
  paged,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './outreach.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.outreach };
const editors: Permission = { access: 'roles', roles: OUTREACH_EDITORS };

export const outreachRoutes = new OpenAPIHono<AppEnv>();

outreachRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/outreach/activities',
    summary: 'Hoạt động truyền thông của địa bàn (lọc theo đơn vị, kỳ, kênh, nhóm đồng đẳng)',
    permission: readers,
    scope: { list: true },
    request: { query: ZOutreachActivityListQuery },
    responses: { 200: jsonContent(paged(ZOutreachActivity)) },
  }),
  async (c) => c.json(await service.listActivities(requestContext(c), c.req.valid('query')), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/outreach/activities',
    summary: 'Ghi nhận hoạt động truyền thông; gửi lại cùng clientId (bản nháp) trả về bản đã lưu với mã 200',
    permission: editors,
    scope: { bodyUnitField: 'unitId' },
    request: jsonBody(ZCreateOutreachActivityRequest),
    responses: { 201: jsonContent(ZOutreachActivity, 'Đã ghi nhận'), 200: jsonContent(ZOutreachActivity, 'Bản nháp này đã được lưu trước đó') },
  }),
  async (c) => {
    const { created, activity } = await service.createActivity(requestContext(c), c.req.valid('json'));
    return created ? c.json(activity, 201) : c.json(activity, 200);
  },
);

// Before /api/outreach/activities/{id}: Hono tries routes in the order they are added, and {id} would take «defaults».
outreachRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/outreach/activities/defaults',
    summary: 'Giá trị điền sẵn cho nhập nhanh: hoạt động gần nhất của người dùng, hoặc đơn vị và cơ quan của họ',
    permission: editors,
    responses: { 200: jsonContent(ZOutreachDefaults) },
  }),
  async (c) => c.json(await service.activityDefaults(requestContext(c)), 200),
);

outreachRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/outreach/activities/{id}', summary: 'Chi tiết hoạt động truyền thông', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZOutreachActivity) } }),
  async (c) => c.json(await service.getActivity(requestContext(c), c.req.valid('param').id), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/outreach/activities/{id}',
    summary: 'Sửa hoạt động truyền thông',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(ZUpdateOutreachActivityRequest) },
    responses: { 200: jsonContent(ZOutreachActivity) },
  }),
  async (c) => c.json(await service.updateActivity(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/outreach/activities/{id}/files',
    summary: 'Đính kèm ảnh, tài liệu của hoạt động (biểu mẫu: file)',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(ZOutreachActivity) },
  }),
  async (c) => {
    const file = (await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)).file;
    return c.json(await service.attachActivityFile(requestContext(c), c.req.valid('param').id, file instanceof File ? file : null), 200);
  },
);

outreachRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/outreach/series', summary: 'Chuỗi hoạt động định kỳ (phát thanh hằng tuần, bài đăng hằng tháng…)', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(ZOutreachSeries) })) } }),
  async (c) => c.json(await service.listSeries(requestContext(c)), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/outreach/series',
    summary: 'Ghi nhận một lần chuỗi hoạt động định kỳ',
    permission: editors,
    scope: { bodyUnitField: 'unitId' },
    request: jsonBody(ZCreateOutreachSeriesRequest),
    responses: { 201: jsonContent(ZOutreachSeries, 'Đã ghi nhận') },
  }),
  async (c) => c.json(await service.createSeries(requestContext(c), c.req.valid('json')), 201),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/outreach/series/{id}',
    summary: 'Kết thúc hoặc sửa chuỗi hoạt động định kỳ',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(ZUpdateOutreachSeriesRequest) },
    responses: { 200: jsonContent(ZOutreachSeries) },
  }),
  async (c) => c.json(await service.updateSeries(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

outreachRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/outreach/peer-groups', summary: 'Nhóm đồng đẳng, nhóm tự lực, câu lạc bộ, mô hình của địa bàn', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(ZPeerGroup) })) } }),
  async (c) => c.json(await service.listPeerGroups(requestContext(c)), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/outreach/peer-groups',
    summary: 'Thêm nhóm đồng đẳng, nhóm tự lực, câu lạc bộ hoặc mô hình (thành viên chỉ được đếm, không ghi tên)',
    permission: editors,
    scope: { bodyUnitField: 'unitId' },
    request: jsonBody(ZCreatePeerGroupRequest),
    responses: { 201: jsonContent(ZPeerGroup, 'Đã tạo') },
  }),
  async (c) => c.json(await service.createPeerGroup(requestContext(c), c.req.valid('json')), 201),
);

outreachRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/outreach/peer-groups/{id}', summary: 'Nhóm, mô hình và hoạt động của nhóm', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZPeerGroup) } }),
  async (c) => c.json(await service.getPeerGroup(requestContext(c), c.req.valid('param').id), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/outreach/peer-groups/{id}',
    summary: 'Sửa nhóm, mô hình: số thành viên, cơ quan chủ quản, giải thể',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(ZUpdatePeerGroupRequest) },
    responses: { 200: jsonContent(ZPeerGroup) },
  }),
  async (c) => c.json(await service.updatePeerGroup(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

outreachRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/outreach/coverage',
    summary: 'Thôn, tổ dân phố chưa có hoạt động truyền thông trong kỳ',
    permission: readers,
    scope: { list: true },
    request: { query: ZOutreachCoverageQuery },
    responses: { 200: jsonContent(ZOutreachCoverage) },
  }),
  async (c) => c.json(await service.coverage(requestContext(c), c.req.valid('query')), 200),
);
