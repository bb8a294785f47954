import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';
import { registeredNumbers } from './establishments.repository.js';
import { findUnitsByCodes } from '../units/units.repository.js';

describeEachDatabase(
  'establishment registry',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let police: TestClient;
    before(async () => {
      police = await new TestClient(get().app).login('congan');
    });
    const create = (body: Record<string, unknown>) =>
      police.post('/api/establishments', { unitId: get().fx.groupA, typeCode: 'guest_house', openedOn: '2025-03-01', ...body });

    test('registration numbers and name-and-address twins are caught, diacritics and case ignored', async () => {
      const first = await create({ name: 'Nhà nghỉ Hoa Hồng', address: 'Số 5, Tổ dân phố 1', registrationNo: '0101234567' });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const sameNumber = await create({ name: 'Nhà nghỉ Khác', address: 'Số 9', registrationNo: '0101 234 567' });
      assert.equal(sameNumber.status, 409);
      assert.equal(sameNumber.body.error.fields[0].path, 'registrationNo');
      assert.match(sameNumber.body.error.fields[0].message, /Nhà nghỉ Hoa Hồng/);
      const twin = await create({ name: 'NHA NGHI HOA HONG', address: 'so 5, to dan pho 1' });
      assert.equal(twin.status, 409);
      assert.match(twin.body.error.fields[0].message, /Có thể trùng với cơ sở «Nhà nghỉ Hoa Hồng»/);
      const confirmed = await create({ name: 'NHA NGHI HOA HONG', address: 'so 5, to dan pho 1', notADuplicate: true });
      assert.equal(confirmed.status, 201);
      const found = await police.get('/api/establishments?q=hoa%20hong');
      assert.equal(found.body.total, 2);
    });

    test('every change is kept in the establishment’s history', async () => {
      const created = await create({ name: 'Karaoke Sao Mai', typeCode: 'karaoke', address: 'Số 12, Tổ dân phố 2' });
      const id = created.body.id;
      assert.equal((await police.patch(`/api/establishments/${id}`, { riskLevel: 'high', riskReason: 'Phòng kín, hoạt động khuya', classifiedOn: '2026-02-10' })).status, 200);
      assert.equal((await police.patch(`/api/establishments/${id}`, { commitmentSignedOn: '2026-02-15' })).status, 200);
      const closedWithoutDate = await police.patch(`/api/establishments/${id}`, { status: 'closed' });
      assert.equal(closedWithoutDate.status, 400);
      assert.equal(closedWithoutDate.body.error.fields[0].path, 'closedOn');
      const history = (await police.get(`/api/establishments/${id}/history`)).body.items;
      assert.deepEqual(history.map((h: { action: string }) => h.action), ['create', 'update', 'update']);
      assert.equal(history[1].before.riskLevel, null);
      assert.equal(history[1].after.riskLevel, 'high');
      assert.equal(history[2].after.commitmentSignedOn, '2026-02-15');
      assert.ok(history.every((h: { actorUsername: string }) => h.actorUsername === 'congan'));
    });

    test('the registry’s measures count active, classified and committed establishments by unit and period', async () => {
      const { fx, app } = get();
      const focalB = await new TestClient(app).login('daumoi.bm');
      const add = async (name: string, extra: Record<string, unknown>) => {
        const res = await focalB.post('/api/establishments', { unitId: fx.groupB, typeCode: 'karaoke', address: `${name} address`, name, openedOn: '2025-06-01', ...extra });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      };
      // Four open in 2026 (one of them closed mid-year, still counted), one closed before the year, one opened after it.
      await add('Cơ sở 1', { riskLevel: 'low', classifiedOn: '2026-01-10', commitmentSignedOn: '2026-01-20' });
      await add('Cơ sở 2', { riskLevel: 'medium', classifiedOn: '2026-03-01' });
      await add('Cơ sở 3', {});
      await add('Cơ sở 4', { status: 'closed', closedOn: '2026-05-01', commitmentSignedOn: '2025-12-20' });
      await add('Cơ sở 5', { status: 'closed', closedOn: '2025-10-01' });
      await add('Cơ sở 6', { openedOn: '2027-01-05' });
      const admin = await new TestClient(app).login('quantri');
      const plan = await admin.post('/api/plans', {
        unitId: fx.provinceId, placeName: 'Mẫu', subject: 'Thử chỉ số đo cơ sở', periodFromYear: 2026, periodToYear: 2026,
        indicators: [
          { name: 'Rà soát, phân loại', shape: 'share_of_registry', numerator: { measure: 'establishments.classified' }, denominator: { measure: 'establishments.active' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 95 }] },
          { name: 'Ký cam kết', shape: 'share_of_registry', numerator: { measure: 'establishments.committed' }, denominator: { measure: 'establishments.active' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }] },
        ],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const board = await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026&unitId=${fx.communeB}`);
      const [classified, committed] = board.body.rows;
      assert.deepEqual([classified.current.numerator, classified.current.denominator, classified.current.value], [2, 4, 50]);
      assert.deepEqual([committed.current.numerator, committed.current.denominator, committed.current.value], [2, 4, 50]);
    });

    test('the health worker and the village head see nothing of the registry', async () => {
      for (const username of ['yte', 'totruong', 'doanthe']) {
        const client = await new TestClient(get().app).login(username);
        assert.equal((await client.get('/api/establishments')).status, 403, username);
      }
    });
  },
);

describeEachDatabase(
  'lookups by long lists',
  async () => ({}),
  (get) => {
    test('a 50,000-row import’s lookups send their lists as one parameter (PGlite reads the parameter count as a signed 16-bit number)', async () => {
      const { db } = get().handle;
      const keys = Array.from({ length: 40_000 }, (_, i) => `SO${i}`);
      assert.equal((await registeredNumbers(db, keys)).size, 0);
      assert.deepEqual(await findUnitsByCodes(db, keys), []);
    });
  },
);
