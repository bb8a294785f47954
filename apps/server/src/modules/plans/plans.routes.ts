import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  PLAN_EDITORS,
  ZCreatePlanRequest,
  ZDerivePlanRequest,
  ZIndicatorInput,
  ZPlan,
  ZPlanSectionInput,
  ZPlanSummary,
  ZTaskInput,
  ZUpdatePlanRequest,
  ZUpdateTargetsRequest,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './plans.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.plans };
const editors: Permission = { access: 'roles', roles: PLAN_EDITORS };

export const planRoutes = new OpenAPIHono<AppEnv>();

planRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/plans', summary: 'Kế hoạch của địa bàn và của cấp trên', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(ZPlanSummary) })) } }),
  async (c) => c.json(await service.listPlansInScope(requestContext(c)), 200),
);

planRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/plans', summary: 'Tạo kế hoạch', permission: editors, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZCreatePlanRequest), responses: { 201: jsonContent(ZPlan, 'Đã tạo') } }),
  async (c) => c.json(await service.createPlan(requestContext(c), c.req.valid('json')), 201),
);

planRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/plans/{id}', summary: 'Chi tiết kế hoạch', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZPlan) } }),
  async (c) => c.json(await service.getPlan(requestContext(c), c.req.valid('param').id), 200),
);

planRoutes.openapi(
  defineRoute({ method: 'patch', path: '/api/plans/{id}', summary: 'Sửa kế hoạch', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZUpdatePlanRequest) }, responses: { 200: jsonContent(ZPlan) } }),
  async (c) => c.json(await service.updatePlan(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

planRoutes.openapi(
  defineRoute({
    method: 'put',
    path: '/api/plans/{id}/sections',
    summary: 'Thay các mục nhiệm vụ, giải pháp',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(z.strictObject({ sections: z.array(ZPlanSectionInput).max(50) })) },
    responses: { 200: jsonContent(ZPlan) },
  }),
  async (c) => c.json(await service.replaceSections(requestContext(c), c.req.valid('param').id, c.req.valid('json').sections), 200),
);

planRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/plans/{id}/indicators', summary: 'Thêm chỉ tiêu', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZIndicatorInput) }, responses: { 201: jsonContent(ZPlan) } }),
  async (c) => c.json(await service.addIndicator(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);

planRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/indicators/{id}/targets', summary: 'Đặt chỉ tiêu theo kỳ', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZUpdateTargetsRequest) }, responses: { 200: jsonContent(ZPlan) } }),
  async (c) => c.json(await service.setTargets(requestContext(c), c.req.valid('param').id, c.req.valid('json').targets), 200),
);

planRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/plans/{id}/tasks', summary: 'Thêm nhiệm vụ', permission: editors, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZTaskInput) }, responses: { 201: jsonContent(ZPlan) } }),
  async (c) => c.json(await service.addTask(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);

planRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/plans/{id}/derive', summary: 'Xây dựng kế hoạch cấp dưới từ kế hoạch này', permission: editors, scope: { param: 'id', bodyUnitField: 'unitId' }, request: { params: IdParams, ...jsonBody(ZDerivePlanRequest) }, responses: { 201: jsonContent(ZPlan, 'Đã tạo') } }),
  async (c) => c.json(await service.derivePlan(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

planRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/plans/{id}/document.docx',
    summary: 'Tải kế hoạch dạng Word theo thể thức Nghị định 30/2020/NĐ-CP',
    permission: readers,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: { description: 'Tệp .docx', content: { [DOCX]: { schema: z.string() } } } },
  }),
  async (c) => {
    const plan = await service.getPlan(requestContext(c), c.req.valid('param').id);
    // The Word writer loads only when a document is asked for, keeping it off the server's start-up.
    const { renderPlanDocument, planDocumentFileName } = await import('./plans.document.js');
    const bytes = await renderPlanDocument(plan);
    const fileName = planDocumentFileName(plan);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': DOCX,
      'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  },
);
