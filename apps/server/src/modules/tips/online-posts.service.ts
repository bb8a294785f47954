import { z } from 'zod';
import type { ZOnlinePostRequest, ZOnlinePostUpdate } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { checkEvidenceFile } from '../../lib/evidence-file.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertStoredFile } from '../tasks/tasks.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './tips.repository.js';

type PostRow = NonNullable<Awaited<ReturnType<typeof repo.findOnlinePost>>>;

function present(p: PostRow) {
  return {
    id: p.id, unitId: p.unit_id, platform: p.platform, url: p.url, foundOn: p.found_on, description: p.description,
    evidence: p.evidence_file_id ? { fileId: p.evidence_file_id, sha256: p.evidence_sha256! } : null,
    takedownSentOn: p.takedown_sent_on, takedownSentTo: p.takedown_sent_to, takedownResult: p.takedown_result, removedOn: p.removed_on, tipId: p.tip_id,
  };
}

async function loadInScope(ctx: RequestContext, id: number) {
  const post = await repo.findOnlinePost(ctx.db, id);
  if (!post) throw notFound();
  await assertUnitInScope(ctx, post.unit_id);
  return post;
}

export async function listOnlinePosts(ctx: RequestContext) {
  return { items: (await repo.listOnlinePosts(ctx.db, ctx.actor.unitId)).map(present) };
}

/** A post or account found online, with its evidence (the file's SHA-256 proves it was not changed afterwards). */
export async function logOnlinePost(ctx: RequestContext, input: z.infer<typeof ZOnlinePostRequest>, evidence: File | null) {
  await assertUnitInScope(ctx, input.unitId);
  const file = evidence ? await checkEvidenceFile(evidence) : null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const fileId = file ? await insertStoredFile(trx, { ...file, module: 'tips', unitId: input.unitId, uploadedBy: ctx.actor.userId || null }) : null;
    const postId = await repo.insertOnlinePost(trx, {
      unit_id: input.unitId, platform: input.platform, url: input.url, found_on: input.foundOn, description: input.description,
      evidence_file_id: fileId, evidence_sha256: file?.sha256 ?? null, tip_id: input.tipId ?? null, created_by: ctx.actor.userId || null,
    });
    await recordAudit(trx, ctx, { action: 'create', entity: 'online_post', entityId: postId, unitId: input.unitId, after: { ...input, evidenceSha256: file?.sha256 ?? null } });
    return postId;
  });
  return present((await repo.findOnlinePost(ctx.db, id))!);
}

/** The takedown request (to whom, when) and its result. */
export async function updateOnlinePost(ctx: RequestContext, id: number, input: z.infer<typeof ZOnlinePostUpdate>) {
  const before = present(await loadInScope(ctx, id));
  if (input.takedownResult === 'removed' && !(input.removedOn ?? before.removedOn))
    throw fieldError('removedOn', ctx.locale === 'vi' ? '«Ngày gỡ bỏ» là bắt buộc khi bài đã được gỡ' : '«Removal date» is required once removed');
  const columns: Record<string, string> = { takedownSentOn: 'takedown_sent_on', takedownSentTo: 'takedown_sent_to', takedownResult: 'takedown_result', removedOn: 'removed_on', description: 'description' };
  await inTransaction(ctx.db, async (trx) => {
    await repo.updateOnlinePost(trx, id, Object.fromEntries(Object.entries(input).map(([k, v]) => [columns[k], v])));
    await recordAudit(trx, ctx, { action: 'update', entity: 'online_post', entityId: id, unitId: before.unitId, before, after: { ...before, ...input } });
  });
  return present((await repo.findOnlinePost(ctx.db, id))!);
}
