import { createApp, OPENAPI_INFO } from './app.js';
import { loadEnv } from './env.js';

/** The OpenAPI document as the running app serves it at /api/openapi.json. */
export function openApiDocument() {
  const app = createApp({ db: {} as never, env: loadEnv({}) });
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
