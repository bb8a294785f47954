import { OpenAPIHono } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  TRAINING_EDITORS,
  ZCourse,
  ZCourseAttendanceRequest,
  ZCourseDetail,
  ZCourseListQuery,
  ZCreateCourseRequest,
  ZCreateRosterPersonRequest,
  ZIdParam,
  ZRosterListQuery,
  ZRosterPerson,
  ZUpdateRosterPersonRequest,
  paged,
} from '@pcmd/contracts';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, jsonContent, type Permission, jsonBody, IdParams } from '../../lib/routes.js';
import * as service from './training.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.training };
const editors: Permission = { access: 'roles', roles: TRAINING_EDITORS };

export const trainingRoutes = new OpenAPIHono<AppEnv>();

trainingRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/training/people',
    summary: 'Danh sách đội ngũ làm công tác phòng, chống mại dâm của địa bàn',
    permission: readers,
    scope: { list: true },
    request: { query: ZRosterListQuery },
    responses: { 200: jsonContent(paged(ZRosterPerson)) },
  }),
  async (c) => c.json(await service.listPeople(requestContext(c), c.req.valid('query')), 200),
);

trainingRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/training/people', summary: 'Thêm người vào danh sách đội ngũ', permission: editors, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZCreateRosterPersonRequest), responses: { 201: jsonContent(ZRosterPerson, 'Đã thêm') } }),
  async (c) => c.json(await service.addPerson(requestContext(c), c.req.valid('json')), 201),
);

trainingRoutes.openapi(
  defineRoute({
    method: 'patch',
    path: '/api/training/people/{id}',
    summary: 'Sửa thông tin, chuyển đơn vị hoặc ghi ngày thôi nhiệm vụ',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(ZUpdateRosterPersonRequest) },
    responses: { 200: jsonContent(ZRosterPerson) },
  }),
  async (c) => c.json(await service.updatePerson(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

trainingRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/api/training/courses',
    summary: 'Các khóa tập huấn của địa bàn',
    permission: readers,
    scope: { list: true },
    request: { query: ZCourseListQuery },
    responses: { 200: jsonContent(paged(ZCourse)) },
  }),
  async (c) => c.json(await service.listCourses(requestContext(c), c.req.valid('query')), 200),
);

trainingRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/training/courses', summary: 'Ghi nhận khóa tập huấn', permission: editors, scope: { bodyUnitField: 'unitId' }, request: jsonBody(ZCreateCourseRequest), responses: { 201: jsonContent(ZCourse, 'Đã ghi nhận') } }),
  async (c) => c.json(await service.createCourse(requestContext(c), c.req.valid('json')), 201),
);

trainingRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/training/courses/{id}', summary: 'Khóa tập huấn và người tham dự', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZCourseDetail) } }),
  async (c) => c.json(await service.getCourse(requestContext(c), c.req.valid('param').id), 200),
);

trainingRoutes.openapi(
  defineRoute({
    method: 'put',
    path: '/api/training/courses/{id}/attendance',
    summary: 'Danh sách người tham dự (từ danh sách đội ngũ trong địa bàn) và hoàn thành khóa học',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams, ...jsonBody(ZCourseAttendanceRequest) },
    responses: { 200: jsonContent(ZCourseDetail) },
  }),
  async (c) => c.json(await service.setAttendance(requestContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

trainingRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/api/training/courses/{id}/certificates',
    summary: 'Đính kèm chứng nhận của một người tham dự (biểu mẫu: personId, file)',
    permission: editors,
    scope: { param: 'id' },
    request: { params: IdParams },
    responses: { 200: jsonContent(ZCourseDetail) },
  }),
  async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const personId = ZIdParam.safeParse(form.personId);
    const file = form.file instanceof File && form.file.size > 0 ? form.file : null;
    return c.json(await service.attachCertificate(requestContext(c), c.req.valid('param').id, personId.success ? personId.data : null, file), 200);
  },
);
