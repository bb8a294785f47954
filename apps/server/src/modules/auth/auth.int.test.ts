import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';
import { currentTotpCode } from './auth.service.js';

describeEachDatabase(
  'login, sessions, lock-out and two-factor',
  async (handle) => {
    const fx = await seedDemoFixture(handle.db);
    return { fx, app: createTestApp(handle.db, { PCMD_LOCKOUT_ATTEMPTS: '3', PCMD_SESSION_IDLE_MINUTES: '30' }) };
  },
  (get) => {
    test('a session cookie is HttpOnly and SameSite=Strict, and logout ends the session', async () => {
      const client = new TestClient(get().app);
      const res = await client.post('/api/auth/login', { username: 'daumoi', password: 'pcmd-demo-2026' });
      assert.equal(res.status, 200);
      assert.equal(res.body.unit.name, 'Phường Tân An');
      const cookie = res.headers.get('set-cookie')!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.equal((await client.get('/api/auth/me')).status, 200);
      assert.equal((await client.post('/api/auth/logout')).status, 200);
      assert.equal((await client.get('/api/auth/me')).status, 401);
    });

    test('a wrong password answers in the user’s language without telling which part was wrong', async () => {
      const vi = await new TestClient(get().app).post('/api/auth/login', { username: 'daumoi', password: 'sai-mat-khau' });
      assert.equal(vi.status, 401);
      assert.equal(vi.body.error.message, 'Tên đăng nhập hoặc mật khẩu không đúng.');
      const en = await new TestClient(get().app, 'en').post('/api/auth/login', { username: 'khong-ton-tai', password: 'x' });
      assert.equal(en.status, 401);
      assert.equal(en.body.error.message, 'Wrong username or password.');
    });

    test('repeated failures lock the account, even against the right password, until an admin resets it', async () => {
      const { fx, app, handle } = get();
      const user = await createTestUser(handle.db, 'police', fx.communeA);
      for (let i = 0; i < 2; i++) assert.equal((await new TestClient(app).post('/api/auth/login', { username: user.username, password: 'wrong' })).status, 401);
      const third = await new TestClient(app).post('/api/auth/login', { username: user.username, password: 'wrong' });
      assert.equal(third.status, 423);
      const right = await new TestClient(app).post('/api/auth/login', { username: user.username, password: user.password });
      assert.equal(right.status, 423);
      assert.match(right.body.error.message, /tạm khóa/);
      const admin = await new TestClient(app).login('quantri');
      assert.equal((await admin.post(`/api/users/${user.id}/reset-password`, { newPassword: 'mat-khau-moi-12345' })).status, 200);
      const after = await new TestClient(app).post('/api/auth/login', { username: user.username, password: 'mat-khau-moi-12345' });
      assert.equal(after.status, 200);
      assert.equal(after.body.mustChangePassword, true);
    });

    test('an idle session expires', async () => {
      const { app, handle } = get();
      const client = await new TestClient(app).login('congan');
      await sql`update sessions set last_seen_at = now() - interval '31 minutes'`.execute(handle.db);
      assert.equal((await client.get('/api/auth/me')).status, 401);
    });

    test('a disabled account cannot log in and loses its sessions', async () => {
      const { fx, app, handle } = get();
      const user = await createTestUser(handle.db, 'mass_org', fx.communeA);
      const session = await new TestClient(app).login(user.username, user.password);
      const admin = await new TestClient(app).login('quantri');
      assert.equal((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status, 200);
      assert.equal((await session.get('/api/auth/me')).status, 401);
      const again = await new TestClient(app).post('/api/auth/login', { username: user.username, password: user.password });
      assert.equal(again.status, 403);
      assert.equal(again.body.error.code, 'ACCOUNT_DISABLED');
    });

    test('two-factor: once enabled, login needs the current code', async () => {
      const { fx, app, handle } = get();
      const user = await createTestUser(handle.db, 'leader', fx.communeA);
      const client = await new TestClient(app).login(user.username, user.password);
      const setup = await client.post('/api/auth/totp/setup');
      assert.match(setup.body.otpauthUrl, /^otpauth:\/\/totp\/PCMD/);
      const stored = await handle.db.selectFrom('users').select('totp_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.ok(stored.totp_secret && !stored.totp_secret.includes(setup.body.secret), 'the secret is stored encrypted');
      assert.equal((await client.post('/api/auth/totp/enable', { totpCode: '000000' === currentTotpCode(user.username, setup.body.secret) ? '111111' : '000000' })).status, 400);
      assert.equal((await client.post('/api/auth/totp/enable', { totpCode: currentTotpCode(user.username, setup.body.secret) })).status, 200);
      const without = await new TestClient(app).post('/api/auth/login', { username: user.username, password: user.password });
      assert.equal(without.status, 401);
      assert.equal(without.body.error.code, 'TOTP_REQUIRED');
      const withCode = await new TestClient(app).post('/api/auth/login', { username: user.username, password: user.password, totpCode: currentTotpCode(user.username, setup.body.secret) });
      assert.equal(withCode.status, 200);
      assert.equal(withCode.body.totpEnabled, true);
    });

    test('changing the password needs the current one and ends the other sessions', async () => {
      const { fx, app, handle } = get();
      const user = await createTestUser(handle.db, 'finance', fx.communeA);
      const phone = await new TestClient(app).login(user.username, user.password);
      const desk = await new TestClient(app).login(user.username, user.password);
      const wrong = await desk.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'mat-khau-moi-67890' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.fields[0].path, 'currentPassword');
      assert.equal((await desk.post('/api/auth/password', { currentPassword: user.password, newPassword: 'mat-khau-moi-67890' })).status, 200);
      assert.equal((await desk.get('/api/auth/me')).status, 200);
      assert.equal((await phone.get('/api/auth/me')).status, 401);
    });
  },
);

test('validation messages follow the chosen language', async () => {
  const { createApp } = await import('../../app.js');
  const { loadEnv } = await import('../../env.js');
  const app = createApp({ db: {} as never, env: loadEnv({}) });
  const ask = async (locale: string) => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-pcmd-locale': locale }, body: JSON.stringify({ username: 'a' }) });
    return res.json();
  };
  assert.equal((await ask('vi')).error.fields[0].message, '«Mật khẩu» là bắt buộc');
  assert.equal((await ask('en')).error.fields[0].message, '«Password» is required');
});
