import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../lib/app-env.js';
import { defineRoute, jsonContent } from '../../lib/routes.js';

export const ZAppConfig = z.object({ mapTileUrl: z.string(), mapAttribution: z.string() });

export const appConfigRoutes = new OpenAPIHono<AppEnv>();

/** Deployment settings the web app needs (a closed network may have its own tile server, or none). */
appConfigRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/app-config', summary: 'Cấu hình hiển thị của hệ thống (máy chủ bản đồ)', permission: { access: 'authenticated' }, responses: { 200: jsonContent(ZAppConfig) } }),
  (c) => c.json({ mapTileUrl: c.get('env').PCMD_MAP_TILE_URL, mapAttribution: c.get('env').PCMD_MAP_ATTRIBUTION }, 200),
);
