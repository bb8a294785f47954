import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');

async function upload(client: TestClient, name: string, content: string | Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return client.request('POST', '/api/units/import', undefined, form);
}

describeEachDatabase(
  'units: tree, search, import, merge and split',
  async (handle) => {
    const fx = await seedDemoFixture(handle.db);
    const admin = await createTestUser(handle.db, 'admin', fx.provinceId);
    return { fx, admin, app: createTestApp(handle.db) };
  },
  (get) => {
    let admin: TestClient;
    before(async () => {
      admin = await new TestClient(get().app).login(get().admin.username, get().admin.password);
    });

    test('search ignores diacritics and case, and stays in the user’s subtree', async () => {
      const focal = await new TestClient(get().app).login('daumoi');
      const found = await focal.get('/api/units/search?q=to%20dan%20pho');
      assert.equal(found.status, 200);
      assert.equal(found.body.items.length, 6, 'the six groups of Phường Tân An');
      const byProvince = await admin.get('/api/units/search?q=TAN%20AN');
      assert.deepEqual(byProvince.body.items.map((u: { name: string }) => u.name), ['Phường Tân An']);
      const dong = await admin.get('/api/units/search?q=thon%20dong');
      assert.deepEqual(dong.body.items.map((u: { name: string }) => u.name), ['Thôn Đông']);
      const none = await focal.get('/api/units/search?q=thon%20dong');
      assert.equal(none.body.items.length, 0, 'Xã Bình Minh is outside the focal point of Tân An');
    });

    test('the tree starts at the user’s unit and hides expired units unless asked', async () => {
      const root = await admin.get('/api/units/children');
      assert.equal(root.body.parent.name, 'Tỉnh Mẫu');
      assert.deepEqual(root.body.items.map((u: { name: string }) => u.name).sort(), ['Phường Hòa Bình', 'Phường Tân An', 'Xã Bình Minh']);
      const all = await admin.get('/api/units/children?includeExpired=true');
      assert.ok(all.body.items.some((u: { name: string; validTo: string }) => u.name === 'Huyện Mẫu Sơn' && u.validTo === '2025-07-01'));
    });

    test('a merged ward shows its predecessors, and its lineage lists them', async () => {
      const { fx } = get();
      const detail = await admin.get(`/api/units/${fx.communeA}`);
      assert.deepEqual(detail.body.predecessors.map((p: { name: string; share: string }) => `${p.name}:${p.share}`).sort(), ['Xã An Hòa:full', 'Xã Tân Lập:full']);
      assert.deepEqual(detail.body.ancestors.map((a: { name: string }) => a.name), ['Việt Nam', 'Tỉnh Mẫu']);
      const lineage = await admin.get(`/api/units/${fx.communeA}/lineage`);
      assert.deepEqual(lineage.body.items.map((l: { name: string }) => l.name), ['Phường Tân An', 'Xã An Hòa', 'Xã Tân Lập']);
    });

    test('an import with one bad row imports nothing and names the row and the reason; the corrected file imports all', async () => {
      const header = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã cấp trên', 'Hiệu lực từ'];
      const rows = [
        ['IMP-1', 'Tổ dân phố Mới 1', 'Tổ dân phố', 'MAU-TA', '01/01/2026'],
        ['IMP-2', 'Tổ dân phố Mới 2', 'to_dan_pho', 'MAU-TA', '2026-01-01'],
        ['IMP-3', 'Tổ dân phố Mới 3', 'Tổ dân phố', 'KHONG-CO', '01/01/2026'],
      ];
      const bad = await upload(admin, 'don-vi.csv', csv([header, ...rows]));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'IMPORT_REJECTED');
      assert.deepEqual(bad.body.error.rows.map((r: { row: number }) => r.row), [4]);
      assert.match(bad.body.error.rows[0].messages[0], /KHONG-CO/);
      const searched = await admin.get('/api/units/search?q=Mới');
      assert.equal(searched.body.items.length, 0, 'nothing of the rejected file was written');
      rows[2][3] = 'MAU-TA';
      const good = await upload(admin, 'don-vi.csv', csv([header, ...rows]));
      assert.equal(good.status, 201, JSON.stringify(good.body));
      assert.equal(good.body.imported, 3);
      const after = await admin.get('/api/units/search?q=to%20dan%20pho%20moi');
      assert.equal(after.body.items.length, 3);
    });

    test('an .xlsx file imports too, and a unit outside the importer’s area is refused', async () => {
      const { app, fx } = get();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Đơn vị');
      sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã cấp trên', 'Hiệu lực từ']);
      sheet.addRow(['XL-1', 'Thôn Xlsx', 'Thôn', 'MAU-BM', new Date(Date.UTC(2026, 0, 1))]);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const communeAdmin = await createTestUser(get().handle.db, 'admin', fx.communeA);
      const outside = await upload(await new TestClient(app).login(communeAdmin.username, communeAdmin.password), 'x.xlsx', file);
      assert.equal(outside.status, 400);
      assert.match(outside.body.error.rows[0].messages[0], /ngoài địa bàn/);
      const ok = await upload(admin, 'x.xlsx', file);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
    });

    test('export gives an .xlsx of the subtree with Vietnamese headers', async () => {
      const res = await admin.get(`/api/units/export?unitId=${get().fx.communeB}`);
      assert.equal(res.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      assert.equal(sheet.getRow(1).getCell(1).value, 'Mã đơn vị');
      const names = sheet.getColumn(2).values.slice(2);
      assert.ok(names.includes('Xã Bình Minh') && names.includes('Thôn Đông'));
      assert.ok(!names.includes('Phường Tân An'));
    });

    test('merging two groups creates the successor, ends them, and moves nothing half-way on error', async () => {
      const { fx } = get();
      const a = await admin.post('/api/units', { code: 'MG-1', name: 'Tổ dân phố Gộp 1', type: 'to_dan_pho', parentId: fx.communeA, validFrom: '2026-01-01' });
      const b = await admin.post('/api/units', { code: 'MG-2', name: 'Tổ dân phố Gộp 2', type: 'to_dan_pho', parentId: fx.communeA, validFrom: '2026-01-01' });
      const taken = await admin.post('/api/units/merge', {
        predecessorIds: [a.body.id, b.body.id], effectiveDate: '2026-07-01', successor: { code: 'MAU-TA', name: 'Trùng mã', type: 'to_dan_pho', parentId: fx.communeA },
      });
      assert.equal(taken.status, 409);
      assert.equal((await admin.get(`/api/units/${a.body.id}`)).body.validTo, null, 'a refused merge ends nothing');
      const merged = await admin.post('/api/units/merge', {
        predecessorIds: [a.body.id, b.body.id], effectiveDate: '2026-07-01', successor: { code: 'MG-12', name: 'Tổ dân phố Gộp', type: 'to_dan_pho', parentId: fx.communeA },
      });
      assert.equal(merged.status, 201, JSON.stringify(merged.body));
      assert.equal(merged.body.predecessors.length, 2);
      assert.equal((await admin.get(`/api/units/${a.body.id}`)).body.validTo, '2026-07-01');
    });

    test('splitting a commune sends each village to exactly one successor', async () => {
      const { fx } = get();
      const children = (await admin.get(`/api/units/children?parentId=${fx.communeB}`)).body.items as { id: number }[];
      const ids = children.map((c) => c.id);
      const successors = (first: number[], second: number[]) => ({
        effectiveDate: '2026-09-01',
        successors: [
          { code: 'BM-A', name: 'Xã Bình Minh A', type: 'xa', parentId: fx.provinceId, childIds: first },
          { code: 'BM-B', name: 'Xã Bình Minh B', type: 'xa', parentId: fx.provinceId, childIds: second },
        ],
      });
      const incomplete = await admin.post(`/api/units/${fx.communeB}/split`, successors(ids.slice(0, 2), ids.slice(2, 3)));
      assert.equal(incomplete.status, 400);
      assert.match(incomplete.body.error.fields[0].message, /đúng một đơn vị mới/);
      const split = await admin.post(`/api/units/${fx.communeB}/split`, successors(ids.slice(0, 2), ids.slice(2)));
      assert.equal(split.status, 201, JSON.stringify(split.body));
      const [first, second] = split.body.items;
      assert.equal(first.childCount, 2);
      assert.equal(second.childCount, ids.length - 2);
      assert.equal(first.predecessors[0].share, 'partial');
      const village = await admin.get(`/api/units/${ids[0]}`);
      assert.deepEqual(village.body.ancestors.map((a: { name: string }) => a.name), ['Việt Nam', 'Tỉnh Mẫu', 'Xã Bình Minh A']);
    });

    test('moving a unit carries its subtree, and a unit cannot move under itself', async () => {
      const { fx } = get();
      const group = (await admin.post('/api/units', { code: 'MV-1', name: 'Tổ di chuyển', type: 'to_dan_pho', parentId: fx.communeA, validFrom: '2026-01-01' })).body;
      const moved = await admin.patch(`/api/units/${group.id}`, { parentId: (await admin.get('/api/units/search?q=hoa%20binh')).body.items[0].id });
      assert.equal(moved.status, 200);
      const detail = await admin.get(`/api/units/${group.id}`);
      assert.equal(detail.body.ancestors.at(-1).name, 'Phường Hòa Bình');
      const cycle = await admin.patch(`/api/units/${fx.communeA}`, { parentId: fx.groupA });
      assert.equal(cycle.status, 400);
    });
  },
);
