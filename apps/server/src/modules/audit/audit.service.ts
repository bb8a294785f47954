import type { Context } from 'hono';
import type { TAuditQuery } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/context.js';
import type { AppEnv, DeniedRecorder } from '../../lib/app-env.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { insertAudits, listAudit, listEntityHistory } from './audit.repository.js';

/** Secrets never enter the audit log, not even hashed. */
const REDACTED_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'newPassword', 'totp_secret', 'totpSecret', 'token', 'token_hash']);

function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.has(k) ? '[ẩn]' : redact(v)]),
  );
}

export interface AuditChange {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Records a change in the same transaction as the change itself, so neither exists without the other. */
export async function recordAudit(db: Db, who: { actor: Actor | null; requestId: string | null }, change: AuditChange): Promise<void> {
  await recordAudits(db, who, [change]);
}

/** The same for many changes at once (imports): one statement per few hundred entries. */
export async function recordAudits(db: Db, who: { actor: Actor | null; requestId: string | null }, changes: AuditChange[]): Promise<void> {
  await insertAudits(db, changes.map((change) => ({
    actorId: who.actor?.userId ?? null,
    actorUsername: who.actor?.username ?? null,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    unitId: change.unitId ?? null,
    before: redact(change.before),
    after: redact(change.after),
    detail: redact(change.detail),
    requestId: who.requestId,
  })));
}

/** Audits a refused request (route forbidden to the role, or record outside the user's area). */
export const deniedRecorder: DeniedRecorder = {
  async denied(c: Context<AppEnv>, what: string) {
    const actor = c.get('actor') ?? null;
    await recordAudit(c.get('db'), { actor, requestId: c.get('requestId') }, {
      action: 'access_denied',
      entity: 'route',
      entityId: what,
      unitId: actor?.unitId ?? null,
    });
  },
};

export async function searchAudit(ctx: RequestContext, query: TAuditQuery) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await listAudit(ctx.db, ctx.actor.unitId, query);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      unitId: r.unit_id,
      before: r.before ?? null,
      after: r.after ?? null,
      detail: r.detail ?? null,
    })),
  };
}

/** The change history of one record, for its own page (the caller has checked the record's scope). */
export async function recordHistory(db: Db, entity: string, entityId: string | number) {
  const rows = await listEntityHistory(db, entity, String(entityId));
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actorUsername: r.actor_username, action: r.action, before: r.before ?? null, after: r.after ?? null }));
}
