import { sql } from 'kysely';
import { ROLES } from '@pcmd/contracts';
import { inTransaction, type DatabaseHandle } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { seedDemoData } from '../../apps/server/src/demo/demo-data.js';
import { hashPassword } from '../../apps/server/src/modules/auth/password.js';
import { insertUnits, type NewUnit } from '../../apps/server/src/modules/units/units.repository.js';

/** Sizes of the extra data: a province with tens of communes and thousands of villages and users, so lists are not trivially small. */
export const EXTRA = { communes: 40, villagesPerCommune: 75, users: 3000 } as const;

/**
 * Migrates, seeds the demo province, then adds EXTRA communes, villages and users under it.
 * Returns the ids of the extra villages: the write benchmark renames them round-robin so that
 * no two concurrent requests wait on the same row.
 */
export async function prepareBenchData(handle: DatabaseHandle): Promise<{ villageIds: number[] }> {
  await migrate(handle);
  const passwordHash = await hashPassword('bench-password-not-used'); // one argon2 hash shared by all extra users
  const villageIds = await inTransaction(handle.db, async (trx) => {
    await seedDemoData(trx);
    const province = await trx.selectFrom('units').select('id').where('code', '=', 'MAU').executeTakeFirstOrThrow();
    const units: (NewUnit & { parentIndex?: number })[] = [];
    for (let c = 1; c <= EXTRA.communes; c++) {
      const communeIndex = units.length;
      units.push({ code: `BX${c}`, name: `Xã Thử Nghiệm ${c}`, type: 'xa', level: 3, parentId: province.id, validFrom: '2025-07-01' });
      for (let v = 1; v <= EXTRA.villagesPerCommune; v++)
        units.push({ code: `BX${c}-${v}`, name: `Tổ dân phố ${v}`, type: 'to_dan_pho', level: 4, parentId: null, parentIndex: communeIndex, validFrom: '2025-07-01' });
    }
    const ids = await insertUnits(trx, units);
    const communeIds = ids.filter((_, i) => units[i].level === 3);
    const users = Array.from({ length: EXTRA.users }, (_, i) => ({
      username: `bench.user.${String(i + 1).padStart(5, '0')}`,
      full_name: `Người Dùng Thử ${i + 1}`,
      role: ROLES[i % ROLES.length],
      unit_id: communeIds[i % communeIds.length],
      password_hash: passwordHash,
    }));
    for (let i = 0; i < users.length; i += 500) await trx.insertInto('users').values(users.slice(i, i + 500)).execute();
    return ids.filter((_, i) => units[i].level === 4);
  });
  // PostgreSQL's autovacuum would ANALYZE these new rows within a minute, so do it now for stable plans.
  // PGlite has no autovacuum and the server never runs ANALYZE, so a PGlite database keeps no statistics: leave it so.
  if (handle.kind === 'postgres') await sql`analyze`.execute(handle.db);
  return { villageIds };
}
