import { inTransaction } from '../../db/database.js';
import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { TLocale, TLoginRequest, TMe, TRole, TUnitType } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/context.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { decryptJson, encryptJson } from '../../lib/data-key.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, spendDecoyVerify, verifyPassword } from './password.js';
import * as repo from './auth.repository.js';

export interface AuthSettings {
  lockoutAttempts: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

/** Only a hash of the session token is stored, so a database leak gives no live session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function totpFor(username: string, secret: string) {
  return new OTPAuth.TOTP({ issuer: 'PCMD', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** Two-factor secrets are kept encrypted, like identities: a copy of the database alone cannot produce codes. */
const sealSecret = (secret: string) => encryptJson(secret);
const openSecret = (sealed: string) => decryptJson<string>(sealed);

export function currentTotpCode(username: string, secret: string): string {
  return totpFor(username, secret).generate();
}

/**
 * Password (and two-factor) login. Every failure is audited; repeated failures lock the account
 * for a while; an unknown username costs the same time as a wrong password.
 */
export async function login(
  db: Db,
  settings: AuthSettings,
  input: TLoginRequest,
  requestId: string,
): Promise<{ token: string; actor: Actor; locale: TLocale }> {
  const user = await repo.findUserForLogin(db, input.username);
  const failed = async (reason: string, actor: Actor | null = null) => {
    await recordAudit(db, { actor, requestId }, { action: 'login_failed', entity: 'session', unitId: actor?.unitId ?? null, detail: { username: input.username, reason } });
  };
  if (!user) {
    await spendDecoyVerify(input.password);
    await failed('unknown_user');
    throw new AppError('BAD_CREDENTIALS');
  }
  const actor: Actor = { userId: user.id, username: user.username, role: user.role as TRole, unitId: user.unit_id };
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    await failed('locked', actor);
    throw new AppError('ACCOUNT_LOCKED');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const { locked_until } = await repo.recordFailedLogin(db, user.id, settings.lockoutAttempts, settings.lockoutMinutes);
    await failed('bad_password', actor);
    throw new AppError(locked_until && new Date(locked_until) > new Date() ? 'ACCOUNT_LOCKED' : 'BAD_CREDENTIALS');
  }
  if (user.disabled_at) {
    await failed('disabled', actor);
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totpCode) throw new AppError('TOTP_REQUIRED');
    if (totpFor(user.username, openSecret(user.totp_secret)).validate({ token: input.totpCode, window: 1 }) === null) {
      await repo.recordFailedLogin(db, user.id, settings.lockoutAttempts, settings.lockoutMinutes);
      await failed('bad_totp', actor);
      throw new AppError('TOTP_INVALID');
    }
  }
  const token = randomBytes(32).toString('base64url');
  await inTransaction(db, async (trx) => {
    await repo.clearFailedLogins(trx, user.id);
    await repo.insertSession(trx, hashToken(token), user.id, settings.sessionMaxHours);
    await recordAudit(trx, { actor, requestId }, { action: 'login', entity: 'session', entityId: user.id, unitId: user.unit_id });
  });
  return { token, actor, locale: user.locale === 'en' ? 'en' : 'vi' };
}

export async function actorForSession(db: Db, token: string, idleMinutes: number): Promise<(Actor & { locale: TLocale }) | null> {
  const row = await repo.findActiveSession(db, hashToken(token), idleMinutes);
  if (!row) return null;
  return { userId: row.id, username: row.username, role: row.role as TRole, unitId: row.unit_id, locale: row.locale === 'en' ? 'en' : 'vi' };
}

export async function logout(ctx: RequestContext, token: string): Promise<void> {
  await repo.deleteSession(ctx.db, hashToken(token));
  await recordAudit(ctx.db, ctx, { action: 'logout', entity: 'session', entityId: ctx.actor.userId, unitId: ctx.actor.unitId });
}

export async function getMe(ctx: RequestContext): Promise<TMe> {
  const u = await repo.findMe(ctx.db, ctx.actor.userId);
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as TRole,
    unit: { id: u.unit_id, code: u.unit_code, name: u.unit_name, type: u.unit_type as TUnitType },
    agency: u.agency,
    totpEnabled: u.totp_enabled,
    mustChangePassword: u.must_change_password,
    locale: u.locale === 'en' ? 'en' : 'vi',
  };
}

async function assertOwnPassword(ctx: RequestContext, password: string, field: string) {
  const u = await repo.findMe(ctx.db, ctx.actor.userId);
  if (!(await verifyPassword(u.password_hash, password)))
    throw fieldError(field, ctx.locale === 'vi' ? 'Mật khẩu không đúng' : 'Wrong password');
  return u;
}

/** Changing one's password ends every other session of the account. */
export async function changePassword(ctx: RequestContext, token: string, input: { currentPassword: string; newPassword: string }) {
  await assertOwnPassword(ctx, input.currentPassword, 'currentPassword');
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateOwnAccount(trx, ctx.actor.userId, { password_hash: hash, must_change_password: false });
    await repo.deleteUserSessions(trx, ctx.actor.userId, hashToken(token));
    await recordAudit(trx, ctx, { action: 'update', entity: 'user', entityId: ctx.actor.userId, unitId: ctx.actor.unitId, detail: { passwordChanged: true } });
  });
}

export async function startTotpSetup(ctx: RequestContext) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await repo.updateOwnAccount(ctx.db, ctx.actor.userId, { totp_secret: sealSecret(secret), totp_enabled: false });
  return { secret, otpauthUrl: totpFor(ctx.actor.username, secret).toString() };
}

export async function enableTotp(ctx: RequestContext, code: string) {
  const u = await repo.findMe(ctx.db, ctx.actor.userId);
  if (!u.totp_secret || totpFor(u.username, openSecret(u.totp_secret)).validate({ token: code, window: 1 }) === null)
    throw fieldError('totpCode', ctx.locale === 'vi' ? 'Mã xác thực không đúng' : 'The code is wrong');
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateOwnAccount(trx, ctx.actor.userId, { totp_enabled: true });
    await recordAudit(trx, ctx, { action: 'update', entity: 'user', entityId: ctx.actor.userId, unitId: ctx.actor.unitId, before: { totpEnabled: false }, after: { totpEnabled: true } });
  });
}

export async function disableTotp(ctx: RequestContext, password: string) {
  await assertOwnPassword(ctx, password, 'password');
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateOwnAccount(trx, ctx.actor.userId, { totp_enabled: false, totp_secret: null });
    await recordAudit(trx, ctx, { action: 'update', entity: 'user', entityId: ctx.actor.userId, unitId: ctx.actor.unitId, before: { totpEnabled: true }, after: { totpEnabled: false } });
  });
}

export async function setLocale(ctx: RequestContext, locale: TLocale) {
  await repo.updateOwnAccount(ctx.db, ctx.actor.userId, { locale });
}
