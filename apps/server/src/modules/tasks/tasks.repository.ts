import type { TModule } from '@pcmd/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

/** Tasks of the unit's plans whose deadline falls in [from, to) and has passed by asOf; optionally only those done by it. */
export async function countTasksDue(db: Db, unitId: number, from: string, to: string, asOf: string, doneOnTime: boolean): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from plan_tasks t join plans p on p.id = t.plan_id
     where p.unit_id in ${recordUnitIds(unitId)} and p.status <> 'superseded'
       and t.status <> 'cancelled' and t.deadline >= ${from}::date and t.deadline < ${to}::date and t.deadline < ${asOf}::date
       ${doneOnTime ? sql`and t.status = 'done' and t.done_at <= t.deadline` : sql``}`.execute(db);
  return rows[0].n;
}

/** Tasks of the plans of units in a subtree, with their plan's unit. */
export async function listTasksInScope(db: Db, scopeUnitId: number) {
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('t')
    .select(['p.unit_id', 'u.name as unit_name', 'p.subject as plan_subject'])
    .where('p.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', scopeUnitId))
    .where('p.status', '<>', 'superseded')
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}

export async function findTask(db: Db, id: number) {
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select(['p.unit_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function listTaskUpdates(db: Db, taskId: number) {
  return db
    .selectFrom('task_updates as tu')
    .leftJoin('users as us', 'us.id', 'tu.user_id')
    .leftJoin('stored_files as f', 'f.id', 'tu.file_id')
    .select(['tu.id', 'tu.at', 'tu.status', 'tu.note', 'us.username', 'f.id as file_id', 'f.file_name', 'f.size_bytes'])
    .where('tu.task_id', '=', taskId)
    .orderBy('tu.at')
    .execute();
}

export async function updateTaskStatus(db: Db, id: number, status: string, doneAt: string | null) {
  await db.updateTable('plan_tasks').set({ status, done_at: doneAt, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertTaskUpdate(db: Db, u: { taskId: number; userId: number | null; status: string; note: string; fileId: number | null }) {
  await db.insertInto('task_updates').values({ task_id: u.taskId, user_id: u.userId, status: u.status, note: u.note, file_id: u.fileId }).execute();
}

export async function insertStoredFile(db: Db, f: { module: TModule; unitId: number; fileName: string; mimeType: string; content: Uint8Array; sha256: string; uploadedBy: number | null }) {
  const row = await db
    .insertInto('stored_files')
    .values({ module: f.module, unit_id: f.unitId, file_name: f.fileName, mime_type: f.mimeType, size_bytes: f.content.byteLength, sha256: f.sha256, content: f.content, uploaded_by: f.uploadedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findStoredFile(db: Db, id: number) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}
