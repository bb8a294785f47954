import { canUseModule, foldVi, type TPlanTask } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { fieldError, forbidden, notFound } from '../../lib/errors.js';
import { checkEvidenceFile } from '../../lib/evidence-file.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUser } from '../users/users.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { presentTask } from '../plans/plans.service.js';
import * as repo from './tasks.repository.js';

/** Roles that coordinate every task of their area; others update only the tasks of their own agency. */
const COORDINATORS = new Set(['focal_point', 'leader', 'admin', 'provincial_health']);

async function agencyOf(ctx: RequestContext): Promise<string | null> {
  const user = await findUser(ctx.db, ctx.actor.userId);
  return user?.agency ? foldVi(user.agency) : null;
}

const involves = (task: { lead_agency: string; cooperating_agencies: unknown }, agency: string | null) =>
  agency !== null && [task.lead_agency, ...((task.cooperating_agencies as string[]) ?? [])].some((a) => foldVi(a) === agency);

/** The task board: the user's own agency's tasks first, then the overdue, then by deadline. */
export async function listTasks(ctx: RequestContext, filter: { overdue?: boolean }) {
  const agency = await agencyOf(ctx);
  const rows = await repo.listTasksInScope(ctx.db, ctx.actor.unitId);
  const items = rows
    .map((r) => ({ ...presentTask(r), unitId: r.unit_id, unitName: r.unit_name, planSubject: r.plan_subject, mine: involves(r, agency) }))
    .filter((t) => !filter.overdue || t.overdue);
  items.sort((a, b) => Number(b.mine) - Number(a.mine) || Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  return { items };
}

export async function getTask(ctx: RequestContext, id: number) {
  const task = await repo.findTask(ctx.db, id);
  if (!task) throw notFound();
  await assertUnitInScope(ctx, task.unit_id);
  const updates = await repo.listTaskUpdates(ctx.db, id);
  return {
    ...presentTask(task),
    updates: updates.map((u) => ({ id: u.id, at: new Date(u.at).toISOString(), status: u.status, note: u.note, username: u.username, file: u.file_id ? { id: u.file_id, name: u.file_name!, size: u.size_bytes! } : null })),
  };
}

/** An agency reports progress on a task, optionally with one evidence file; done needs its date. */
export async function reportTaskProgress(ctx: RequestContext, id: number, input: { status: TPlanTask['status']; note: string; doneAt?: string }, file: File | null) {
  const task = await repo.findTask(ctx.db, id);
  if (!task) throw notFound();
  await assertUnitInScope(ctx, task.unit_id);
  if (!COORDINATORS.has(ctx.actor.role) && !involves(task, await agencyOf(ctx))) throw forbidden();
  if (input.status === 'done' && !input.doneAt) throw fieldError('doneAt', ctx.locale === 'vi' ? 'Cần ngày hoàn thành' : 'The completion date is required');
  const evidence = file ? await checkEvidenceFile(file) : null;
  await inTransaction(ctx.db, async (trx) => {
    const fileId = evidence ? await repo.insertStoredFile(trx, { ...evidence, module: 'tasks', unitId: task.unit_id, uploadedBy: ctx.actor.userId || null }) : null;
    const doneAt = input.status === 'done' ? input.doneAt! : null;
    await repo.updateTaskStatus(trx, id, input.status, doneAt);
    await repo.insertTaskUpdate(trx, { taskId: id, userId: ctx.actor.userId || null, status: input.status, note: input.note, fileId });
    await recordAudit(trx, ctx, {
      action: 'update', entity: 'task', entityId: id, unitId: task.unit_id,
      before: { status: task.status, doneAt: task.done_at }, after: { status: input.status, doneAt, note: input.note, evidence: evidence ? { name: evidence.fileName, sha256: evidence.sha256 } : null },
    });
  });
  return getTask(ctx, id);
}

export async function downloadFile(ctx: RequestContext, id: number) {
  const file = await repo.findStoredFile(ctx.db, id);
  if (!file) throw notFound();
  // A file is read under its own module's rules, so that a task's readers cannot open a tip's or an inspection's files.
  if (!canUseModule(ctx.actor.role, file.module)) throw forbidden();
  await assertUnitInScope(ctx, file.unit_id);
  return file;
}
