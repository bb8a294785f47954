import { sql } from 'kysely';
import type { TCourseListQuery, TRosterListQuery } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';
import { recordUnitIds } from '../units/units.repository.js';

const inSubtree = (scopeUnitId: number) => sql<number>`(select descendant_id from unit_closure where ancestor_id = ${scopeUnitId})`;

// --- roster -----------------------------------------------------------------------------------

export interface PersonColumns {
  unit_id: number;
  full_name: string;
  kind: string;
  agency: string;
  position: string;
  joined_on: string;
  left_on: string | null;
}

export async function insertPerson(db: Db, values: PersonColumns & { created_by: number | null }) {
  return (await db.insertInto('training_people').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePersonRow(db: Db, id: number, values: Partial<PersonColumns>) {
  await db.updateTable('training_people').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
}

const personBase = (db: Db) =>
  db
    .selectFrom('training_people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select([
      'u.name as unit_name',
      sql<string | null>`(select max(c.ends_on)::text from training_attendance t join training_courses c on c.id = t.course_id where t.person_id = p.id and t.completed)`.as('last_trained_on'),
      sql<number>`(select count(*)::int from training_attendance t where t.person_id = p.id and t.completed)`.as('courses_completed'),
    ]);

export async function findPerson(db: Db, id: number) {
  return personBase(db).where('p.id', '=', id).executeTakeFirst();
}

/** The roster of a subtree: on it on a day (joined, not yet left), or everyone ever recorded. */
export async function listPeople(db: Db, scopeUnitId: number, q: TRosterListQuery, today: string) {
  let query = personBase(db).where('p.unit_id', 'in', inSubtree(q.unitId ?? scopeUnitId));
  if (q.kind) query = query.where('p.kind', '=', q.kind);
  if (q.current === 'true') query = query.where('p.joined_on', '<=', today).where((eb) => eb.or([eb('p.left_on', 'is', null), eb('p.left_on', '>', today)]));
  const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('u.name').orderBy('p.full_name').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { total: Number(total), rows };
}

/** People of the list with their unit, for checking attendance against the user's area. */
export async function findPeopleUnits(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const rows = await db.selectFrom('training_people').select(['id', 'unit_id']).where('id', '=', sql<number>`any(${ids}::int[])`).execute();
  return new Map(rows.map((r) => [r.id, r.unit_id]));
}

// --- courses ----------------------------------------------------------------------------------

export interface CourseColumns {
  unit_id: number;
  title: string;
  organiser: string;
  level: string;
  starts_on: string;
  ends_on: string;
  topics: string;
  note: string;
}

export async function insertCourse(db: Db, values: CourseColumns & { created_by: number | null }) {
  return (await db.insertInto('training_courses').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

const courseBase = (db: Db) =>
  db
    .selectFrom('training_courses as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select([
      'u.name as unit_name',
      sql<number>`(select count(*)::int from training_attendance t where t.course_id = c.id)`.as('attendees_count'),
      sql<number>`(select count(*)::int from training_attendance t where t.course_id = c.id and t.completed)`.as('completed_count'),
    ]);

export async function findCourse(db: Db, id: number) {
  return courseBase(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listCourses(db: Db, scopeUnitId: number, q: TCourseListQuery) {
  let query = courseBase(db).where('c.unit_id', 'in', inSubtree(q.unitId ?? scopeUnitId));
  if (q.year) query = query.where(sql<number>`extract(year from c.ends_on)::int`, '=', q.year);
  const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { total: Number(total), rows };
}

export async function listAttendance(db: Db, courseId: number) {
  return db
    .selectFrom('training_attendance as t')
    .innerJoin('training_people as p', 'p.id', 't.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('stored_files as f', 'f.id', 't.certificate_file_id')
    .select(['t.person_id', 't.completed', 'p.full_name', 'p.unit_id', 'u.name as unit_name', 'p.kind', 'p.agency', 'f.id as file_id', 'f.file_name', 'f.size_bytes'])
    .where('t.course_id', '=', courseId)
    .orderBy('p.full_name')
    .orderBy('p.id')
    .execute();
}

/**
 * Replaces the attendance of a course for the people of a subtree; rows of people outside it (entered by a user
 * higher up) are left as they are. Certificates already attached stay with their person.
 */
export async function replaceAttendance(db: Db, courseId: number, scopeUnitId: number, attendees: { personId: number; completed: boolean }[]) {
  const ids = attendees.map((a) => a.personId);
  await sql`
    delete from training_attendance t using training_people p
     where t.course_id = ${courseId} and p.id = t.person_id and p.unit_id in ${inSubtree(scopeUnitId)}
       and not (t.person_id = any(${ids}::int[]))`.execute(db);
  if (attendees.length)
    await db
      .insertInto('training_attendance')
      .values(attendees.map((a) => ({ course_id: courseId, person_id: a.personId, completed: a.completed })))
      .onConflict((oc) => oc.columns(['course_id', 'person_id']).doUpdateSet((eb) => ({ completed: eb.ref('excluded.completed') })))
      .execute();
}

export async function findAttendance(db: Db, courseId: number, personId: number) {
  return db.selectFrom('training_attendance').selectAll().where('course_id', '=', courseId).where('person_id', '=', personId).executeTakeFirst();
}

export async function setCertificate(db: Db, courseId: number, personId: number, fileId: number) {
  await db.updateTable('training_attendance').set({ certificate_file_id: fileId }).where('course_id', '=', courseId).where('person_id', '=', personId).execute();
}

// --- measures ---------------------------------------------------------------------------------

/**
 * People of a unit's records on the roster on a day, optionally of one kind; with `trainedUntil`, only those who
 * completed a course ending before it (and on or after `trainedFrom`, when given).
 */
export async function countRoster(db: Db, unitId: number, day: string, filter: { kind?: string; trainedFrom?: string; trainedUntil?: string }) {
  const trained = filter.trainedUntil
    ? sql`and exists (select 1 from training_attendance t join training_courses c on c.id = t.course_id
                       where t.person_id = p.id and t.completed and c.ends_on < ${filter.trainedUntil}::date
                       ${filter.trainedFrom ? sql`and c.ends_on >= ${filter.trainedFrom}::date` : sql``})`
    : sql``;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from training_people p
     where p.unit_id in ${recordUnitIds(unitId)}
       and p.joined_on <= ${day}::date and (p.left_on is null or p.left_on > ${day}::date)
       ${filter.kind ? sql`and p.kind = ${filter.kind}` : sql``} ${trained}`.execute(db);
  return rows[0].n;
}
