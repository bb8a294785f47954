import { OpenAPIHono } from '@hono/zod-openapi';
import { MODULE_ROLES, ZAuditEntry, ZAuditQuery, paged } from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent } from '../../lib/routes.js';
import { searchAudit } from './audit.service.js';

export const auditRoutes = new OpenAPIHono<AppEnv>();

auditRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Nhật ký thao tác (chỉ đọc)',
    permission: { access: 'roles', roles: MODULE_ROLES.audit },
    scope: { list: true },
    request: { query: ZAuditQuery },
    responses: { 200: jsonContent(paged(ZAuditEntry)) },
  }),
  async (c) => c.json(await searchAudit(requestContext(c), c.req.valid('query')), 200),
);
