import type { TRole } from '@pcmd/contracts';
import type { Db } from '../db/database.js';
import { seedDemoData } from '../demo/demo-data.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertUser } from '../modules/users/users.repository.js';

/** Ids of the demo province that tests lean on: commune A (Phường Tân An) and commune B (Xã Bình Minh). */
export interface DemoFixture {
  provinceId: number;
  communeA: number;
  communeB: number;
  groupA: number;
  groupB: number;
  /** Old communes merged into commune A on 01/07/2025. */
  oldCommunesOfA: number[];
}

const idOf = async (db: Db, code: string) => (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

export async function seedDemoFixture(db: Db): Promise<DemoFixture> {
  await seedDemoData(db);
  return {
    provinceId: await idOf(db, 'MAU'),
    communeA: await idOf(db, 'MAU-TA'),
    communeB: await idOf(db, 'MAU-BM'),
    groupA: await idOf(db, 'MAU-TL-1'),
    groupB: await idOf(db, 'MAU-BM-1'),
    oldCommunesOfA: [await idOf(db, 'MAU-TL'), await idOf(db, 'MAU-AH')],
  };
}

let counter = 0;
/** A user with a given role and unit; the password is the demo one unless given. */
export async function createTestUser(db: Db, role: TRole, unitId: number, password = 'pcmd-demo-2026') {
  counter += 1;
  const username = `t.${role.replace(/_/g, '')}.${counter}.${Math.floor(Math.random() * 1e6)}`;
  const id = await insertUser(db, { username, fullName: `Người thử ${counter}`, role, unitId, passwordHash: await hashPassword(password) });
  return { id, username, password };
}
