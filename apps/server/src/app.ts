import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import { errorMessage, parseLocale, setValidationLocaleSource, type TErrorResponse } from '@pcmd/contracts';
import type { Db } from './db/database.js';
import type { TEnv } from './env.js';
import type { AppEnv, PublicGuard } from './lib/app-env.js';
import { configureDataKey } from './lib/data-key.js';
import { ProofOfWork, RateLimiter } from './lib/public-guard.js';
import { currentLocale, runWithLocale } from './lib/context.js';
import { AppError } from './lib/errors.js';
import { deniedRecorder } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { sessionMiddleware } from './modules/auth/session.middleware.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { indicatorRoutes } from './modules/indicators/indicators.routes.js';
import { taskRoutes } from './modules/tasks/tasks.routes.js';
import { establishmentRoutes } from './modules/establishments/establishments.routes.js';
import { inspectionRoutes } from './modules/inspections/inspections.routes.js';
import { appConfigRoutes } from './modules/app-config/app-config.routes.js';
import { tipRoutes } from './modules/tips/tips.routes.js';
import { publicTipRoutes } from './modules/tips/tips.public.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { outreachRoutes } from './modules/outreach/outreach.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';

setValidationLocaleSource(currentLocale);

export const OPENAPI_INFO = { openapi: '3.1.0', info: { title: 'PCMD API', version: '0.1.0', description: 'Phòng, chống mại dâm' } } as const;

const JSON_LIMIT_BYTES = 1024 * 1024;
const UPLOAD_LIMIT_BYTES = 11 * 1024 * 1024;

function errorBody(c: Context<AppEnv>, err: AppError): TErrorResponse {
  const locale = c.get('locale') ?? 'vi';
  return {
    error: {
      code: err.code,
      message: err.extra.message ?? errorMessage(err.code, locale),
      ...(err.extra.fields ? { fields: err.extra.fields } : {}),
      ...(err.extra.rows ? { rows: err.extra.rows } : {}),
      requestId: c.get('requestId') ?? '',
    },
  };
}

/** The configured map tile server may serve images to the pages; nothing else from outside. */
function tileOrigin(env: TEnv): string[] {
  if (!env.PCMD_MAP_TILE_URL) return [];
  try {
    // {s} picks one of several sub-domains (a, b, c): allow them all.
    const url = new URL(env.PCMD_MAP_TILE_URL.replace('{s}.', 'subdomain-wildcard.').replace(/\{[a-z]\}/g, '0'));
    return [url.origin.replace('subdomain-wildcard.', '*.')];
  } catch {
    return [];
  }
}

/** The whole HTTP application; `main.ts` serves it, tests call `app.request()` on it. */
export function createApp(deps: { db: Db; env: TEnv; log?: (msg: string, err?: unknown) => void }) {
  const log = deps.log ?? ((msg, err) => console.error(msg, err));
  if (deps.env.PCMD_DATA_KEY) configureDataKey(deps.env.PCMD_DATA_KEY);
  const publicGuard: PublicGuard = {
    submissions: new RateLimiter(deps.env.PCMD_PUBLIC_SUBMISSIONS_PER_10_MIN, 10 * 60_000),
    lookups: new RateLimiter(deps.env.PCMD_PUBLIC_SUBMISSIONS_PER_10_MIN * 10, 10 * 60_000),
    proof: new ProofOfWork(deps.env.PCMD_PROOF_OF_WORK_BITS),
  };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new AppError('VALIDATION_FAILED', { fields });
      }
    },
  });

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    const locale = parseLocale(c.req.header('x-pcmd-locale') ?? c.req.header('accept-language'));
    c.set('requestId', requestId);
    c.set('locale', locale);
    c.set('db', deps.db);
    c.set('env', deps.env);
    c.set('audit', deniedRecorder);
    c.set('publicGuard', publicGuard);
    c.set('actor', undefined);
    c.header('x-request-id', requestId);
    await runWithLocale(locale, next);
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigin(deps.env)], styleSrc: ["'self'", "'unsafe-inline'"] } }));
  app.use('/api/*', csrf());
  const isUpload = (path: string) =>
    ['/api/units/import', '/api/denominators/import', '/api/establishments/import', '/api/establishments/import/preview', '/api/online-posts', '/api/public/tips/information'].includes(path) ||
    /^\/api\/(tasks\/\d+\/progress|inspections\/\d+\/files|outreach\/activities\/\d+\/files|training\/courses\/\d+\/certificates)$/.test(path);
  app.use('/api/*', async (c, next) => {
    if (isUpload(c.req.path)) return bodyLimit({ maxSize: UPLOAD_LIMIT_BYTES, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } })(c, next);
    return bodyLimit({ maxSize: JSON_LIMIT_BYTES, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } })(c, next);
  });
  app.use('/api/*', sessionMiddleware);

  app.route('/', authRoutes);
  app.route('/', unitRoutes);
  app.route('/', userRoutes);
  app.route('/', auditRoutes);
  app.route('/', planRoutes);
  app.route('/', indicatorRoutes);
  app.route('/', taskRoutes);
  app.route('/', establishmentRoutes);
  app.route('/', inspectionRoutes);
  app.route('/', appConfigRoutes);
  app.route('/', tipRoutes);
  app.route('/', publicTipRoutes);
  app.route('/', reportRoutes);
  app.route('/', outreachRoutes);
  app.route('/', trainingRoutes);

  app.doc31('/api/openapi.json', OPENAPI_INFO);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json(errorBody(c, new AppError('NOT_FOUND')), 404);
    return c.text('Not found', 404);
  });

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(c, err), err.status as 400);
    if (err instanceof HTTPException && err.status === 400) return c.json(errorBody(c, new AppError('MALFORMED_JSON')), 400);
    if (err instanceof HTTPException && err.status === 403) return c.json(errorBody(c, new AppError('FORBIDDEN')), 403);
    if (err instanceof HTTPException && err.status === 413) return c.json(errorBody(c, new AppError('PAYLOAD_TOO_LARGE')), 413);
    log(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} failed`, err);
    return c.json(errorBody(c, new AppError('INTERNAL')), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

/** Serves the built web app, with index.html for every client-side route. */
export function mountWebApp(app: App, distDir: string) {
  const root = resolve(distDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  return true;
}
