import type { TTipKind } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './tips.repository.js';

export async function listDeadlineRules(ctx: RequestContext) {
  const rows = await repo.listRules(ctx.db);
  return { items: rows.map((r) => ({ kind: r.kind as TTipKind, days: r.days, extensionDays: r.extension_days, maxExtensions: r.max_extensions, legalBasis: r.legal_basis })) };
}

/** Deadlines are configuration: the administrator changes them when the law changes. Tips classified later use the new rule. */
export async function saveDeadlineRule(ctx: RequestContext, rule: { kind: TTipKind; days: number; extensionDays: number; maxExtensions: number; legalBasis: string }) {
  await inTransaction(ctx.db, async (trx) => {
    const before = await repo.findRule(trx, rule.kind);
    await repo.upsertRule(trx, rule);
    await recordAudit(trx, ctx, { action: 'update', entity: 'tip_deadline_rule', entityId: rule.kind, unitId: ctx.actor.unitId, before, after: rule });
  });
  return rule;
}
