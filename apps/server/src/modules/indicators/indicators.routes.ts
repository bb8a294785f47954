import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  ZBoardRow,
  ZClosePeriodRequest,
  ZDenominatorRequest,
  ZIdParam,
  ZManualMeasureRequest,
  ZManualValueRequest,
  ZPeriodKey,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody } from '../../lib/routes.js';
import * as service from './indicators.service.js';
import { importDenominators } from './denominators.import.js';
import { AppError } from '../../lib/errors.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.plans };
const enterers: Permission = { access: 'roles', roles: MODULE_ROLES.data_entry };

export const indicatorRoutes = new OpenAPIHono<AppEnv>();

indicatorRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/plans/{id}/board',
    summary: 'Bảng theo dõi chỉ tiêu của kế hoạch',
    permission: readers,
    scope: { param: 'id' },
    request: { params: z.object({ id: ZIdParam }), query: z.object({ periodKey: ZPeriodKey, unitId: ZIdParam.optional() }) },
    responses: { 200: jsonContent(z.object({ unitId: z.number(), unitName: z.string(), periodKey: z.string(), rows: z.array(ZBoardRow) })) },
  }),
  async (c) => {
    const { periodKey, unitId } = c.req.valid('query');
    return c.json(await service.buildBoard(requestContext(c), c.req.valid('param').id, periodKey, unitId), 200);
  },
);

indicatorRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/measures',
    summary: 'Các chỉ số đo dùng cho chỉ tiêu',
    permission: readers,
    responses: {
      200: jsonContent(
        z.object({
          builtIn: z.array(z.object({ key: z.string(), label: z.object({ vi: z.string(), en: z.string() }), params: z.array(z.string()) })),
          manual: z.array(z.object({ key: z.string(), name: z.string(), unitId: z.number() })),
        }),
      ),
    },
  }),
  async (c) => c.json(await service.listMeasures(requestContext(c)), 200),
);

indicatorRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/manual-measures', summary: 'Định nghĩa chỉ số nhập tay', permission: enterers, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZManualMeasureRequest), responses: { 201: jsonContent(z.object({ key: z.string(), name: z.string(), unitId: z.number() })) } }),
  async (c) => c.json(await service.defineManualMeasure(requestContext(c), c.req.valid('json')), 201),
);

indicatorRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/manual-values', summary: 'Nhập số liệu theo đơn vị và kỳ', permission: enterers, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZManualValueRequest), responses: { 200: jsonContent(ZManualValueRequest.extend({ enteredBy: z.string() })) } }),
  async (c) => c.json(await service.enterManualValue(requestContext(c), c.req.valid('json')), 200),
);

indicatorRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/manual-values',
    summary: 'Số liệu nhập tay của một chỉ số đo',
    permission: readers,
    scope: { list: true },
    request: { query: z.object({ measureKey: z.string().max(100) }) },
    responses: { 200: jsonContent(z.object({ items: z.array(z.object({ unitId: z.number(), unitName: z.string(), periodStart: z.string(), periodEnd: z.string(), value: z.number(), enteredBy: z.string().nullable(), enteredAt: z.string() })) })) },
  }),
  async (c) => c.json(await service.listManualValues(requestContext(c), c.req.valid('query').measureKey), 200),
);

indicatorRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/denominators', summary: 'Nhập mẫu số (dân số nhóm đối tượng) theo đơn vị và năm', permission: enterers, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZDenominatorRequest), responses: { 200: jsonContent(ZDenominatorRequest) } }),
  async (c) => c.json(await service.setDenominator(requestContext(c), c.req.valid('json')), 200),
);

indicatorRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/denominators',
    summary: 'Mẫu số của địa bàn',
    permission: readers,
    scope: { list: true },
    request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(z.object({ groupKey: z.string(), unitId: z.number(), unitName: z.string(), unitCode: z.string(), year: z.number(), value: z.number() })) })) },
  }),
  async (c) => c.json(await service.listDenominators(requestContext(c), c.req.valid('query').year), 200),
);

indicatorRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/denominators/import',
    summary: 'Nhập mẫu số từ Excel/CSV (mã đơn vị, nhóm đối tượng, năm, số lượng; tất cả hoặc không)',
    permission: enterers,
    responses: { 201: jsonContent(z.object({ imported: z.number().int() }), 'Đã nhập') },
  }),
  async (c) => {
    const file = (await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)).file;
    if (!(file instanceof File)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', message: c.get('locale') === 'vi' ? '«Tệp» là bắt buộc' : '«File» is required' }] });
    return c.json(await importDenominators(requestContext(c), await file.arrayBuffer(), file.name), 201);
  },
);

indicatorRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/closed-periods', summary: 'Khóa kỳ báo cáo của địa bàn', permission: enterers, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZClosePeriodRequest), responses: { 201: jsonContent(ZClosePeriodRequest.extend({ id: z.number() })) } }),
  async (c) => c.json(await service.closePeriod(requestContext(c), c.req.valid('json')), 201),
);
