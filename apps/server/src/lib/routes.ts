import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ZErrorResponse, ZIdParam, type TRole } from '@pcmd/contracts';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';

/** Who may call a route. Default-deny: a route without an entry cannot be defined. */
export type Permission = { access: 'public' } | { access: 'authenticated' } | { access: 'roles'; roles: readonly TRole[] };

/**
 * What a route touches in the unit hierarchy, so the access matrix test can aim a user of commune A at commune B:
 * `param` names a path parameter holding a record id of `entity`; `list` marks a list whose items carry a unitId;
 * `bodyUnitField` names the body field that places a new record in a unit.
 */
export interface ScopeProbe {
  entity?: 'unit' | 'user';
  param?: string;
  list?: boolean;
  bodyUnitField?: string;
}

export interface RouteTableEntry {
  method: string;
  path: string;
  permission: Permission;
  scope: ScopeProbe;
  writes: boolean;
  hasJsonBody: boolean;
  /** The JSON body's schema, so tests can tell a valid body from a bad one. */
  bodySchema?: { safeParse(value: unknown): { success: boolean } };
}

/** Every route of the API with its permission; the access matrix test is generated from it. */
export const ROUTE_TABLE: RouteTableEntry[] = [];

const errorContent = { 'application/json': { schema: ZErrorResponse } };
const standardErrors = {
  400: { description: 'Dữ liệu không hợp lệ', content: errorContent },
  401: { description: 'Chưa đăng nhập', content: errorContent },
  403: { description: 'Không có quyền', content: errorContent },
  404: { description: 'Không tìm thấy', content: errorContent },
  409: { description: 'Trùng lặp', content: errorContent },
};

function authorize(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission.access === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (permission.access === 'roles' && !permission.roles.includes(actor.role)) {
      await c.get('audit').denied(c, `${c.req.method} ${c.req.routePath}`);
      throw new AppError('FORBIDDEN');
    }
    return next();
  };
}

/** Declares a route: its contract (OpenAPI), its permission and its scope probe, in one place. */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  spec: R & { permission: Permission; scope?: ScopeProbe },
) {
  const { permission, scope = {}, ...route } = spec;
  const hasJsonBody = Boolean(route.request?.body);
  if (route.request?.body) (route.request.body as { required?: boolean }).required = true;
  ROUTE_TABLE.push({
    method: route.method.toUpperCase(),
    path: route.path,
    permission,
    scope,
    writes: route.method !== 'get',
    hasJsonBody,
    bodySchema: (route.request?.body?.content as Record<string, { schema?: RouteTableEntry['bodySchema'] }> | undefined)?.['application/json']?.schema,
  });
  return createRoute({
    ...route,
    responses: { ...standardErrors, ...route.responses },
    middleware: [authorize(permission)] as const,
  });
}

/** A JSON request body for a route's `request`. */
export const jsonBody = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

/** The `{id}` path parameter of a record. */
export const IdParams = z.object({ id: ZIdParam });

export const jsonContent = <T>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
