import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

const userColumns = [
  'u.id', 'u.username', 'u.full_name', 'u.role', 'u.agency', 'u.disabled_at', 'u.totp_enabled', 'u.must_change_password',
  'u.locked_until', 'u.created_at', 'un.id as unit_id', 'un.code as unit_code', 'un.name as unit_name', 'un.type as unit_type',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUser>>;

export async function findUser(db: Db, id: number) {
  return db.selectFrom('users as u').innerJoin('units as un', 'un.id', 'u.unit_id').select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

/** Users of the units under scopeUnitId, filtered; the search ignores diacritics. */
export async function listUsers(
  db: Db,
  scopeUnitId: number,
  filter: { q?: string; role?: string; unitId?: number; page: number; pageSize: number },
) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .where('u.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`pcmd_fold(u.full_name) like pcmd_fold(${pattern})`, sql<boolean>`u.username like lower(${pattern})`]));
  }
  if (filter.role) q = q.where('u.role', '=', filter.role);
  if (filter.unitId)
    q = q.where('u.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', filter.unitId!));
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(userColumns)
    .orderBy('u.username')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

export async function insertUser(
  db: Db,
  user: { username: string; fullName: string; role: string; unitId: number; agency?: string | null; passwordHash: string; mustChangePassword?: boolean },
) {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      full_name: user.fullName,
      role: user.role,
      unit_id: user.unitId,
      agency: user.agency ?? null,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Db,
  id: number,
  patch: Partial<{ full_name: string; role: string; unit_id: number; agency: string | null; disabled_at: Date | null; password_hash: string; must_change_password: boolean; failed_logins: number; locked_until: Date | null }>,
) {
  await db.updateTable('users').set({ ...patch, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
