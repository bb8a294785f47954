import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ESTABLISHMENT_EDITORS,
  MODULE_ROLES,
  ZInspection,
  ZInspectionPlan,
  ZInspectionPlanRequest,
  ZInspectionRequest,
  ZPriorityItem,
  ZPriorityQuery,
  ZRiskWeights,
  ZSanctionFollowUpRequest,
  ZViolationType,
  ZViolationTypeRequest,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './inspections.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.establishments };
const editors: Permission = { access: 'roles', roles: ESTABLISHMENT_EDITORS };
const admins: Permission = { access: 'roles', roles: ['admin'] };

export const inspectionRoutes = new OpenAPIHono<AppEnv>();

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/violation-types', summary: 'Danh mục hành vi vi phạm', permission: readers, responses: { 200: jsonContent(z.object({ items: z.array(ZViolationType) })) } }),
  async (c) => c.json(await service.listViolationTypes(requestContext(c)), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/violation-types', summary: 'Thêm hoặc sửa một hành vi vi phạm trong danh mục', permission: admins, request: jsonBody(ZViolationTypeRequest), responses: { 200: jsonContent(ZViolationType) } }),
  async (c) => c.json(await service.saveViolationType(requestContext(c), c.req.valid('json')), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/inspection-plans', summary: 'Kế hoạch kiểm tra của địa bàn', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(z.object({ id: z.number(), unitId: z.number(), kind: z.string(), title: z.string(), startsOn: z.string(), endsOn: z.string() })) })) } }),
  async (c) => c.json(await service.listInspectionPlans(requestContext(c)), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/inspection-plans', summary: 'Lập kế hoạch kiểm tra (định kỳ, chuyên đề, đột xuất)', permission: editors, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZInspectionPlanRequest), responses: { 201: jsonContent(ZInspectionPlan, 'Đã tạo') } }),
  async (c) => c.json(await service.createInspectionPlan(requestContext(c), c.req.valid('json')), 201),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/inspection-plans/{id}', summary: 'Kế hoạch kiểm tra và tiến độ', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZInspectionPlan) } }),
  async (c) => c.json(await service.getInspectionPlan(requestContext(c), c.req.valid('param').id), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/inspections', summary: 'Ghi biên bản kiểm tra, vi phạm và quyết định xử phạt', permission: editors, scope: { bodyUnitField: 'establishmentId' }, request: jsonBody(ZInspectionRequest), responses: { 201: jsonContent(ZInspection, 'Đã ghi') } }),
  async (c) => c.json(await service.recordInspection(requestContext(c), c.req.valid('json')), 201),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/inspections/{id}', summary: 'Biên bản kiểm tra', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZInspection) } }),
  async (c) => c.json(await service.getInspection(requestContext(c), c.req.valid('param').id), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/inspections/{id}/files', summary: 'Đính kèm ảnh, tài liệu của buổi kiểm tra (biểu mẫu: file)', permission: editors, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZInspection) } }),
  async (c) => {
    const file = (await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)).file;
    return c.json(await service.attachInspectionFile(requestContext(c), c.req.valid('param').id, file instanceof File ? file : null), 200);
  },
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/establishments/{id}/inspections', summary: 'Các lần kiểm tra một cơ sở', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(z.object({ items: z.array(ZInspection) })) } }),
  async (c) => c.json(await service.listInspectionsOf(requestContext(c), c.req.valid('param').id), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'patch', path: '/api/sanctions/{id}', summary: 'Theo dõi thi hành quyết định xử phạt', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZSanctionFollowUpRequest) }, responses: { 200: jsonContent(ZInspection) } }),
  async (c) => c.json(await service.followUpSanction(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/inspection-priority', summary: 'Danh sách ưu tiên kiểm tra, điểm và các yếu tố', permission: readers, scope: { list: true }, request: { query: ZPriorityQuery }, responses: { 200: jsonContent(z.object({ items: z.array(ZPriorityItem) })) } }),
  async (c) => c.json(await service.inspectionPriority(requestContext(c), c.req.valid('query')), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/risk-weights', summary: 'Trọng số các yếu tố ưu tiên kiểm tra', permission: readers, responses: { 200: jsonContent(ZRiskWeights) } }),
  async (c) => c.json(await service.getRiskWeights(requestContext(c)), 200),
);

inspectionRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/risk-weights', summary: 'Đặt trọng số ưu tiên kiểm tra', permission: admins, request: jsonBody(ZRiskWeights), responses: { 200: jsonContent(ZRiskWeights) } }),
  async (c) => c.json(await service.setRiskWeights(requestContext(c), c.req.valid('json')), 200),
);
