import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export async function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .select([
      'u.id', 'u.username', 'u.full_name', 'u.role', 'u.unit_id', 'u.password_hash', 'u.disabled_at', 'u.failed_logins',
      'u.locked_until', 'u.totp_secret', 'u.totp_enabled', 'u.must_change_password', 'u.locale',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst();
}

export async function recordFailedLogin(db: Db, userId: number, maxAttempts: number, lockMinutes: number) {
  return db
    .updateTable('users')
    .set({
      failed_logins: sql`case when failed_logins + 1 >= ${maxAttempts} then 0 else failed_logins + 1 end`,
      locked_until: sql`case when failed_logins + 1 >= ${maxAttempts} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    })
    .where('id', '=', userId)
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
}

export async function clearFailedLogins(db: Db, userId: number) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(db: Db, tokenHash: string, userId: number, maxHours: number) {
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: userId, expires_at: sql`now() + make_interval(hours => ${maxHours})` })
    .execute();
}

/**
 * The session's user if the session is neither expired nor idle too long. It is touched at most once a minute,
 * so that reads do not each turn into a write.
 */
export async function findActiveSession(db: Db, tokenHash: string, idleMinutes: number) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.unit_id', 'u.locale', sql<boolean>`s.last_seen_at < now() - interval '1 minute'`.as('stale')])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (row?.stale) await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
  return row;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number, exceptTokenHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
  await q.execute();
}

export async function findMe(db: Db, userId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .select([
      'u.id', 'u.username', 'u.full_name', 'u.role', 'u.agency', 'u.totp_enabled', 'u.must_change_password', 'u.locale', 'u.password_hash', 'u.totp_secret',
      'un.id as unit_id', 'un.code as unit_code', 'un.name as unit_name', 'un.type as unit_type',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function updateOwnAccount(
  db: Db,
  userId: number,
  patch: Partial<{ password_hash: string; must_change_password: boolean; totp_secret: string | null; totp_enabled: boolean; locale: string }>,
) {
  await db.updateTable('users').set({ ...patch, updated_at: sql`now()` }).where('id', '=', userId).execute();
}
