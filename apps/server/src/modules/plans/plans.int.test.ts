import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

describeEachDatabase(
  'plans cascade from the level above',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    test('a commune derives its plan from the province’s, edits a target, and the province sees it next to its own', async () => {
      const { fx, app } = get();
      const focal = await new TestClient(app).login('daumoi');
      const plans = await focal.get('/api/plans');
      const province = plans.body.items.find((p: { numberSymbol: string }) => p.numberSymbol === '10/KH-UBND');
      assert.ok(province, 'the commune sees the province plan it implements');
      const source = (await focal.get(`/api/plans/${province.id}`)).body;
      assert.equal((await focal.patch(`/api/plans/${province.id}`, { subject: 'Sửa kế hoạch tỉnh' })).status, 403, 'but cannot edit it');

      const derived = await focal.post(`/api/plans/${province.id}/derive`, { unitId: fx.communeA, placeName: 'Tân An' });
      assert.equal(derived.status, 201, JSON.stringify(derived.body));
      const plan = derived.body;
      assert.equal(plan.parentPlanId, province.id);
      assert.equal(plan.status, 'draft');
      assert.match(plan.preamble, /^Thực hiện Kế hoạch số 10\/KH-UBND ngày 20\/05\/2026 của UBND tỉnh Mẫu/);
      assert.equal(plan.indicators.length, source.indicators.length);
      assert.deepEqual(plan.indicators.map((i: { parentIndicatorId: number }) => i.parentIndicatorId), source.indicators.map((i: { id: number }) => i.id));
      assert.equal(plan.tasks.length, source.tasks.length);
      assert.deepEqual(plan.sections.map((s: { heading: string }) => s.heading), source.sections.map((s: { heading: string }) => s.heading));

      const first = plan.indicators[0];
      const edited = await focal.request('PUT', `/api/indicators/${first.id}/targets`, { targets: [{ periodKey: '2026', target: 90 }] });
      assert.equal(edited.status, 200);
      assert.deepEqual(edited.body.indicators[0].targets, [{ periodKey: '2026', target: 90 }]);
      assert.deepEqual((await focal.get(`/api/plans/${province.id}`)).body.indicators[0].targets, source.indicators[0].targets, 'the province target is unchanged');

      const admin = await new TestClient(app).login('soyte');
      const board = await admin.get(`/api/plans/${province.id}/board?periodKey=2026`);
      assert.equal(board.status, 200);
      const tanAn = board.body.rows[0].children.find((c: { unitName: string }) => c.unitName === 'Phường Tân An');
      assert.equal(tanAn.ownTarget, 90);
      assert.equal(board.body.rows[0].current.target, 100);
      const binhMinh = board.body.rows[0].children.find((c: { unitName: string }) => c.unitName === 'Xã Bình Minh');
      assert.equal(binhMinh.ownTarget, null, 'a commune without a derived plan is held to the province target');
      assert.equal(binhMinh.target, 100);
    });

    test('a plan cannot be derived for a unit that is not below it, nor outside one’s area', async () => {
      const { fx, app } = get();
      const focal = await new TestClient(app).login('daumoi');
      const province = (await focal.get('/api/plans')).body.items.find((p: { numberSymbol: string }) => p.numberSymbol === '10/KH-UBND');
      assert.equal((await focal.post(`/api/plans/${province.id}/derive`, { unitId: fx.communeB, placeName: 'Bình Minh' })).status, 403);
      const own = (await focal.get('/api/plans')).body.items.find((p: { unitId: number }) => p.unitId === fx.communeA);
      const sideways = await focal.post(`/api/plans/${own.id}/derive`, { unitId: fx.communeA, placeName: 'Tân An' });
      assert.equal(sideways.status, 400);
      assert.equal(sideways.body.error.fields[0].path, 'unitId');
    });

    test('editing the sections keeps each task under its section', async () => {
      const { app } = get();
      const focal = await new TestClient(app).login('daumoi');
      const own = (await focal.get('/api/plans')).body.items.find((p: { parentPlanId: number | null }) => p.parentPlanId !== null);
      const plan = (await focal.get(`/api/plans/${own.id}`)).body;
      const sectionOfFirstTask = plan.tasks[0].sectionId;
      assert.ok(sectionOfFirstTask);
      const sections = plan.sections.map((s: { heading: string; body: string }) => ({ heading: s.heading, body: `${s.body} (đã sửa)` }));
      const saved = await focal.request('PUT', `/api/plans/${own.id}/sections`, { sections });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.tasks[0].sectionId, sectionOfFirstTask);
      assert.ok(saved.body.sections.every((s: { body: string }) => s.body.endsWith('(đã sửa)')));
      assert.match(plan.subject, /phường Tân An$/, 'the derived subject names the ward');
    });

    test('every plan change is audited with before and after', async () => {
      const { app } = get();
      const focal = await new TestClient(app).login('daumoi');
      const own = (await focal.get('/api/plans')).body.items.find((p: { unitId: number; parentPlanId: number | null }) => p.parentPlanId !== null);
      assert.equal((await focal.patch(`/api/plans/${own.id}`, { numberSymbol: '202/KH-UBND', status: 'issued' })).status, 200);
      const admin = await new TestClient(app).login('quantri');
      const log = await admin.get('/api/audit?entity=plan&action=update');
      const entry = log.body.items.find((e: { entityId: string }) => e.entityId === String(own.id));
      assert.equal(entry.before.status, 'draft');
      assert.equal(entry.after.status, 'issued');
      assert.equal(entry.after.numberSymbol, '202/KH-UBND');
    });
  },
);
