import type {
  TCourse,
  TCourseAttendanceRequest,
  TCourseDetail,
  TCourseListQuery,
  TCreateCourseRequest,
  TCreateRosterPersonRequest,
  TRosterListQuery,
  TRosterPerson,
  TUpdateRosterPersonRequest,
} from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, fieldError, notFound } from '../../lib/errors.js';
import { checkEvidenceFile } from '../../lib/evidence-file.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertStoredFile } from '../tasks/tasks.repository.js';
import { findUnit, unitsInSubtree } from '../units/units.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './training.repository.js';

const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

type PersonRow = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
type CourseRow = NonNullable<Awaited<ReturnType<typeof repo.findCourse>>>;

function presentPerson(row: PersonRow): TRosterPerson {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    fullName: row.full_name,
    kind: row.kind as TRosterPerson['kind'],
    agency: row.agency,
    position: row.position,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    lastTrainedOn: row.last_trained_on,
    coursesCompleted: row.courses_completed,
  };
}

function presentCourse(row: CourseRow): TCourse {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    organiser: row.organiser,
    level: row.level as TCourse['level'],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    topics: row.topics as string[],
    note: row.note,
    attendeesCount: row.attendees_count,
    completedCount: row.completed_count,
  };
}

/** A person or a course belongs to a unit of the user's area that had not ended by the day given. */
async function assertPlace(ctx: RequestContext, unitId: number, on: string) {
  await assertUnitInScope(ctx, unitId);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.level < 1 || (unit.valid_to !== null && unit.valid_to <= on))
    throw fieldError('unitId', ctx.locale === 'vi' ? 'Đơn vị đã giải thể hoặc sáp nhập trước ngày này; chọn đơn vị đang hoạt động' : 'This unit had ended by that day; choose a current unit');
}

async function loadPerson(ctx: RequestContext, id: number) {
  const row = await repo.findPerson(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

async function loadCourse(ctx: RequestContext, id: number) {
  const row = await repo.findCourse(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

export async function listPeople(ctx: RequestContext, query: TRosterListQuery) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listPeople(ctx.db, ctx.actor.unitId, query, vnToday());
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(presentPerson) };
}

export async function addPerson(ctx: RequestContext, input: TCreateRosterPersonRequest) {
  await assertPlace(ctx, input.unitId, input.joinedOn);
  return inTransaction(ctx.db, async (trx) => {
    const id = await repo.insertPerson(trx, {
      unit_id: input.unitId, full_name: input.fullName, kind: input.kind, agency: input.agency, position: input.position,
      joined_on: input.joinedOn, left_on: input.leftOn ?? null, created_by: ctx.actor.userId || null,
    });
    const created = presentPerson((await repo.findPerson(trx, id))!);
    await recordAudit(trx, ctx, { action: 'create', entity: 'roster_person', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

/** Corrects a person's record, moves them, or takes them off the roster (leftOn); their training stays recorded. */
export async function updatePerson(ctx: RequestContext, id: number, input: TUpdateRosterPersonRequest) {
  const before = presentPerson(await loadPerson(ctx, id));
  const joinedOn = input.joinedOn ?? before.joinedOn;
  const leftOn = input.leftOn !== undefined ? input.leftOn : before.leftOn;
  if (input.unitId !== undefined) await assertPlace(ctx, input.unitId, joinedOn);
  if (leftOn && leftOn <= joinedOn) throw fieldError('leftOn', ctx.locale === 'vi' ? 'Ngày thôi nhiệm vụ phải sau ngày bắt đầu' : 'Leaving must come after joining');
  return inTransaction(ctx.db, async (trx) => {
    await repo.updatePersonRow(trx, id, {
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.agency !== undefined ? { agency: input.agency } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.joinedOn !== undefined ? { joined_on: input.joinedOn } : {}),
      ...(input.leftOn !== undefined ? { left_on: input.leftOn } : {}),
    });
    const after = presentPerson((await repo.findPerson(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'roster_person', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

export async function listCourses(ctx: RequestContext, query: TCourseListQuery) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listCourses(ctx.db, ctx.actor.unitId, query);
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(presentCourse) };
}

export async function createCourse(ctx: RequestContext, input: TCreateCourseRequest) {
  await assertPlace(ctx, input.unitId, input.startsOn);
  return inTransaction(ctx.db, async (trx) => {
    const id = await repo.insertCourse(trx, {
      unit_id: input.unitId, title: input.title, organiser: input.organiser, level: input.level, starts_on: input.startsOn, ends_on: input.endsOn,
      topics: JSON.stringify(input.topics), note: input.note, created_by: ctx.actor.userId || null,
    });
    const created = presentCourse((await repo.findCourse(trx, id))!);
    await recordAudit(trx, ctx, { action: 'create', entity: 'training_course', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

/** A course with its attendees, as far as the reader's area goes: people of other areas are not shown to them. */
export async function getCourse(ctx: RequestContext, id: number): Promise<TCourseDetail> {
  const course = await loadCourse(ctx, id);
  const rows = await repo.listAttendance(ctx.db, id);
  const visible = new Set(await unitsInSubtree(ctx.db, ctx.actor.unitId, [...new Set(rows.map((r) => r.unit_id))]));
  return {
    ...presentCourse(course),
    attendees: rows
      .filter((r) => visible.has(r.unit_id))
      .map((r) => ({
        personId: r.person_id, fullName: r.full_name, unit: { id: r.unit_id, name: r.unit_name }, kind: r.kind as TRosterPerson['kind'], agency: r.agency, completed: r.completed,
        certificate: r.file_id ? { fileId: r.file_id, name: r.file_name!, size: r.size_bytes! } : null,
      })),
  };
}

/**
 * Sets who of the user's area attended a course (and completed it). Everyone listed must be on a roster inside the
 * user's area: a person of another commune is refused, and rows entered higher up for people outside it are kept.
 */
export async function setAttendance(ctx: RequestContext, id: number, input: TCourseAttendanceRequest) {
  const vi = ctx.locale === 'vi';
  await loadCourse(ctx, id);
  const units = await repo.findPeopleUnits(ctx.db, input.attendees.map((a) => a.personId));
  const missing = input.attendees.findIndex((a) => !units.has(a.personId));
  if (missing >= 0) throw fieldError(`attendees.${missing}.personId`, vi ? 'Không có người này trong danh sách đội ngũ' : 'No such person on the roster');
  const inside = new Set(await unitsInSubtree(ctx.db, ctx.actor.unitId, [...new Set(units.values())]));
  const outside = input.attendees.findIndex((a) => !inside.has(units.get(a.personId)!));
  if (outside >= 0)
    throw new AppError('OUT_OF_SCOPE', {
      fields: [{ path: `attendees.${outside}.personId`, message: vi ? 'Người này thuộc đơn vị ngoài địa bàn bạn phụ trách' : 'This person belongs to a unit outside your area' }],
    });
  return inTransaction(ctx.db, async (trx) => {
    const before = (await repo.listAttendance(trx, id)).filter((r) => inside.has(r.unit_id)).map((r) => ({ personId: r.person_id, completed: r.completed }));
    await repo.replaceAttendance(trx, id, ctx.actor.unitId, input.attendees);
    await recordAudit(trx, ctx, { action: 'update', entity: 'training_attendance', entityId: id, unitId: (await repo.findCourse(trx, id))!.unit_id, before, after: input.attendees });
    return getCourse({ ...ctx, db: trx }, id);
  });
}

/** A certificate (a scan, photo or PDF) of one attendee, kept as a file readable under the training module's rules. */
export async function attachCertificate(ctx: RequestContext, id: number, personId: number | null, file: File | null) {
  const vi = ctx.locale === 'vi';
  await loadCourse(ctx, id);
  if (!personId) throw fieldError('personId', vi ? '«Người trong danh sách» là bắt buộc' : '«Person on the roster» is required');
  const person = await loadPerson(ctx, personId);
  if (!(await repo.findAttendance(ctx.db, id, personId))) throw fieldError('personId', vi ? 'Người này không có trong danh sách tham dự khóa học' : 'This person did not attend the course');
  if (!file) throw fieldError('file', vi ? '«Tệp» là bắt buộc' : '«File» is required');
  const checked = await checkEvidenceFile(file);
  await inTransaction(ctx.db, async (trx) => {
    const fileId = await insertStoredFile(trx, { ...checked, module: 'training', unitId: person.unit_id, uploadedBy: ctx.actor.userId || null });
    await repo.setCertificate(trx, id, personId, fileId);
    await recordAudit(trx, ctx, { action: 'update', entity: 'training_attendance', entityId: id, unitId: person.unit_id, detail: { personId, certificate: { name: checked.fileName, sha256: checked.sha256 } } });
  });
  return getCourse(ctx, id);
}
