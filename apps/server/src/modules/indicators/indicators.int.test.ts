import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

const share = (num: number, den: number) => Math.round((10_000 * num) / den) / 100;

describeEachDatabase(
  'indicator engine: rollups, history, manual entry',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let admin: TestClient;
    let planId: number;
    before(async () => {
      admin = await new TestClient(get().app).login('quantri');
      for (const key of ['manual.rollup_num', 'manual.rollup_den'])
        assert.equal((await admin.post('/api/manual-measures', { key, name: key, unitId: get().fx.provinceId })).status, 201);
      const plan = await admin.post('/api/plans', {
        unitId: get().fx.provinceId,
        placeName: 'Mẫu',
        subject: 'Phòng, chống mại dâm giai đoạn 2024-2026',
        periodFromYear: 2024,
        periodToYear: 2026,
        indicators: [
          {
            name: 'Tỷ lệ thử',
            shape: 'share_of_records',
            numerator: { measure: 'manual.rollup_num' },
            denominator: { measure: 'manual.rollup_den' },
            comparator: 'gte',
            unitLevel: 3,
            targets: [{ periodKey: '2026', target: 40 }, { periodKey: '2024', target: 40 }],
          },
        ],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      planId = plan.body.id;
    });

    const enter = (key: string, unitId: number, value: number, periodStart = '2026-01-01', periodEnd = '2026-02-01') =>
      admin.put('/api/manual-values', { measureKey: key, unitId, periodStart, periodEnd, value });

    test('a province of three communes gets the summed ratio, not the mean of ratios, and names the communes behind', async () => {
      const { fx } = get();
      const wardHoaBinh = (await admin.get('/api/units/search?q=MAU-HB')).body.items[0].id;
      const data: [number, number, number][] = [
        [fx.communeA, 9, 10],
        [fx.communeB, 1, 2],
        [wardHoaBinh, 10, 100],
      ];
      for (const [unit, num, den] of data) {
        assert.equal((await enter('manual.rollup_num', unit, num)).status, 200);
        assert.equal((await enter('manual.rollup_den', unit, den)).status, 200);
      }
      const board = await admin.get(`/api/plans/${planId}/board?periodKey=2026`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      const row = board.body.rows[0];
      assert.equal(row.current.numerator, 20);
      assert.equal(row.current.denominator, 112);
      assert.equal(row.current.value, share(20, 112), 'summed: 20 / 112');
      assert.notEqual(row.current.value, share(90 + 50 + 10, 300), 'not the mean of 90 %, 50 % and 10 %');
      assert.equal(row.current.status, 'behind');
      const byName = Object.fromEntries(row.children.map((c: { unitName: string; value: number; status: string }) => [c.unitName, c]));
      assert.equal(byName['Phường Tân An'].value, 90);
      assert.equal(byName['Xã Bình Minh'].status, 'met');
      assert.deepEqual(row.behind.map((b: { unitName: string }) => b.unitName), ['Phường Hòa Bình']);
    });

    test('a ward formed by merging two communes includes their 2024 records in its 2024 value', async () => {
      const { fx } = get();
      const [tanLap, anHoa] = fx.oldCommunesOfA;
      assert.equal((await enter('manual.rollup_num', tanLap, 3, '2024-03-01', '2024-04-01')).status, 200);
      assert.equal((await enter('manual.rollup_den', tanLap, 4, '2024-03-01', '2024-04-01')).status, 200);
      assert.equal((await enter('manual.rollup_num', anHoa, 1, '2024-05-01', '2024-06-01')).status, 200);
      assert.equal((await enter('manual.rollup_den', anHoa, 4, '2024-05-01', '2024-06-01')).status, 200);
      const board = await admin.get(`/api/plans/${planId}/board?periodKey=2024&unitId=${fx.communeA}`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.equal(board.body.unitName, 'Phường Tân An');
      const row = board.body.rows[0];
      assert.equal(row.current.numerator, 4);
      assert.equal(row.current.denominator, 8);
      assert.equal(row.current.value, 50);
      assert.equal(row.current.status, 'met');
      const trend = Object.fromEntries(row.trend.map((t: { periodKey: string; value: number }) => [t.periodKey, t.value]));
      assert.equal(trend['2024'], 50);
      assert.equal(trend['2026'], 90);
    });

    test('a manual entry outside the user’s subtree, or for a closed period, is refused with a clear message', async () => {
      const { fx, app } = get();
      const focal = await new TestClient(app).login('daumoi');
      const outside = await focal.put('/api/manual-values', { measureKey: 'manual.rollup_num', unitId: fx.communeB, periodStart: '2026-03-01', periodEnd: '2026-04-01', value: 1 });
      assert.equal(outside.status, 403);
      assert.equal(outside.body.error.message, 'Dữ liệu này nằm ngoài địa bàn bạn phụ trách.');
      assert.equal((await focal.post('/api/closed-periods', { unitId: fx.communeA, periodStart: '2025-12-15', periodEnd: '2026-06-15' })).status, 201);
      const closed = await focal.put('/api/manual-values', { measureKey: 'manual.rollup_num', unitId: fx.groupA, periodStart: '2026-03-01', periodEnd: '2026-04-01', value: 1 });
      assert.equal(closed.status, 400);
      assert.match(closed.body.error.fields[0].message, /Kỳ báo cáo 15\/12\/2025–14\/06\/2026 đã khóa/);
      const open = await focal.put('/api/manual-values', { measureKey: 'manual.rollup_num', unitId: fx.groupA, periodStart: '2026-07-01', periodEnd: '2026-08-01', value: 1 });
      assert.equal(open.status, 200);
      assert.equal(open.body.enteredBy, 'daumoi');
      const listed = await focal.get('/api/manual-values?measureKey=manual.rollup_num');
      assert.ok(listed.body.items.some((v: { enteredBy: string; value: number }) => v.enteredBy === 'daumoi' && v.value === 1));
    });

    test('an indicator formula naming an unknown measure, or missing a parameter, is refused at definition time', async () => {
      const unknown = await admin.post(`/api/plans/${planId}/indicators`, {
        name: 'Sai', shape: 'share_of_records', numerator: { measure: 'tips.khong_co' }, denominator: { measure: 'tasks.due' }, comparator: 'gte', unitLevel: 3, targets: [],
      });
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.error.fields[0], { path: 'numerator.measure', message: 'Không có chỉ số đo «tips.khong_co»' });
      const noParam = await admin.post(`/api/plans/${planId}/indicators`, {
        name: 'Thiếu tham số', shape: 'share_of_child_units', numerator: { measure: 'tasks.due' }, denominator: { measure: 'units.count' }, comparator: 'gte', unitLevel: 4, targets: [],
      });
      assert.equal(noParam.status, 400);
      assert.equal(noParam.body.error.fields[0].path, 'denominator.params');
    });
  },
);

describeEachDatabase(
  'denominators from a spreadsheet',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    test('a file with a bad row imports nothing and names it; the corrected file imports every row', async () => {
      const focal = await new TestClient(get().app).login('daumoi');
      const send = (csv: string) => {
        const form = new FormData();
        form.append('file', new Blob([csv]), 'mau-so.csv');
        return focal.request('POST', '/api/denominators/import', undefined, form);
      };
      const header = 'Mã đơn vị,Nhóm đối tượng,Năm,Số lượng';
      const bad = await send([header, 'MAU-TA,Học sinh, sinh viên,2026,1200', 'MAU-TA,Người lao động tại khu công nghiệp,2026,3.500', 'MAU-BM,students,2026,80'].join('\n').replace('Học sinh, sinh viên', '"Học sinh, sinh viên"'));
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.rows.map((r: { row: number }) => r.row), [4]);
      assert.match(bad.body.error.rows[0].messages[0], /ngoài địa bàn/);
      assert.equal((await focal.get('/api/denominators?year=2026')).body.items.length, 0);
      const good = await send([header, 'MAU-TA,"Học sinh, sinh viên",2026,1200', 'MAU-TA,Người lao động tại khu công nghiệp,2026,3.500', 'MAU-TL-1,students,2026,80'].join('\n'));
      assert.equal(good.status, 201, JSON.stringify(good.body));
      const items = (await focal.get('/api/denominators?year=2026')).body.items as { groupKey: string; value: number; unitCode: string }[];
      assert.deepEqual(items.map((i) => `${i.unitCode}:${i.groupKey}:${i.value}`).sort(), ['MAU-TA:industrial_workers:3500', 'MAU-TA:students:1200', 'MAU-TL-1:students:80']);
    });
  },
);
