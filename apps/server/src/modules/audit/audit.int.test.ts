import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

describeEachDatabase(
  'audit log',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    test('records a failed login with the username tried', async () => {
      await new TestClient(get().app).post('/api/auth/login', { username: 'daumoi', password: 'doan-sai' });
      const admin = await new TestClient(get().app).login('quantri');
      const res = await admin.get('/api/audit?action=login_failed');
      assert.equal(res.status, 200);
      const entry = res.body.items.find((e: { detail: { username: string } }) => e.detail?.username === 'daumoi');
      assert.ok(entry, JSON.stringify(res.body.items));
      assert.equal(entry.detail.reason, 'bad_password');
    });

    test('records a unit edit with before and after values, filterable by entity, unit and date', async () => {
      const { fx, app } = get();
      const admin = await new TestClient(app).login('quantri');
      assert.equal((await admin.patch(`/api/units/${fx.groupA}`, { name: 'Tổ dân phố Một' })).status, 200);
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
      const res = await admin.get(`/api/audit?entity=unit&action=update&unitId=${fx.communeA}&from=${today}&to=${today}`);
      const entry = res.body.items.find((e: { entityId: string }) => e.entityId === String(fx.groupA));
      assert.ok(entry);
      assert.equal(entry.before.name, 'Tổ dân phố 1');
      assert.equal(entry.after.name, 'Tổ dân phố Một');
      assert.equal(entry.actorUsername, 'quantri');
      const leaderOfA = await new TestClient(app).login('lanhdao');
      const seen = await leaderOfA.get('/api/audit?entity=unit&action=update');
      assert.ok(seen.body.items.some((e: { entityId: string }) => e.entityId === String(fx.groupA)), 'the leader of the ward sees edits in the ward');
    });

    test('a refused request is recorded', async () => {
      const police = await new TestClient(get().app).login('congan');
      assert.equal((await police.get('/api/users')).status, 403);
      const admin = await new TestClient(get().app).login('quantri');
      const res = await admin.get('/api/audit?action=access_denied');
      assert.ok(res.body.items.some((e: { actorUsername: string; entityId: string }) => e.actorUsername === 'congan' && e.entityId === 'GET /api/users'));
    });

    test('passwords never reach the log', async () => {
      const admin = await new TestClient(get().app).login('quantri');
      const created = await admin.post('/api/users', { username: 'an.toan', fullName: 'An Toàn', role: 'mass_org', unitId: get().fx.communeA, password: 'mat-khau-bi-mat-123' });
      assert.equal(created.status, 201);
      const { rows } = await sql<{ t: string }>`select string_agg(coalesce(after::text, '') || coalesce(detail::text, ''), ' ') as t from audit_log`.execute(get().handle.db);
      assert.ok(!rows[0].t.includes('mat-khau-bi-mat-123'));
      assert.ok(!rows[0].t.includes('$argon2id$'));
    });

    test('the log refuses to be altered: no route, and the database rejects update, delete and truncate', async () => {
      const admin = await new TestClient(get().app).login('quantri');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) assert.equal((await admin.request(method, '/api/audit', {})).status, 404);
      const db = get().handle.db;
      const before = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db);
      await assert.rejects(sql`update audit_log set action = 'tampered'`.execute(db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(db), /append-only/);
      await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/);
      const after = await sql<{ n: number }>`select count(*)::int as n from audit_log where action <> 'tampered'`.execute(db);
      assert.equal(after.rows[0].n, before.rows[0].n);
    });
  },
);
