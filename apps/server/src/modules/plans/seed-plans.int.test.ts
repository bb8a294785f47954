import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';
import { receiveTestTips } from '../../test-support/plan-fixtures.js';
import { binhLuPlan, hungBinhPlan, SEED_MANUAL_MEASURES, tanHungPlan } from '../../demo/seed-plans.js';

const pct = (num: number, den: number) => Math.round((10_000 * num) / den) / 100;
type Row = { name: string; current: { numerator: number; denominator: number | null; value: number | null; status: string } };

/**
 * Generated data for each seed, entered through the API, and the hand count it must give. The 2026 periods run from
 * 15/12/2025; from 15/11/2026 on, twelve of their months have begun.
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
    const activity = (client: TestClient, unitId: number, heldOn: string, channel = 'community_meeting') =>
      client
        .post('/api/outreach/activities', { unitId, heldOn, agency: 'Hội Liên hiệp Phụ nữ', channel, topic: 'Phòng, chống mại dâm', reach: [{ group: 'residents', reached: 30 }] })
        .then((r) => assert.equal(r.status, 201, JSON.stringify(r.body)));
    const rosterOf = async (unitId: number, people: { kind?: string; joinedOn?: string; leftOn?: string }[]) => {
      const ids: number[] = [];
      for (const [i, p] of people.entries()) {
        const res = await admin.post('/api/training/people', { unitId, fullName: `Cán bộ số ${i + 1}`, kind: p.kind ?? 'official', agency: 'UBND', joinedOn: p.joinedOn ?? '2025-07-01', ...(p.leftOn ? { leftOn: p.leftOn } : {}) });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        ids.push(res.body.id);
      }
      return ids;
    };
    const course = async (unitId: number, endsOn: string, attendees: { personId: number; completed: boolean }[]) => {
      const res = await admin.post('/api/training/courses', { unitId, title: 'Tập huấn nghiệp vụ phòng, chống mại dâm', organiser: 'Sở Y tế', level: 'province', startsOn: endsOn, endsOn });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const set = await admin.put(`/api/training/courses/${res.body.id}/attendance`, { attendees });
      assert.equal(set.status, 200, JSON.stringify(set.body));
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
      // 4 of the 6 residential groups held outreach (one twice, in different months: still one group); the ward's own
      // loudspeaker series is not an activity of any group; group 5 held one only before the period.
      const focal = await new TestClient(get().app).login('daumoi');
      await activity(focal, groups[0].id, '2026-01-10');
      await activity(focal, groups[0].id, '2026-05-10');
      await activity(focal, groups[1].id, '2026-03-02');
      await activity(focal, groups[2].id, '2026-06-20', 'print');
      await activity(focal, groups[3].id, '2025-12-15');
      await activity(focal, groups[4].id, '2025-12-14');
      const series = await focal.post('/api/outreach/series', { unitId: fx.communeA, agency: 'Trung tâm Dịch vụ Sự nghiệp công', channel: 'loudspeaker', topic: 'Phòng, chống mại dâm', frequency: 'weekly', startsOn: '2026-01-05' });
      assert.equal(series.status, 201, JSON.stringify(series.body));
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
      await receiveTestTips(await new TestClient(get().app).login('congan'), fx.groupA, { received: 8, handledOnTime: 8 });
      // The ward's team: 10 on the roster today (one more left in October; one joins next year); 6 of them completed a
      // course in the period (one of them twice), one attended without completing, the one who left was trained too.
      const team = await rosterOf(fx.communeA, [{}, {}, {}, {}, {}, {}, {}, {}, { kind: 'police' }, { kind: 'volunteer' }, { leftOn: '2026-10-01' }, { joinedOn: '2027-01-01' }]);
      await course(fx.communeA, '2026-04-10', [0, 1, 2, 3].map((i) => ({ personId: team[i], completed: true })).concat([{ personId: team[10], completed: true }]));
      await course(fx.communeA, '2026-09-20', [3, 4, 8].map((i) => ({ personId: team[i], completed: true })).concat([{ personId: team[9], completed: false }]));
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
      // 6 of the 10 on the roster today were trained in the period: exactly the 60 % the plan asks for.
      assert.deepEqual([period[6].current.numerator, period[6].current.denominator, period[6].current.value, period[6].current.status], [6, 10, 60, 'met']);
    });

    test('Bình Lư 2026–2030: tasks, monthly frequency, plain manual count', async () => {
      const { fx } = get();
      const created = await admin.post('/api/plans', binhLuPlan(fx.communeB));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const plan = created.body;
      await finish(plan.tasks[0].id, '2026-03-20');
      await finish(plan.tasks[1].id, '2026-04-30');
      // 9 of the 12 months so far had outreach (one of them twice), in the commune or its villages; three months had no
      // publication, among them April, whose only activity was in another commune.
      const focal = await new TestClient(get().app).login('daumoi.bm');
      const villages = (await focal.get(`/api/units/children?parentId=${fx.communeB}`)).body.items as { id: number }[];
      const days = ['2025-12-15', '2026-01-20', '2026-03-14', '2026-03-15', '2026-04-01', '2026-05-30', '2026-06-15', '2026-08-14', '2026-09-15', '2026-11-14'];
      for (const [i, day] of days.entries()) await activity(focal, i % 2 ? villages[i % villages.length].id : fx.communeB, day, i % 3 ? 'website' : 'social_media');
      await activity(await new TestClient(get().app).login('daumoi'), fx.communeA, '2026-04-20', 'website');
      // Commune officials: 3 on the roster, 2 trained; a collaborator trained too counts for neither.
      const officials = await rosterOf(fx.communeB, [{}, {}, {}, { kind: 'collaborator' }]);
      await course(fx.communeB, '2026-08-01', [officials[0], officials[1], officials[3]].map((personId) => ({ personId, completed: true })));
      await value('manual.sex_workers_served', fx.communeB, 0);
      await denominator('sex_workers_with_needs', fx.communeB, 2026, 0);
      await receiveTestTips(focal, fx.communeB, { received: 3, handledOnTime: 2 });
      await value('manual.documents_issued', fx.communeB, 2);
      const rows = await board(plan.id, '2026');
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value, rows[0].current.status], [2, 2, 100, 'met']);
      assert.deepEqual([rows[1].current.numerator, rows[1].current.denominator, rows[1].current.value], [9, 12, 75]);
      assert.equal(rows[2].current.status, 'no_data', 'no one with needs: no share to compute');
      assert.deepEqual([rows[3].current.value, rows[3].current.status], [pct(2, 3), 'behind']);
      const period = await board(plan.id, '2026-2030');
      assert.deepEqual([period[4].current.value, period[4].current.denominator, period[4].current.status], [2, null, 'met']);
      assert.deepEqual([period[6].current.numerator, period[6].current.denominator, period[6].current.status], [2, 3, 'behind']);
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
      // A website post on the 20th of every month, entered once as a series, and a meeting in one quarter in March.
      const focal = await new TestClient(get().app).login((await createTestUser(get().handle.db, 'focal_point', wardHoaBinh)).username);
      const series = await focal.post('/api/outreach/series', { unitId: wardHoaBinh, agency: 'Công chức Văn hóa - Thông tin', channel: 'website', topic: 'Tuyên truyền phòng, chống mại dâm', frequency: 'monthly', startsOn: '2024-12-20', endsOn: '2025-11-20' });
      assert.equal(series.status, 201, JSON.stringify(series.body));
      assert.equal(series.body.occurrencesSoFar, 12);
      const quarter = (await focal.get(`/api/units/children?parentId=${wardHoaBinh}`)).body.items[0].id;
      await activity(focal, quarter, '2025-03-08');
      const rows = await board(plan.id, '2025');
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value], [2, 4, 50], 'four tasks due in 2025, two on time');
      assert.deepEqual([rows[1].current.numerator, rows[1].current.denominator, rows[1].current.status], [12, 12, 'met']);
      assert.equal(fx.provinceId > 0, true);
    });
  },
);
