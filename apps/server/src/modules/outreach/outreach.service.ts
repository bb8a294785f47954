import type {
  TCreateOutreachActivityRequest,
  TCreateOutreachSeriesRequest,
  TCreatePeerGroupRequest,
  TOutreachActivity,
  TOutreachActivityListQuery,
  TOutreachCoverageQuery,
  TOutreachSeries,
  TOutreachReach,
  TPeerGroup,
  TUpdateOutreachActivityRequest,
  TUpdateOutreachSeriesRequest,
  TUpdatePeerGroupRequest,
} from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../lib/errors.js';
import { checkEvidenceFile } from '../../lib/evidence-file.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertStoredFile } from '../tasks/tasks.repository.js';
import { findUnit } from '../units/units.repository.js';
import { lastDay } from '../units/units.measures.js';
import { assertUnitInScope } from '../units/units.scope.js';
import { findUser } from '../users/users.repository.js';
import * as repo from './outreach.repository.js';

/** Today in Vietnam's calendar: an activity is recorded on the day it was held there. */
const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

type ActivityRow = NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>;

function presentActivity(row: ActivityRow): TOutreachActivity {
  const reach = row.reach as TOutreachActivity['reach'];
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    heldOn: row.held_on,
    agency: row.agency,
    channel: row.channel as TOutreachActivity['channel'],
    topic: row.topic,
    reach,
    reachedTotal: reach.reduce((sum, t) => sum + t.reached, 0),
    materials: row.materials,
    taskId: row.task_id,
    peerGroupId: row.peer_group_id,
    clientId: row.client_id,
    files: row.files,
    createdBy: row.created_by_username,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * Outreach is recorded at a unit of the user's area (a village head's is their village) that still existed on the day:
 * after a merge, activities go to the successor.
 */
async function assertPlace(ctx: RequestContext, unitId: number, on: string) {
  await assertUnitInScope(ctx, unitId);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.level < 1 || (unit.valid_to !== null && unit.valid_to <= on))
    throw fieldError('unitId', ctx.locale === 'vi' ? 'Đơn vị đã giải thể hoặc sáp nhập trước ngày này; chọn đơn vị đang hoạt động' : 'This unit had ended by that day; choose a current unit');
}

function assertNotFuture(ctx: RequestContext, field: string, date: string) {
  if (date > vnToday()) throw fieldError(field, ctx.locale === 'vi' ? 'Chỉ ghi nhận hoạt động đã diễn ra (ngày không được sau hôm nay)' : 'Only activities that have taken place (not after today)');
}

async function assertTask(ctx: RequestContext, taskId: number | null | undefined, unitId: number) {
  if (taskId && !(await repo.taskServesUnit(ctx.db, taskId, unitId)))
    throw fieldError('taskId', ctx.locale === 'vi' ? 'Nhiệm vụ không thuộc kế hoạch của đơn vị này hoặc đơn vị cấp trên' : 'The task is not in a plan of this unit or a unit above it');
}

async function assertPeerGroup(ctx: RequestContext, peerGroupId: number | null | undefined) {
  if (!peerGroupId) return;
  const group = await repo.findPeerGroup(ctx.db, peerGroupId);
  if (!group) throw fieldError('peerGroupId', ctx.locale === 'vi' ? 'Không tìm thấy nhóm, mô hình' : 'Peer group not found');
  await assertUnitInScope(ctx, group.unit_id);
}

async function loadActivity(ctx: RequestContext, id: number) {
  const row = await repo.findActivity(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

/**
 * Records an activity. A draft re-sent with the same clientId after a lost connection is stored once: the repeat gets
 * the stored record back (created: false). Someone else's clientId is a conflict, never a way to read their record.
 */
export async function createActivity(ctx: RequestContext, input: TCreateOutreachActivityRequest): Promise<{ created: boolean; activity: TOutreachActivity }> {
  const repeat = input.clientId ? await findRepeat(ctx, input.clientId) : null;
  if (repeat) return { created: false, activity: repeat };
  await assertPlace(ctx, input.unitId, input.heldOn);
  assertNotFuture(ctx, 'heldOn', input.heldOn);
  await assertTask(ctx, input.taskId, input.unitId);
  await assertPeerGroup(ctx, input.peerGroupId);
  try {
    const activity = await inTransaction(ctx.db, async (trx) => {
      const id = await repo.insertActivity(trx, { ...activityColumns(input), client_id: input.clientId ?? null, created_by: ctx.actor.userId || null });
      await repo.replaceActivityReach(trx, id, input.reach);
      const created = presentActivity((await repo.findActivity(trx, id))!);
      await recordAudit(trx, ctx, { action: 'create', entity: 'outreach_activity', entityId: id, unitId: input.unitId, after: created });
      return created;
    });
    return { created: true, activity };
  } catch (err) {
    // The same draft arrived twice at once: the second insert lost the race; answer it as a repeat.
    const raced = input.clientId && isUniqueViolation(err) ? await findRepeat(ctx, input.clientId) : null;
    if (raced) return { created: false, activity: raced };
    throw err;
  }
}

async function findRepeat(ctx: RequestContext, clientId: string) {
  const existing = await repo.findActivityByClientId(ctx.db, clientId);
  if (!existing) return null;
  if (existing.created_by !== (ctx.actor.userId || null))
    throw new AppError('CONFLICT', { fields: [{ path: 'clientId', message: ctx.locale === 'vi' ? 'Mã bản nháp đã được dùng cho một hoạt động khác' : 'This draft id belongs to another record' }] });
  await assertUnitInScope(ctx, existing.unit_id);
  return presentActivity(existing);
}

function activityColumns(input: Omit<TCreateOutreachActivityRequest, 'reach' | 'clientId'>): repo.ActivityColumns {
  return {
    unit_id: input.unitId, held_on: input.heldOn, agency: input.agency, channel: input.channel, topic: input.topic,
    materials: input.materials, task_id: input.taskId ?? null, peer_group_id: input.peerGroupId ?? null,
  };
}

export async function getActivity(ctx: RequestContext, id: number) {
  return presentActivity(await loadActivity(ctx, id));
}

export async function updateActivity(ctx: RequestContext, id: number, input: TUpdateOutreachActivityRequest) {
  const before = presentActivity(await loadActivity(ctx, id));
  const merged = { ...before, unitId: before.unit.id, ...input };
  if (input.unitId !== undefined || input.heldOn !== undefined) await assertPlace(ctx, merged.unitId, merged.heldOn);
  if (input.heldOn !== undefined) assertNotFuture(ctx, 'heldOn', input.heldOn);
  if (input.taskId !== undefined || input.unitId !== undefined) await assertTask(ctx, merged.taskId, merged.unitId);
  if (input.peerGroupId !== undefined) await assertPeerGroup(ctx, input.peerGroupId);
  return inTransaction(ctx.db, async (trx) => {
    await repo.updateActivityRow(trx, id, activityColumns(merged));
    if (input.reach) await repo.replaceActivityReach(trx, id, input.reach);
    const after = presentActivity((await repo.findActivity(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'outreach_activity', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

export async function listActivities(ctx: RequestContext, query: TOutreachActivityListQuery) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listActivities(ctx.db, ctx.actor.unitId, query);
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(presentActivity) };
}

/**
 * The quick-entry form's starting values: the user's own last activity (unit, agency, channel, topic, groups, materials),
 * or, before their first one, their own unit and agency. The date is left to the form (today).
 */
export async function activityDefaults(ctx: RequestContext) {
  const last = await repo.findLastActivityBy(ctx.db, ctx.actor.userId);
  if (last && (await stillInScope(ctx, last.unit_id)))
    return {
      unit: { id: last.unit_id, name: last.unit_name }, agency: last.agency, channel: last.channel as TOutreachActivity['channel'], topic: last.topic,
      reach: last.reach as TOutreachReach, materials: last.materials, taskId: last.task_id, peerGroupId: last.peer_group_id, lastHeldOn: last.held_on,
    };
  const [unit, user] = await Promise.all([findUnit(ctx.db, ctx.actor.unitId), findUser(ctx.db, ctx.actor.userId)]);
  return {
    unit: { id: ctx.actor.unitId, name: unit?.name ?? '' }, agency: user?.agency ?? '', channel: null, topic: '', reach: [], materials: '',
    taskId: null, peerGroupId: null, lastHeldOn: null,
  };
}

/** A user moved to another unit does not get their old unit preset. */
async function stillInScope(ctx: RequestContext, unitId: number) {
  try {
    await assertUnitInScope(ctx, unitId);
    return true;
  } catch {
    return false;
  }
}

/** A photo or document of the activity (type recognised by its content, size limited), read under the outreach module's rules. */
export async function attachActivityFile(ctx: RequestContext, id: number, file: File | null) {
  const activity = await loadActivity(ctx, id);
  if (!file) throw fieldError('file', ctx.locale === 'vi' ? '«Tệp» là bắt buộc' : '«File» is required');
  const checked = await checkEvidenceFile(file);
  await inTransaction(ctx.db, async (trx) => {
    const fileId = await insertStoredFile(trx, { ...checked, module: 'outreach', unitId: activity.unit_id, uploadedBy: ctx.actor.userId || null });
    await repo.attachActivityFile(trx, id, fileId);
    await recordAudit(trx, ctx, { action: 'update', entity: 'outreach_activity', entityId: id, unitId: activity.unit_id, detail: { attached: { name: checked.fileName, sha256: checked.sha256 } } });
  });
  return getActivity(ctx, id);
}

// --- series -----------------------------------------------------------------------------------

type SeriesRow = NonNullable<Awaited<ReturnType<typeof repo.findSeries>>>;
/** Occurrences so far: up to today inclusive. */
const seriesHorizon = () => nextDay(vnToday());

function presentSeries(row: SeriesRow): TOutreachSeries {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    agency: row.agency,
    channel: row.channel as TOutreachSeries['channel'],
    topic: row.topic,
    frequency: row.frequency as TOutreachSeries['frequency'],
    interval: row.interval_count,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    reach: row.reach as TOutreachSeries['reach'],
    materials: row.materials,
    taskId: row.task_id,
    occurrencesSoFar: row.occurrences_so_far,
  };
}

async function loadSeries(ctx: RequestContext, id: number) {
  const row = await repo.findSeries(ctx.db, id, seriesHorizon());
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

/** A recurring broadcast, entered once; its occurrences are counted up to today, or its end. */
export async function createSeries(ctx: RequestContext, input: TCreateOutreachSeriesRequest) {
  await assertPlace(ctx, input.unitId, input.startsOn);
  await assertTask(ctx, input.taskId, input.unitId);
  return inTransaction(ctx.db, async (trx) => {
    const id = await repo.insertSeries(trx, {
      unit_id: input.unitId, agency: input.agency, channel: input.channel, topic: input.topic, frequency: input.frequency, interval_count: input.interval,
      starts_on: input.startsOn, ends_on: input.endsOn ?? null, materials: input.materials, task_id: input.taskId ?? null, created_by: ctx.actor.userId || null,
    });
    await repo.replaceSeriesReach(trx, id, input.reach);
    const created = presentSeries((await repo.findSeries(trx, id, seriesHorizon()))!);
    await recordAudit(trx, ctx, { action: 'create', entity: 'outreach_series', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

/** Ends a series (endsOn) or corrects what it says; counts already reported change only if the end moves before them. */
export async function updateSeries(ctx: RequestContext, id: number, input: TUpdateOutreachSeriesRequest) {
  const before = presentSeries(await loadSeries(ctx, id));
  if (input.endsOn && input.endsOn < before.startsOn)
    throw fieldError('endsOn', ctx.locale === 'vi' ? 'Ngày kết thúc phải không trước ngày bắt đầu' : 'The end must not come before the start');
  return inTransaction(ctx.db, async (trx) => {
    await repo.updateSeriesRow(trx, id, {
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.topic !== undefined ? { topic: input.topic } : {}),
      ...(input.agency !== undefined ? { agency: input.agency } : {}),
      ...(input.materials !== undefined ? { materials: input.materials } : {}),
    });
    if (input.reach) await repo.replaceSeriesReach(trx, id, input.reach);
    const after = presentSeries((await repo.findSeries(trx, id, seriesHorizon()))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'outreach_series', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

export async function listSeries(ctx: RequestContext) {
  return { items: (await repo.listSeries(ctx.db, ctx.actor.unitId, seriesHorizon())).map(presentSeries) };
}

// --- peer groups ------------------------------------------------------------------------------

type PeerGroupRow = NonNullable<Awaited<ReturnType<typeof repo.findPeerGroup>>>;

function presentPeerGroup(row: PeerGroupRow): TPeerGroup {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    name: row.name,
    kind: row.kind as TPeerGroup['kind'],
    hostAgency: row.host_agency,
    membersCount: row.members_count,
    foundedOn: row.founded_on,
    dissolvedOn: row.dissolved_on,
    description: row.description,
    activitiesCount: row.activities_count,
    lastActivityOn: row.last_activity_on,
  };
}

async function loadPeerGroup(ctx: RequestContext, id: number) {
  const row = await repo.findPeerGroup(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

export async function createPeerGroup(ctx: RequestContext, input: TCreatePeerGroupRequest) {
  await assertPlace(ctx, input.unitId, input.foundedOn);
  return inTransaction(ctx.db, async (trx) => {
    const id = await repo.insertPeerGroup(trx, {
      unit_id: input.unitId, name: input.name, kind: input.kind, host_agency: input.hostAgency, members_count: input.membersCount,
      founded_on: input.foundedOn, dissolved_on: input.dissolvedOn ?? null, description: input.description, created_by: ctx.actor.userId || null,
    });
    const created = presentPeerGroup((await repo.findPeerGroup(trx, id))!);
    await recordAudit(trx, ctx, { action: 'create', entity: 'peer_group', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

export async function updatePeerGroup(ctx: RequestContext, id: number, input: TUpdatePeerGroupRequest) {
  const before = presentPeerGroup(await loadPeerGroup(ctx, id));
  const foundedOn = input.foundedOn ?? before.foundedOn;
  const dissolvedOn = input.dissolvedOn !== undefined ? input.dissolvedOn : before.dissolvedOn;
  if (dissolvedOn && dissolvedOn < foundedOn)
    throw fieldError('dissolvedOn', ctx.locale === 'vi' ? 'Ngày giải thể phải không trước ngày thành lập' : 'Dissolution must not come before founding');
  return inTransaction(ctx.db, async (trx) => {
    await repo.updatePeerGroupRow(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.hostAgency !== undefined ? { host_agency: input.hostAgency } : {}),
      ...(input.membersCount !== undefined ? { members_count: input.membersCount } : {}),
      ...(input.foundedOn !== undefined ? { founded_on: input.foundedOn } : {}),
      ...(input.dissolvedOn !== undefined ? { dissolved_on: input.dissolvedOn } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    const after = presentPeerGroup((await repo.findPeerGroup(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'peer_group', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

export async function getPeerGroup(ctx: RequestContext, id: number) {
  return presentPeerGroup(await loadPeerGroup(ctx, id));
}

export async function listPeerGroups(ctx: RequestContext) {
  return { items: (await repo.listPeerGroups(ctx.db, ctx.actor.unitId)).map(presentPeerGroup) };
}

// --- coverage ---------------------------------------------------------------------------------

/** Villages or residential groups (or units of another level) under a unit with no outreach in [from, to), as the measures count it. */
export async function coverage(ctx: RequestContext, query: TOutreachCoverageQuery) {
  const unitId = query.unitId ?? ctx.actor.unitId;
  await assertUnitInScope(ctx, unitId);
  if (query.to <= query.from) throw fieldError('to', ctx.locale === 'vi' ? 'Ngày kết thúc phải sau ngày bắt đầu' : 'The end must come after the start');
  const horizon = nextDay(vnToday());
  const { total, covered, rows } = await repo.listUncoveredUnits(ctx.db, {
    unitId, level: query.level, on: lastDay(query.to), from: query.from, until: query.to < horizon ? query.to : horizon, page: query.page, pageSize: query.pageSize,
  });
  return {
    unitsTotal: total,
    unitsCovered: covered,
    total: total - covered,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({ unitId: r.id, unitName: r.name, unitCode: r.code, parentName: r.parent_name, lastActivityOn: r.last_held_on })),
  };
}
