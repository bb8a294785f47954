import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ZCreateUnitRequest,
  ZIdParam,
  ZMergeUnitsRequest,
  ZSplitUnitRequest,
  ZUnit,
  ZUnitChildrenQuery,
  ZUnitDetail,
  ZUnitImportResult,
  ZUnitSearchQuery,
  ZUnitType,
  ZUpdateUnitRequest,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { AppError } from '../../lib/errors.js';
import { defineRoute, jsonContent, type Permission, IdParams } from '../../lib/routes.js';
import * as service from './units.service.js';
import { importUnits, parseUnitFile } from './units.import.js';
import { exportUnitsXlsx } from './units.export.js';

const readers: Permission = { access: 'authenticated' };
const editors: Permission = { access: 'roles', roles: ['admin'] };
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const unitRoutes = new OpenAPIHono<AppEnv>();

unitRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/units/children',
    summary: 'Các đơn vị trực thuộc (mặc định: đơn vị của người dùng)',
    permission: readers,
    scope: { entity: 'unit', list: true },
    request: { query: ZUnitChildrenQuery },
    responses: { 200: jsonContent(z.object({ parent: ZUnit, items: z.array(ZUnit) })) },
  }),
  async (c) => c.json(await service.listUnitChildren(requestContext(c), c.req.valid('query')), 200),
);

unitRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/units/search',
    summary: 'Tìm đơn vị không phân biệt dấu trong địa bàn',
    permission: readers,
    scope: { entity: 'unit', list: true },
    request: { query: ZUnitSearchQuery },
    responses: { 200: jsonContent(z.object({ items: z.array(ZUnit) })) },
  }),
  async (c) => c.json(await service.searchUnitsInScope(requestContext(c), c.req.valid('query')), 200),
);

unitRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/units/export',
    summary: 'Xuất danh sách đơn vị ra Excel',
    permission: readers,
    scope: { entity: 'unit' },
    request: { query: z.object({ unitId: ZIdParam.optional() }) },
    responses: { 200: { description: 'Tệp .xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } } },
  }),
  async (c) => {
    const bytes = await exportUnitsXlsx(requestContext(c), c.req.valid('query').unitId);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="don-vi.xlsx"',
    });
  },
);

unitRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/units/{id}',
    summary: 'Chi tiết đơn vị, cấp trên, đơn vị tiền thân và kế thừa',
    permission: readers,
    scope: { entity: 'unit', param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(ZUnitDetail) },
  }),
  async (c) => c.json(await service.getUnitDetail(requestContext(c), c.req.valid('param').id), 200),
);

unitRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/units/{id}/lineage',
    summary: 'Đơn vị và các đơn vị tiền thân qua mọi lần sắp xếp',
    permission: readers,
    scope: { entity: 'unit', param: 'id' },
    request: { params: IdParams },
    responses: {
      200: jsonContent(
        z.object({ items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), type: ZUnitType, depth: z.number(), partial: z.boolean() })) }),
      ),
    },
  }),
  async (c) => c.json(await service.getLineage(requestContext(c), c.req.valid('param').id), 200),
);

unitRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/units',
    summary: 'Thêm đơn vị',
    permission: editors,
    scope: { entity: 'unit', bodyUnitField: 'parentId' },
    request: { body: { content: { 'application/json': { schema: ZCreateUnitRequest } } } },
    responses: { 201: jsonContent(ZUnit, 'Đã tạo') },
  }),
  async (c) => c.json(await service.createUnit(requestContext(c), c.req.valid('json')), 201),
);

unitRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/units/{id}',
    summary: 'Sửa đơn vị',
    permission: editors,
    scope: { entity: 'unit', param: 'id' },
    request: { params: IdParams, body: { content: { 'application/json': { schema: ZUpdateUnitRequest } } } },
    responses: { 200: jsonContent(ZUnit) },
  }),
  async (c) => c.json(await service.updateUnit(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

unitRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/units/merge',
    summary: 'Ghi nhận sáp nhập nhiều đơn vị thành một',
    permission: editors,
    scope: { entity: 'unit', bodyUnitField: 'predecessorIds' },
    request: { body: { content: { 'application/json': { schema: ZMergeUnitsRequest } } } },
    responses: { 201: jsonContent(ZUnitDetail, 'Đã sáp nhập') },
  }),
  async (c) => c.json(await service.mergeUnits(requestContext(c), c.req.valid('json')), 201),
);

unitRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/units/{id}/split',
    summary: 'Ghi nhận chia tách một đơn vị thành nhiều đơn vị',
    permission: editors,
    scope: { entity: 'unit', param: 'id' },
    request: { params: IdParams, body: { content: { 'application/json': { schema: ZSplitUnitRequest } } } },
    responses: { 201: jsonContent(z.object({ items: z.array(ZUnitDetail) }), 'Đã chia tách') },
  }),
  async (c) => c.json(await service.splitUnit(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);

unitRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/units/import',
    summary: 'Nhập đơn vị từ tệp CSV/XLSX (tất cả hoặc không)',
    permission: editors,
    scope: { entity: 'unit' },
    responses: { 201: jsonContent(ZUnitImportResult.extend({ links: z.number().int() }), 'Đã nhập') },
  }),
  async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = (form as Record<string, unknown>).file;
    if (!(file instanceof File)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', message: c.get('locale') === 'vi' ? '«Tệp» là bắt buộc' : '«File» is required' }] });
    if (file.size > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const input = await parseUnitFile(await file.arrayBuffer(), file.name);
    return c.json(await importUnits(requestContext(c), input), 201);
  },
);
