import { inTransaction } from '../../db/database.js';
import type { TCreateUserRequest, TRole, TUnitType, TUpdateUserRequest, TUser } from '@pcmd/contracts';
import type { RequestContext } from '../../lib/context.js';
import { AppError, isUniqueViolation, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './users.repository.js';

function presentUser(row: NonNullable<repo.UserRow>): TUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role as TRole,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, type: row.unit_type as TUnitType },
    agency: row.agency,
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled,
    mustChangePassword: row.must_change_password,
    lockedUntil: row.locked_until && new Date(row.locked_until) > new Date() ? new Date(row.locked_until).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** A user is managed by admins whose subtree holds the user's unit. */
async function loadUserInScope(ctx: RequestContext, id: number) {
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

export async function listUsers(ctx: RequestContext, query: { q?: string; role?: TRole; unitId?: number; page: number; pageSize: number }) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listUsers(ctx.db, ctx.actor.unitId, query);
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(presentUser) };
}

export async function getUser(ctx: RequestContext, id: number): Promise<TUser> {
  return presentUser(await loadUserInScope(ctx, id));
}

export async function createUser(ctx: RequestContext, input: TCreateUserRequest): Promise<TUser> {
  await assertUnitInScope(ctx, input.unitId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const id = await repo.insertUser(trx, { ...input, passwordHash, mustChangePassword: true });
      const created = presentUser((await repo.findUser(trx, id))!);
      await recordAudit(trx, ctx, { action: 'create', entity: 'user', entityId: id, unitId: input.unitId, after: created });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', {
        fields: [{ path: 'username', message: ctx.locale === 'vi' ? 'Tên đăng nhập đã có người dùng' : 'This username is taken' }],
      });
    throw err;
  }
}

export async function updateUser(ctx: RequestContext, id: number, input: TUpdateUserRequest): Promise<TUser> {
  if (input.unitId) await assertUnitInScope(ctx, input.unitId);
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = presentUser(await loadUserInScope(tctx, id));
    if (id === ctx.actor.userId && (input.disabled || (input.role && input.role !== before.role)))
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: input.disabled ? 'disabled' : 'role', message: ctx.locale === 'vi' ? 'Không thể tự khóa hoặc đổi vai trò của chính mình' : 'You cannot disable yourself or change your own role' }],
      });
    await repo.updateUserRow(trx, id, {
      full_name: input.fullName,
      role: input.role,
      unit_id: input.unitId,
      agency: input.agency,
      disabled_at: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
    });
    if (input.disabled || input.role || input.unitId) await repo.deleteSessionsOf(trx, id);
    const after = presentUser((await repo.findUser(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'user', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

/** Sets a temporary password the user must change at next login, and unlocks the account. */
export async function resetPassword(ctx: RequestContext, id: number, newPassword: string): Promise<TUser> {
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = presentUser(await loadUserInScope(tctx, id));
    await repo.updateUserRow(trx, id, { password_hash: passwordHash, must_change_password: true, failed_logins: 0, locked_until: null });
    await repo.deleteSessionsOf(trx, id);
    const after = presentUser((await repo.findUser(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'user', entityId: id, unitId: after.unit.id, before, after, detail: { passwordReset: true } });
    return after;
  });
}
