/**
 * bench/establishments: import 50,000 establishments from one .xlsx (time and peak memory), and the inspection
 * priority list over 150,000 establishments with 1,000,000 inspections (ms), on PGlite and on PostgreSQL.
 * Figures only; no pass or fail. Run: npm run bench:establishments
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openPglite, openPostgres, type DatabaseHandle } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { ensureCountryRoot, systemContext } from '../../apps/server/src/demo/demo-data.js';
import { insertUnits } from '../../apps/server/src/modules/units/units.repository.js';
import { importEstablishments } from '../../apps/server/src/modules/establishments/establishments.import.js';
import { inspectionPriority } from '../../apps/server/src/modules/inspections/inspections.service.js';
import { createScratchDatabase } from '../lib/postgres.js';
import { formatTable, median } from '../lib/table.js';

const IMPORT_ROWS = 50_000;
const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 12;
const PRIORITY_ESTABLISHMENTS = 150_000;
const PRIORITY_INSPECTIONS = 1_000_000;
const TYPES = ['hotel', 'guest_house', 'karaoke', 'massage', 'bar', 'pub', 'rental_rooms'];

/** A fictional province: communes with villages, through the same bulk insert the app uses. */
async function createProvince(handle: DatabaseHandle) {
  const root = await ensureCountryRoot(handle.db);
  const units: Parameters<typeof insertUnits>[1] = [{ code: 'BX', name: 'Tỉnh Thử Nghiệm', type: 'tinh', level: 1, parentId: root, validFrom: '2025-07-01' }];
  for (let c = 0; c < COMMUNES; c++) {
    const communeIndex = units.length;
    units.push({ code: `BX-${c}`, name: `Xã Thử ${c}`, type: 'xa', level: 3, parentIndex: 0, parentId: null, validFrom: '2025-07-01' });
    for (let v = 0; v < VILLAGES_PER_COMMUNE; v++)
      units.push({ code: `BX-${c}-${v}`, name: `Thôn ${v} xã Thử ${c}`, type: 'thon', level: 4, parentIndex: communeIndex, parentId: null, validFrom: '2025-07-01' });
  }
  const ids = await insertUnits(handle.db, units);
  return { root, provinceId: ids[0], firstCommuneId: ids[1] };
}

async function importFile(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cơ sở');
  sheet.addRow(['Tên cơ sở', 'Loại hình', 'Địa chỉ', 'Mã đơn vị', 'Ngày hoạt động', 'Số ĐKKD', 'Số nhân viên']);
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const c = i % COMMUNES;
    sheet.addRow([`Cơ sở Giả Định ${i}`, TYPES[i % TYPES.length], `Số ${i}, đường Thử ${c}`, `BX-${c}-${i % VILLAGES_PER_COMMUNE}`, '01/03/2024', `BX${String(i).padStart(8, '0')}`, i % 30]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

/** Runs fn while sampling the process's memory every 50 ms; returns its time and the peak RSS above the start. */
async function measured<T>(fn: () => Promise<T>) {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - t0, peakRssMb: peakRss / 2 ** 20, rssDeltaMb: (peakRss - start.rss) / 2 ** 20, heapDeltaMb: (peakHeap - start.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** 150,000 establishments over the villages and 1,000,000 inspections, some with violations, in set-based SQL. */
async function generateForPriority(handle: DatabaseHandle, provinceId: number) {
  const t0 = performance.now();
  // Villages are picked by position in one array, so that generation stays a single pass.
  await sql`
    with villages as (
      select array_agg(u.id order by u.id) as ids from units u join unit_closure c on c.descendant_id = u.id
       where c.ancestor_id = ${provinceId} and u.level = 4)
    insert into establishments (unit_id, name, type_code, address, opened_on, risk_level, commitment_signed_on)
    select v.ids[1 + g % array_length(v.ids, 1)], 'Cơ sở sinh ra ' || g,
           (array['hotel','guest_house','karaoke','massage','bar','pub','rental_rooms'])[1 + g % 7],
           'Địa chỉ ' || g, date '2023-01-01', (array['low','medium','high',null])[1 + g % 4], case when g % 3 = 0 then date '2025-06-01' end
      from generate_series(1, ${PRIORITY_ESTABLISHMENTS}::int) g, villages v`.execute(handle.db);
  const { rows } = await sql<{ lo: number; hi: number }>`select min(id) as lo, max(id) as hi from establishments where name like 'Cơ sở sinh ra %'`.execute(handle.db);
  const { lo, hi } = rows[0];
  await sql`
    insert into inspections (establishment_id, kind, inspected_on, people_present)
    select ${lo}::int + ((g::bigint * 7919) % (${hi}::int - ${lo}::int + 1))::int, 'periodic', date '2024-01-01' + (g % 1000), g % 5
      from generate_series(1, ${PRIORITY_INSPECTIONS}::int) g`.execute(handle.db);
  await sql`
    insert into inspection_violations (inspection_id, violation_code)
    select id, 'late_hours' from inspections where id % 20 = 0`.execute(handle.db);
  await handle.runScript('analyze');
  return performance.now() - t0;
}

async function runOn(kind: 'pglite' | 'postgres') {
  const folder = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'pcmd-bench-est-')) : null;
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  const handle = folder ? await openPglite(folder) : await openPostgres(scratch!.url);
  try {
    await migrate(handle);
    const { root, provinceId, firstCommuneId } = await createProvince(handle);
    const ctx = systemContext(handle.db, root);
    const bytes = await importFile();
    console.log(`[${kind}] ${IMPORT_ROWS} rows in a ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB .xlsx; importing…`);
    const imported = await measured(() => importEstablishments(ctx, { bytes, fileName: 'co-so.xlsx' }));
    console.log(`[${kind}] imported ${imported.result.imported} in ${(imported.ms / 1000).toFixed(1)} s, peak RSS ${imported.peakRssMb.toFixed(0)} MB (+${imported.rssDeltaMb.toFixed(0)} MB)`);
    console.log(`[${kind}] generating ${PRIORITY_ESTABLISHMENTS} establishments and ${PRIORITY_INSPECTIONS} inspections…`);
    const generation = await generateForPriority(handle, provinceId);
    const time = async (unitId: number) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await inspectionPriority(ctx, { unitId, limit: 50 });
        runs.push(performance.now() - t0);
      }
      return median(runs);
    };
    const commune = await time(firstCommuneId);
    const province = await time(provinceId);
    return [kind, (imported.ms / 1000).toFixed(1), imported.peakRssMb.toFixed(0), imported.rssDeltaMb.toFixed(0), (generation / 1000).toFixed(1), commune.toFixed(0), province.toFixed(0)];
  } finally {
    await handle.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    await scratch?.drop();
  }
}

const rows: (string | number)[][] = [['backend', 'import 50k (s)', 'peak RSS (MB)', 'RSS growth (MB)', 'generate 150k+1M (s)', 'priority commune (ms)', 'priority province (ms)']];
for (const kind of ['pglite', 'postgres'] as const) rows.push(await runOn(kind));
console.log(formatTable(rows));
