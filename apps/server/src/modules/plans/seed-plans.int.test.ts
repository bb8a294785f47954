import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';
import { binhLuPlan, hungBinhPlan, SEED_MANUAL_MEASURES, tanHungPlan } from '../../demo/seed-plans.js';

const pct = (num: number, den: number) => Math.round((10_000 * num) / den) / 100;
type Row = { name: string; current: { numerator: number; denominator: number | null; value: number | null; status: string } };

/**
 * Generated data for each seed, entered through the API, and the hand count it must give. The 2026 periods run from
 * 15/12/2025; from today (23/11/2026) on, twelve of their months have begun.
 */
describeEachDatabase(
  'the three seed plans, through the public API, computed on generated data',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let admin: TestClient;
    before(async () => {
      admin = await new TestClient(get().app).login('quantri');
      const measures = (await admin.get('/api/measures')).body.manual.map((m: { key: string }) => m.key);
      for (const [key] of SEED_MANUAL_MEASURES) assert.ok(measures.includes(key), `the demo defines ${key}`);
    });

    const value = (measureKey: string, unitId: number, v: number, periodStart = '2026-02-01', periodEnd = '2026-03-01') =>
      admin.put('/api/manual-values', { measureKey, unitId, periodStart, periodEnd, value: v }).then((r) => assert.equal(r.status, 200, JSON.stringify(r.body)));
    const denominator = (groupKey: string, unitId: number, year: number, v: number) =>
      admin.put('/api/denominators', { groupKey, unitId, year, value: v }).then((r) => assert.equal(r.status, 200, JSON.stringify(r.body)));
    const finish = async (taskId: number, doneAt: string) => {
      const form = new FormData();
      form.append('status', 'done');
      form.append('doneAt', doneAt);
      const res = await admin.request('POST', `/api/tasks/${taskId}/progress`, undefined, form);
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    const board = async (planId: number, periodKey: string) => {
      const res = await admin.get(`/api/plans/${planId}/board?periodKey=${periodKey}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.rows as Row[];
    };

    test('Tân Hưng 2026–2030: seven indicators', async () => {
      const { fx } = get();
      const created = await admin.post('/api/plans', tanHungPlan(fx.communeA));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const plan = created.body;
      const groups = (await admin.get(`/api/units/children?parentId=${fx.communeA}`)).body.items as { id: number }[];
      // 4 of the 6 residential groups held outreach (one recorded twice in different months: still one group each).
      for (const g of groups.slice(0, 4)) await value('manual.groups_with_outreach', g.id, 1);
      // 20 establishments open in 2026; 19 inspected (17 in February, 2 in August; one of them twice, still one).
      const establishments: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const res = await admin.post('/api/establishments', { unitId: groups[i % groups.length].id, name: `Cơ sở số ${i}`, typeCode: 'karaoke', address: `Số ${i}, Tân An`, openedOn: '2025-01-01' });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        establishments.push(res.body.id);
      }
      const inspect = (establishmentId: number, inspectedOn: string) =>
        admin.post('/api/inspections', { establishmentId, kind: 'periodic', inspectedOn }).then((r) => assert.equal(r.status, 201, JSON.stringify(r.body)));
      for (const id of establishments.slice(0, 17)) await inspect(id, '2026-02-10');
      for (const id of establishments.slice(17, 19)) await inspect(id, '2026-08-10');
      await inspect(establishments[0], '2026-09-01');
      await value('manual.sex_workers_served', fx.communeA, 4);
      await denominator('sex_workers_with_needs', fx.communeA, 2026, 5);
      await value('manual.tips_received', fx.communeA, 8);
      await value('manual.tips_handled_on_time', fx.communeA, 8);
      await denominator('officials_roster', fx.communeA, 2026, 25);
      await value('manual.officials_trained', fx.communeA, 12);
      await finish(plan.tasks[0].id, '2026-06-15');
      await finish(plan.tasks[1].id, '2026-08-10');
      const year = await board(plan.id, '2026');
      const expected2026 = [
        { num: 4, den: 6, status: 'behind' },
        { num: 19, den: 20, status: 'behind' },
        { num: 4, den: 5, status: 'met' },
        { num: 8, den: 8, status: 'met' },
      ];
      expected2026.forEach((e, i) => {
        assert.equal(year[i].current.numerator, e.num, year[i].name);
        assert.equal(year[i].current.denominator, e.den, year[i].name);
        assert.equal(year[i].current.value, pct(e.num, e.den), year[i].name);
        assert.equal(year[i].current.status, e.status, year[i].name);
      });
      const period = await board(plan.id, '2026-2030');
      // Three tasks were due in 2026 (deadlines 30/06, 31/07, 30/09); one was done on time, one late, one not at all.
      assert.deepEqual([period[4].current.numerator, period[4].current.denominator, period[4].current.status], [1, 3, 'behind']);
      assert.deepEqual([period[5].current.value, period[5].current.status], [95, 'behind'], 'above 95 % means strictly more');
      // The roster is counted for the year the period ends in (2030), which has no figure yet.
      assert.deepEqual([period[6].current.value, period[6].current.status], [null, 'no_data']);
    });

    test('Bình Lư 2026–2030: tasks, monthly frequency, plain manual count', async () => {
      const { fx } = get();
      const created = await admin.post('/api/plans', binhLuPlan(fx.communeB));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const plan = created.body;
      await finish(plan.tasks[0].id, '2026-03-20');
      await finish(plan.tasks[1].id, '2026-04-30');
      // 9 of the 12 months so far had outreach, entered month by month; one month with no publication.
      const months = ['2025-12-15', '2026-01-15', '2026-02-15', '2026-03-15', '2026-05-15', '2026-06-15', '2026-07-15', '2026-09-15', '2026-10-15'];
      for (const m of months) {
        const end = new Date(`${m}T00:00:00Z`);
        end.setUTCMonth(end.getUTCMonth() + 1);
        await value('manual.months_with_outreach', fx.communeB, 1, m, end.toISOString().slice(0, 10));
      }
      await value('manual.sex_workers_served', fx.communeB, 0);
      await denominator('sex_workers_with_needs', fx.communeB, 2026, 0);
      await value('manual.tips_received', fx.communeB, 3);
      await value('manual.tips_handled_on_time', fx.communeB, 2);
      await value('manual.documents_issued', fx.communeB, 2);
      const rows = await board(plan.id, '2026');
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value, rows[0].current.status], [2, 2, 100, 'met']);
      assert.deepEqual([rows[1].current.numerator, rows[1].current.denominator, rows[1].current.value], [9, 12, 75]);
      assert.equal(rows[2].current.status, 'no_data', 'no one with needs: no share to compute');
      assert.deepEqual([rows[3].current.value, rows[3].current.status], [pct(2, 3), 'behind']);
      const period = await board(plan.id, '2026-2030');
      assert.deepEqual([period[4].current.value, period[4].current.denominator, period[4].current.status], [2, null, 'met']);
    });

    test('Hưng Bình 2025: task completion and monthly outreach over a finished year', async () => {
      const { fx } = get();
      const wardHoaBinh = (await admin.get('/api/units/search?q=MAU-HB')).body.items[0].id;
      const created = await admin.post('/api/plans', hungBinhPlan(wardHoaBinh));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const plan = created.body;
      await finish(plan.tasks[0].id, '2025-03-30');
      await finish(plan.tasks[1].id, '2025-06-30');
      await finish(plan.tasks[2].id, '2025-11-02');
      for (const m of ['2024-12-15', '2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15', '2025-06-15', '2025-07-15', '2025-08-15', '2025-09-15', '2025-10-15', '2025-11-15']) {
        const end = new Date(`${m}T00:00:00Z`);
        end.setUTCMonth(end.getUTCMonth() + 1);
        await value('manual.months_with_outreach', wardHoaBinh, 1, m, end.toISOString().slice(0, 10));
      }
      const rows = await board(plan.id, '2025');
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value], [2, 4, 50], 'four tasks due in 2025, two on time');
      assert.deepEqual([rows[1].current.numerator, rows[1].current.denominator, rows[1].current.status], [12, 12, 'met']);
      assert.equal(fx.provinceId > 0, true);
    });
  },
);
