import { resolve } from 'node:path';
import { loadEnv } from '../../env.js';
import { openPglite, openPostgres } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { ensureCountryRoot, systemContext } from '../../demo/demo-data.js';
import { AppError } from '../../lib/errors.js';
import { importUnits } from './units.import.js';
import { readVnAdmin2025 } from './vn-admin.js';

/** npm run units:import-vn [-- <folder>]: loads Vietnam's real units of 2025 through the ordinary import. */
async function main() {
  const env = loadEnv();
  const dir = resolve(process.argv[2] ?? '../shared/data/vn-admin-2025');
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.PCMD_DATA_DIR);
  try {
    await migrate(handle);
    const started = performance.now();
    const rootId = await ensureCountryRoot(handle.db);
    const { units, links } = readVnAdmin2025(dir, 'VN');
    const already = await handle.db.selectFrom('units').select('id').where('code', '=', units[units.length - 1].code).where('valid_from', '=', units[units.length - 1].validFrom).executeTakeFirst();
    if (already) {
      console.log('Dữ liệu đơn vị hành chính 2025 đã được nhập trước đó; không nhập lại.');
      return;
    }
    const result = await importUnits(systemContext(handle.db, rootId), { units, links });
    await handle.runScript('analyze');
    console.log(`Đã nhập ${result.imported} đơn vị và ${result.links} liên kết trong ${Math.round(performance.now() - started)} ms.`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'IMPORT_REJECTED') {
      const rows = err.extra.rows ?? [];
      console.error(`Không nhập được (${rows.length} dòng lỗi; dữ liệu có thể đã được nhập trước đó):`);
      for (const r of rows.slice(0, 20)) console.error(`  dòng ${r.row}: ${r.messages.join('; ')}`);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
