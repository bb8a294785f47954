import { createApp, type App } from '../app.js';
import type { Db } from '../db/database.js';
import { loadEnv } from '../env.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';

/** A fixed key for tests only: real deployments keep theirs out of the code. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The real application over a test database, with quiet logging. */
export function createTestApp(db: Db, env: Record<string, string> = {}): App {
  const errors: unknown[] = [];
  return createApp({ db, env: loadEnv({ PCMD_DATA_DIR: './unused', PCMD_DATA_KEY: TEST_DATA_KEY, PCMD_PROOF_OF_WORK_BITS: '8', PCMD_TRUST_PROXY: 'true', ...env }), log: (m, err) => (process.env.PCMD_TEST_LOG ? console.error(m, err) : errors.push(err)) });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A logged-in (or anonymous) client that keeps its session cookie, like a browser. */
export class TestClient {
  cookie = '';
  constructor(
    readonly app: App,
    readonly locale: 'vi' | 'en' = 'vi',
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, rawBody?: string | FormData): Promise<ApiResponse<T>> {
    // Same-origin like the web app, which the CSRF guard demands of form posts.
    const headers: Record<string, string> = { 'x-pcmd-locale': this.locale, origin: 'http://localhost' };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (rawBody !== undefined) {
      payload = rawBody;
      if (typeof rawBody === 'string') headers['content-type'] = 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.request(path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('pcmd_session=')) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown) => this.request<T>('PUT', path, body);

  async login(username: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export async function loginAs(app: App, username: string, password = DEMO_PASSWORD): Promise<TestClient> {
  return new TestClient(app).login(username, password);
}
