import { OpenAPIHono } from '@hono/zod-openapi';
import { MODULE_ROLES, ZCreateUserRequest, ZResetPasswordRequest, ZUpdateUserRequest, ZUser, ZUserListQuery, paged } from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './users.service.js';

const admins: Permission = { access: 'roles', roles: MODULE_ROLES.users };

export const userRoutes = new OpenAPIHono<AppEnv>();

userRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Danh sách người dùng trong địa bàn',
    permission: admins,
    scope: { entity: 'user', list: true },
    request: { query: ZUserListQuery },
    responses: { 200: jsonContent(paged(ZUser)) },
  }),
  async (c) => c.json(await service.listUsers(requestContext(c), c.req.valid('query')), 200),
);

userRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Tạo người dùng',
    permission: admins,
    scope: { entity: 'user', bodyUnitField: 'unitId' },
    request: jsonBody(ZCreateUserRequest),
    responses: { 201: jsonContent(ZUser, 'Đã tạo') },
  }),
  async (c) => c.json(await service.createUser(requestContext(c), c.req.valid('json')), 201),
);

userRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/users/{id}',
    summary: 'Chi tiết người dùng',
    permission: admins,
    scope: { entity: 'user', param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(ZUser) },
  }),
  async (c) => c.json(await service.getUser(requestContext(c), c.req.valid('param').id), 200),
);

userRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/users/{id}',
    summary: 'Sửa người dùng: vai trò, đơn vị, khóa/mở',
    permission: admins,
    scope: { entity: 'user', param: 'id' },
    request: { params: IdParams, ...jsonBody(ZUpdateUserRequest) },
    responses: { 200: jsonContent(ZUser) },
  }),
  async (c) => c.json(await service.updateUser(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

userRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/users/{id}/reset-password',
    summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
    permission: admins,
    scope: { entity: 'user', param: 'id' },
    request: { params: IdParams, ...jsonBody(ZResetPasswordRequest) },
    responses: { 200: jsonContent(ZUser) },
  }),
  async (c) => c.json(await service.resetPassword(requestContext(c), c.req.valid('param').id, c.req.valid('json').newPassword), 200),
);
