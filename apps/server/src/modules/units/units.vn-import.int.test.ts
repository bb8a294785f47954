import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser } from '../../test-support/fixtures.js';
import { ensureCountryRoot, systemContext } from '../../demo/demo-data.js';
import { importUnits } from './units.import.js';
import { readVnAdmin2025, VN_REFORM_DATE } from './vn-admin.js';

const DATA_DIR = '../shared/data/vn-admin-2025';

describeEachDatabase(
  'Vietnam’s 2025 units through the ordinary import',
  async (handle) => {
    assert.ok(existsSync(DATA_DIR), `${DATA_DIR} must be beside the repository`);
    const rootId = await ensureCountryRoot(handle.db);
    const started = performance.now();
    const result = await importUnits(systemContext(handle.db, rootId), readVnAdmin2025(DATA_DIR, 'VN'));
    console.log(`  VN import on ${handle.kind}: ${result.imported} units, ${result.links} links in ${Math.round(performance.now() - started)} ms`);
    const admin = await createTestUser(handle.db, 'admin', rootId);
    return { result, admin, app: createTestApp(handle.db) };
  },
  (get) => {
    test('both generations are there: 63 → 34 provinces, 10,047 → 3,321 communes', async () => {
      const { rows } = await sql<{ level: number; current: boolean; n: number }>`
        select level, valid_to is null as current, count(*)::int as n from units where level in (1, 3) group by 1, 2 order by 1, 2`.execute(get().handle.db);
      assert.deepEqual(rows, [
        { level: 1, current: false, n: 63 },
        { level: 1, current: true, n: 34 },
        { level: 3, current: false, n: 10_047 },
        { level: 3, current: true, n: 3_321 },
      ]);
    });

    test('the new Phường Ba Đình of Hà Nội lists Trúc Bạch and Quán Thánh as whole predecessors and Ngọc Hà as a partial one', async () => {
      const admin = await new TestClient(get().app).login(get().admin.username, get().admin.password);
      const found = await admin.get('/api/units/search?q=phuong%20ba%20dinh');
      const baDinh = found.body.items.find((u: { code: string; validFrom: string }) => u.code === '00004' && u.validFrom === VN_REFORM_DATE);
      assert.ok(baDinh, JSON.stringify(found.body.items));
      const detail = await admin.get(`/api/units/${baDinh.id}`);
      const share = (name: string) => detail.body.predecessors.find((p: { name: string }) => p.name === name)?.share;
      assert.equal(share('Phường Trúc Bạch'), 'full');
      assert.equal(share('Phường Quán Thánh'), 'full');
      assert.equal(share('Phường Ngọc Hà'), 'partial');
      assert.deepEqual(detail.body.ancestors.map((a: { name: string }) => a.name), ['Việt Nam', 'Thành phố Hà Nội']);
      const lineage = await admin.get(`/api/units/${baDinh.id}/lineage`);
      assert.ok(lineage.body.items.some((l: { name: string; partial: boolean }) => l.name === 'Phường Ngọc Hà' && l.partial));
    });
  },
);

test('the data folder is found', () => assert.ok(existsSync(DATA_DIR)));
