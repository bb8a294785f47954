import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ESTABLISHMENT_EDITORS,
  MODULE_ROLES,
  ZCreateEstablishmentRequest,
  ZEstablishment,
  ZEstablishmentExportQuery,
  ZEstablishmentImportPreview,
  ZEstablishmentImportResult,
  ZEstablishmentListQuery,
  ZUpdateEstablishmentRequest,
  paged,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './establishments.service.js';
import { importEstablishments, previewEstablishmentImport, readImportForm } from './establishments.import.js';
import { exportEstablishmentsXlsx } from './establishments.export.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.establishments };
const editors: Permission = { access: 'roles', roles: ESTABLISHMENT_EDITORS };

export const establishmentRoutes = new OpenAPIHono<AppEnv>();

establishmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/establishment-types',
    summary: 'Danh mục loại hình cơ sở kinh doanh dịch vụ dễ bị lợi dụng',
    permission: readers,
    responses: { 200: jsonContent(z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) })) },
  }),
  async (c) => c.json(await service.listEstablishmentTypes(requestContext(c)), 200),
);

establishmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/establishments',
    summary: 'Danh sách cơ sở trong địa bàn (tìm không dấu theo tên, địa chỉ, số đăng ký)',
    permission: readers,
    scope: { list: true },
    request: { query: ZEstablishmentListQuery },
    responses: { 200: jsonContent(paged(ZEstablishment)) },
  }),
  async (c) => c.json(await service.listEstablishments(requestContext(c), c.req.valid('query')), 200),
);

establishmentRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/establishments', summary: 'Thêm cơ sở', permission: editors, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZCreateEstablishmentRequest), responses: { 201: jsonContent(ZEstablishment, 'Đã tạo') } }),
  async (c) => c.json(await service.createEstablishment(requestContext(c), c.req.valid('json')), 201),
);

// Before /api/establishments/{id}: Hono tries routes in the order they are added, and {id} would take «export».
establishmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/establishments/export',
    summary: 'Xuất danh sách cơ sở đã lọc ra Excel, cùng tiêu đề cột với tệp nhập',
    permission: readers,
    request: { query: ZEstablishmentExportQuery },
    responses: { 200: { description: 'Tệp .xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } } },
  }),
  async (c) => {
    const bytes = await exportEstablishmentsXlsx(requestContext(c), c.req.valid('query'));
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="co-so.xlsx"',
    });
  },
);

establishmentRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/establishments/{id}', summary: 'Chi tiết cơ sở', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZEstablishment) } }),
  async (c) => c.json(await service.getEstablishment(requestContext(c), c.req.valid('param').id), 200),
);

establishmentRoutes.openapi(
  defineRoute({ method: 'patch', path: '/api/establishments/{id}', summary: 'Sửa cơ sở: thông tin, rà soát, phân loại, cam kết', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZUpdateEstablishmentRequest) }, responses: { 200: jsonContent(ZEstablishment) } }),
  async (c) => c.json(await service.updateEstablishment(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

establishmentRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/establishments/{id}/history',
    summary: 'Lịch sử thay đổi của cơ sở',
    permission: readers,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(z.object({ items: z.array(z.object({ at: z.string(), actorUsername: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown() })) })) },
  }),
  async (c) => c.json(await service.establishmentHistory(requestContext(c), c.req.valid('param').id), 200),
);

establishmentRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/establishments/import/preview',
    summary: 'Xem trước tệp Excel/CSV cơ sở: cột đề xuất, 20 dòng đầu, lỗi từng dòng; không ghi gì (biểu mẫu: file, mapping JSON tùy chọn)',
    permission: editors,
    responses: { 200: jsonContent(ZEstablishmentImportPreview) },
  }),
  async (c) => {
    const { upload, mapping } = await readImportForm(await c.req.parseBody().catch(() => ({})), c.get('locale'));
    return c.json(await previewEstablishmentImport(requestContext(c), upload, mapping), 200);
  },
);

establishmentRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/establishments/import',
    summary: 'Nhập cơ sở từ tệp Excel/CSV, tất cả hoặc không (biểu mẫu: file, mapping JSON {tiêu đề cột: trường})',
    permission: editors,
    responses: { 201: jsonContent(ZEstablishmentImportResult, 'Đã nhập') },
  }),
  async (c) => {
    const { upload, mapping } = await readImportForm(await c.req.parseBody().catch(() => ({})), c.get('locale'));
    return c.json(await importEstablishments(requestContext(c), upload, mapping), 201);
  },
);
