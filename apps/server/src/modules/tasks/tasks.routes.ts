import { OpenAPIHono, z } from '@hono/zod-openapi';
import { MODULE_ROLES, ZPlanTask, ZTaskUpdateRequest } from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { AppError } from '../../lib/errors.js';
import { defineRoute, jsonContent, type Permission, IdParams } from '../../lib/routes.js';
import * as service from './tasks.service.js';

const members: Permission = { access: 'roles', roles: MODULE_ROLES.tasks };
const ZTaskDetail = ZPlanTask.extend({
  updates: z.array(z.object({ id: z.number(), at: z.string(), status: z.string(), note: z.string(), username: z.string().nullable(), file: z.object({ id: z.number(), name: z.string(), size: z.number() }).nullable() })),
});

export const taskRoutes = new OpenAPIHono<AppEnv>();

taskRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/tasks',
    summary: 'Bảng nhiệm vụ: của cơ quan mình trước, quá hạn được đánh dấu',
    permission: members,
    scope: { list: true },
    request: { query: z.object({ overdue: z.enum(['true', 'false']).optional() }) },
    responses: { 200: jsonContent(z.object({ items: z.array(ZPlanTask.extend({ unitId: z.number(), unitName: z.string(), planSubject: z.string(), mine: z.boolean() })) })) },
  }),
  async (c) => c.json(await service.listTasks(requestContext(c), { overdue: c.req.valid('query').overdue === 'true' }), 200),
);

taskRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/tasks/{id}', summary: 'Nhiệm vụ và tiến độ', permission: members, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZTaskDetail) } }),
  async (c) => c.json(await service.getTask(requestContext(c), c.req.valid('param').id), 200),
);

taskRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/tasks/{id}/progress',
    summary: 'Cập nhật tiến độ nhiệm vụ, kèm minh chứng (biểu mẫu: status, note, doneAt, file)',
    permission: members,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(ZTaskDetail) },
  }),
  async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'status', message: c.get('locale') === 'vi' ? '«Trạng thái» là bắt buộc' : '«Status» is required' }] });
    });
    const parsed = ZTaskUpdateRequest.safeParse({ status: form.status, note: typeof form.note === 'string' ? form.note : undefined, doneAt: typeof form.doneAt === 'string' && form.doneAt ? form.doneAt : undefined });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const file = form.file instanceof File && form.file.size > 0 ? form.file : null;
    return c.json(await service.reportTaskProgress(requestContext(c), c.req.valid('param').id, parsed.data, file), 200);
  },
);

taskRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/files/{id}',
    summary: 'Tải tệp minh chứng',
    permission: members,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: { description: 'Tệp', content: { 'application/octet-stream': { schema: z.string() } } } },
  }),
  async (c) => {
    const file = await service.downloadFile(requestContext(c), c.req.valid('param').id);
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.mime_type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      'x-content-type-options': 'nosniff',
    });
  },
);
