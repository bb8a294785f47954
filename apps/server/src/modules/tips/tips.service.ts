import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  TIP_ACTION_FROM,
  TIP_STATUSES,
  type TPublicTipRequest,
  type TStaffTipRequest,
  type TTip,
  type TTipAction,
  type TTipListQuery,
  type TTipStatus,
} from '@pcmd/contracts';
import { inTransaction, type Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { decryptJson, encryptJson } from '../../lib/data-key.js';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { sanitizeImage } from '../../lib/image-sanitize.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEstablishment } from '../establishments/establishments.repository.js';
import { insertStoredFile } from '../tasks/tasks.repository.js';
import { findUnit } from '../units/units.repository.js';
import { findUser } from '../users/users.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './tips.repository.js';

type TipRow = NonNullable<Awaited<ReturnType<typeof repo.findTip>>>;

/** One formatter for Vietnam's calendar day: building one per call cost 100–200 µs a row in the inbox (bench/tips). */
const VN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const vnDay = (at: Date | string) => VN_DAY.format(new Date(at));
const vnToday = () => vnDay(new Date());
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Reference codes avoid letters that read alike (0/O, 1/I/L) so that a citizen can copy one from a phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newReferenceCode = () => `TG-${Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function present(row: TipRow): TTip {
  const open = row.status !== 'handled' && row.status !== 'closed';
  const today = vnToday();
  return {
    id: row.id,
    referenceCode: row.reference_code,
    unit: { id: row.unit_id, name: row.unit_name },
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    establishmentId: row.establishment_id,
    inspectionId: row.inspection_id,
    occurredAt: row.occurred_at,
    description: row.description,
    category: row.category as TTip['category'],
    channel: row.channel as TTip['channel'],
    kind: row.kind as TTip['kind'],
    priority: row.priority as TTip['priority'],
    status: row.status as TTip['status'],
    result: row.result as TTip['result'],
    receivedAt: new Date(row.received_at).toISOString(),
    deadline: row.deadline,
    daysLeft: open ? daysBetween(today, row.deadline) : null,
    overdue: open ? row.deadline < today : row.handled_at !== null && vnDay(row.handled_at) > row.deadline,
    extensions: row.extensions,
    assignedAgency: row.assigned_agency,
    assignedUserId: row.assigned_user_id,
    anonymous: row.anonymous,
    handledAt: row.handled_at ? new Date(row.handled_at).toISOString() : null,
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
  };
}

/** Until a tip is classified its clock runs by the strictest rule, so that no tip waits longer than the law allows. */
async function provisionalDeadline(db: Db, receivedDay: string) {
  const rules = await repo.listRules(db);
  return addDays(receivedDay, Math.min(...rules.map((r) => r.days)));
}

async function assertPlace(ctx: { db: Db; locale: 'vi' | 'en' }, unitId: number, establishmentId?: number | null) {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.level < 3 || unit.valid_to !== null)
    throw fieldError('unitId', ctx.locale === 'vi' ? 'Chọn xã, phường hoặc thôn, tổ dân phố đang hoạt động' : 'Choose a current commune, village or group');
  if (establishmentId) {
    const e = await findEstablishment(ctx.db, establishmentId);
    if (!e) throw fieldError('establishmentId', ctx.locale === 'vi' ? 'Không tìm thấy cơ sở' : 'Establishment not found');
  }
}

/** The columns a tip starts with, whoever received it. */
function newTipColumns(input: TPublicTipRequest | TStaffTipRequest, channel: string, deadline: string) {
  return {
    reference_code: newReferenceCode(),
    unit_id: input.unitId,
    address: input.address,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    establishment_id: input.establishmentId ?? null,
    occurred_at: input.occurredAt,
    description: input.description,
    category: input.category,
    channel,
    // Children and trafficking come first (the rule), before anyone has read the tip.
    priority: input.category === 'child_victim' || input.category === 'trafficking' ? 'urgent' : 'normal',
    deadline,
    anonymous: !input.reporter,
    reporter_encrypted: input.reporter ? encryptJson(input.reporter) : null,
  };
}

/** A citizen's tip from the public page: anonymous unless they give a name; answered with a code and a secret. */
export async function submitPublicTip(ctx: { db: Db; locale: 'vi' | 'en'; requestId: string }, input: TPublicTipRequest) {
  await assertPlace(ctx, input.unitId, input.establishmentId);
  const secret = randomBytes(15).toString('base64url');
  return inTransaction(ctx.db, async (trx) => {
    const columns = newTipColumns(input, 'web', await provisionalDeadline(trx, vnToday()));
    const referenceCode = columns.reference_code;
    const row = await repo.insertTip(trx, { ...columns, secret_hash: hashSecret(secret) });
    await repo.insertEvent(trx, { tipId: row.id, userId: null, event: 'received', toStatus: 'received', note: 'Cổng trực tuyến', publicNote: null });
    await recordAudit(trx, { actor: null, requestId: ctx.requestId }, { action: 'create', entity: 'tip', entityId: row.id, unitId: input.unitId, detail: { channel: 'web', anonymous: !input.reporter } });
    return { referenceCode, secret, receivedAt: new Date(row.received_at).toISOString() };
  });
}

/** Same answer, same work, for an unknown code and a wrong secret: the page gives nothing away. */
async function loadByCodeAndSecret(db: Db, referenceCode: string, secret: string) {
  const tip = await repo.findTipByCode(db, referenceCode.toUpperCase());
  const expected = Buffer.from(tip?.secret_hash ?? hashSecret('no-such-tip'), 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!tip || !timingSafeEqual(expected, given)) throw new AppError('TIP_NOT_FOUND');
  return tip;
}

export async function publicTipStatus(ctx: { db: Db; locale: 'vi' | 'en' }, referenceCode: string, secret: string) {
  const tip = await loadByCodeAndSecret(ctx.db, referenceCode, secret);
  const events = await repo.listEvents(ctx.db, tip.id);
  const label = (status: string) => TIP_STATUSES[status as keyof typeof TIP_STATUSES]?.[ctx.locale] ?? status;
  return {
    referenceCode: tip.reference_code,
    status: tip.status,
    statusLabel: label(tip.status),
    receivedAt: new Date(tip.received_at).toISOString(),
    // The citizen sees the steps and the notes written for them, never internal notes, names or agencies.
    steps: events
      .filter((e) => e.to_status || e.event === 'citizen_info')
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        label: e.event === 'citizen_info' ? (ctx.locale === 'vi' ? 'Bạn đã bổ sung thông tin' : 'You added information') : label(e.to_status!),
        note: e.public_note,
      })),
  };
}

export async function addPublicInformation(ctx: { db: Db; requestId: string }, referenceCode: string, secret: string, text: string, photo: File | null) {
  const tip = await loadByCodeAndSecret(ctx.db, referenceCode, secret);
  if (tip.status === 'closed') throw new AppError('INVALID_TRANSITION');
  const image = photo ? await sanitizeImage(photo) : null;
  await inTransaction(ctx.db, async (trx) => {
    await repo.insertEvent(trx, { tipId: tip.id, userId: null, event: 'citizen_info', note: text });
    if (image) {
      const fileId = await insertStoredFile(trx, {
        module: 'tips', unitId: tip.unit_id, fileName: image.fileName, mimeType: image.mimeType, content: image.bytes,
        sha256: createHash('sha256').update(image.bytes).digest('hex'), uploadedBy: null,
      });
      await repo.attachTipFile(trx, tip.id, fileId, true);
    }
    await recordAudit(trx, { actor: null, requestId: ctx.requestId }, { action: 'update', entity: 'tip', entityId: tip.id, unitId: tip.unit_id, detail: { citizenInformation: true, photo: image !== null } });
  });
}

/** Intake by staff, for every channel (hotline, mailbox, in person, letter, transfer, social media). */
export async function receiveTip(ctx: RequestContext, input: TStaffTipRequest) {
  await assertUnitInScope(ctx, input.unitId);
  await assertPlace(ctx, input.unitId, input.establishmentId);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  if (receivedAt.getTime() > Date.now() + 60_000) throw fieldError('receivedAt', ctx.locale === 'vi' ? 'Thời điểm tiếp nhận không thể ở tương lai' : 'The time of receipt cannot be in the future');
  const id = await inTransaction(ctx.db, async (trx) => {
    const receivedDay = vnDay(receivedAt);
    const row = await repo.insertTip(trx, {
      ...newTipColumns(input, input.channel, await provisionalDeadline(trx, receivedDay)),
      received_at: receivedAt,
      created_by: ctx.actor.userId || null,
    });
    await repo.insertEvent(trx, { tipId: row.id, userId: ctx.actor.userId || null, event: 'received', toStatus: 'received', note: input.channel });
    await recordAudit(trx, ctx, { action: 'create', entity: 'tip', entityId: row.id, unitId: input.unitId, after: { ...input, reporter: input.reporter ? '[mã hóa]' : null } });
    return row.id;
  });
  return getTip(ctx, id);
}

async function loadInScope(ctx: RequestContext, id: number) {
  const row = await repo.findTip(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

export async function getTip(ctx: RequestContext, id: number) {
  const row = await loadInScope(ctx, id);
  const [events, files] = await Promise.all([repo.listEvents(ctx.db, id), repo.listTipFiles(ctx.db, id)]);
  return {
    ...present(row),
    events: events.map((e) => ({ at: new Date(e.at).toISOString(), username: e.username, event: e.event, fromStatus: e.from_status, toStatus: e.to_status, note: e.note })),
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, fromCitizen: f.from_citizen })),
  };
}

export async function listTips(ctx: RequestContext, query: TTipListQuery) {
  const scope = query.unitId ?? ctx.actor.unitId;
  await assertUnitInScope(ctx, scope);
  const assignedTo = query.assigned === 'me' ? { userId: ctx.actor.userId, agency: (await findUser(ctx.db, ctx.actor.userId))?.agency ?? null } : undefined;
  const { total, rows } = await repo.listTips(ctx.db, scope, { ...query, assignedTo, today: vnToday() });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(present) };
}

const TARGET: Record<TTipAction['action'], string | null> = { verify: 'verifying', classify: 'classified', assign: 'assigned', extend: null, handle: 'handled', close: 'closed' };

/** Moves a tip one step; every step is timed (an event), audited, and checked against the tip's current step. */
export async function actOnTip(ctx: RequestContext, id: number, action: TTipAction) {
  const vi = ctx.locale === 'vi';
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const tip = await loadInScope(tctx, id);
    if (!TIP_ACTION_FROM[action.action].includes(tip.status as TTipStatus)) throw new AppError('INVALID_TRANSITION');
    if (action.action === 'handle' && tip.assigned_user_id && tip.assigned_user_id !== ctx.actor.userId && ctx.actor.role !== 'focal_point') throw forbidden();
    const before = present(tip);
    const patch: Record<string, unknown> = {};
    let note = 'note' in action ? action.note : '';
    let publicNote: string | null = null;
    if (action.action === 'classify') {
      const rule = await repo.findRule(trx, action.kind);
      if (!rule) throw fieldError('kind', vi ? 'Chưa cấu hình thời hạn cho loại tin này' : 'No deadline is configured for this kind');
      Object.assign(patch, { kind: action.kind, category: action.category, priority: action.priority, deadline: addDays(tip.received_day, rule.days + tip.extensions * rule.extension_days) });
    }
    if (action.action === 'assign') {
      Object.assign(patch, { assigned_agency: action.agency, assigned_user_id: action.userId ?? null });
      publicNote = vi ? 'Tin đã được giao cơ quan có thẩm quyền xử lý.' : null;
    }
    if (action.action === 'extend') {
      const rule = await repo.findRule(trx, tip.kind!);
      if (!rule || tip.extensions >= rule.max_extensions)
        throw fieldError('reason', vi ? `Đã hết số lần gia hạn cho phép (${rule?.max_extensions ?? 0})` : 'No more extensions are allowed');
      Object.assign(patch, { extensions: tip.extensions + 1, deadline: addDays(tip.deadline, rule.extension_days) });
      note = action.reason;
    }
    if (action.action === 'handle') {
      if (action.establishmentId && !(await findEstablishment(trx, action.establishmentId))) throw fieldError('establishmentId', vi ? 'Không tìm thấy cơ sở' : 'Establishment not found');
      const handledOn = action.handledOn ?? vnToday();
      if (handledOn > vnToday() || handledOn < tip.received_day)
        throw fieldError('handledOn', vi ? 'Ngày xử lý phải từ ngày tiếp nhận đến hôm nay' : 'The handling date must lie between receipt and today');
      Object.assign(patch, { result: action.result, handled_at: action.handledOn ? new Date(`${handledOn}T12:00:00+07:00`) : new Date(), establishment_id: action.establishmentId ?? tip.establishment_id, inspection_id: action.inspectionId ?? tip.inspection_id });
      publicNote = action.publicNote ?? null;
    }
    if (action.action === 'close') patch.closed_at = new Date();
    const to = TARGET[action.action];
    if (to) patch.status = to;
    await repo.updateTipRow(trx, id, patch);
    await repo.insertEvent(trx, { tipId: id, userId: ctx.actor.userId || null, event: action.action, fromStatus: tip.status, toStatus: to, note, publicNote });
    const after = present((await repo.findTip(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unitId: tip.unit_id, before, after, detail: { step: action.action, note } });
  });
  return getTip(ctx, id);
}

/** The reporter's identity: only for leaders and the assigned handler; every read is audited. */
export async function readReporter(ctx: RequestContext, id: number) {
  const tip = await loadInScope(ctx, id);
  if (ctx.actor.role !== 'leader' && tip.assigned_user_id !== ctx.actor.userId) throw forbidden();
  await recordAudit(ctx.db, ctx, { action: 'read_sensitive', entity: 'tip_reporter', entityId: id, unitId: tip.unit_id });
  return { anonymous: tip.anonymous, reporter: tip.reporter_encrypted ? decryptJson<{ name: string; contact: string }>(tip.reporter_encrypted) : null };
}
