import { inTransaction, type Db } from '../../db/database.js';
import {
  unitLevel,
  type TCreateUnitRequest,
  type TMergeUnitsRequest,
  type TSplitUnitRequest,
  type TUnit,
  type TUnitDetail,
  type TUnitType,
  type TUpdateUnitRequest,
} from '@pcmd/contracts';
import type { RequestContext } from '../../lib/context.js';
import { AppError, fieldError, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertUnitInScope, assertUnitVisible } from './units.scope.js';
import * as repo from './units.repository.js';

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** Maps a row to the API shape, so a column rename does not reach the client. */
export function presentUnit(row: UnitRow | (Omit<UnitRow, 'child_count'> & { child_count?: number })): TUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as TUnitType,
    level: row.level,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: row.child_count ?? 0,
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** Children of a unit (the actor's own unit when none is named), current today unless asked otherwise. */
export async function listUnitChildren(ctx: RequestContext, query: { parentId?: number; at?: string; includeExpired?: string }) {
  const parentId = query.parentId ?? ctx.actor.unitId;
  await assertUnitVisible(ctx, parentId);
  const at = query.includeExpired === 'true' ? null : (query.at ?? today());
  const parent = await repo.findUnit(ctx.db, parentId, at);
  if (!parent) throw notFound();
  const children = await repo.listChildren(ctx.db, parentId, at);
  return { parent: presentUnit(parent), items: children.map(presentUnit) };
}

export async function getUnitDetail(ctx: RequestContext, id: number): Promise<TUnitDetail> {
  await assertUnitVisible(ctx, id);
  const row = await repo.findUnit(ctx.db, id, today());
  if (!row) throw notFound();
  const [ancestors, links] = await Promise.all([repo.listAncestors(ctx.db, id), repo.listLinks(ctx.db, id)]);
  const presentLink = (l: (typeof links.predecessors)[number]) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    type: l.type as TUnitType,
    kind: l.kind,
    share: l.share,
    effectiveDate: l.effective_date,
  });
  return {
    ...presentUnit(row),
    ancestors: ancestors.map((a) => ({ ...a, type: a.type as TUnitType })),
    predecessors: links.predecessors.map(presentLink),
    successors: links.successors.map(presentLink),
  };
}

export async function searchUnitsInScope(ctx: RequestContext, query: { q: string; at?: string; includeExpired?: string }) {
  const at = query.includeExpired === 'true' ? null : (query.at ?? today());
  const rows = await repo.searchUnits(ctx.db, ctx.actor.unitId, query.q, at);
  return { items: rows.map(presentUnit) };
}

/** A child sits one or more levels below its parent (a village under a commune, a commune under a province or district). */
async function assertParentFits(ctx: RequestContext, parentId: number, type: TUnitType, field = 'parentId') {
  await assertUnitInScope(ctx, parentId);
  const parent = await repo.findUnit(ctx.db, parentId);
  if (!parent) throw fieldError(field, ctx.locale === 'vi' ? 'Không tìm thấy đơn vị cấp trên' : 'Parent unit not found');
  if (parent.level >= unitLevel(type))
    throw fieldError('type', ctx.locale === 'vi' ? 'Loại đơn vị phải ở cấp thấp hơn đơn vị cấp trên' : 'The unit type must be below its parent’s level');
  return parent;
}

async function assertCodeFree(ctx: RequestContext, code: string, from: string, to: string | null, exceptId?: number) {
  if (await repo.findOverlappingCode(ctx.db, code, from, to, exceptId))
    throw new AppError('CONFLICT', {
      fields: [{ path: 'code', message: ctx.locale === 'vi' ? `Mã ${code} đã được dùng trong cùng thời gian hiệu lực` : `Code ${code} is already in use for that period` }],
    });
}

export async function createUnit(ctx: RequestContext, input: TCreateUnitRequest): Promise<TUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    await assertParentFits(tctx, input.parentId, input.type);
    await assertCodeFree(tctx, input.code, input.validFrom, null);
    const [id] = await repo.insertUnits(trx, [{ ...input, level: unitLevel(input.type) }]);
    const created = presentUnit((await repo.findUnit(trx, id))!);
    await recordAudit(trx, ctx, { action: 'create', entity: 'unit', entityId: id, unitId: id, after: created });
    return created;
  });
}

export async function updateUnit(ctx: RequestContext, id: number, input: TUpdateUnitRequest): Promise<TUnit> {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    await assertUnitInScope(tctx, id);
    if (id === ctx.actor.unitId && input.parentId !== undefined)
      throw fieldError('parentId', ctx.locale === 'vi' ? 'Không thể chuyển đơn vị gốc của chính bạn' : 'You cannot move your own root unit');
    const row = await repo.findUnit(trx, id);
    if (!row) throw notFound();
    const before = presentUnit(row);
    const type = input.type ?? before.type;
    if (input.type !== undefined || input.parentId !== undefined) {
      const parentId = input.parentId ?? before.parentId;
      if (parentId !== null) await assertParentFits(tctx, parentId, type);
      const childLevels = await repo.listChildren(trx, id, null);
      if (childLevels.some((c) => c.level <= unitLevel(type)))
        throw fieldError('type', ctx.locale === 'vi' ? 'Loại đơn vị không thấp hơn các đơn vị trực thuộc' : 'The type must stay above its children');
    }
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (await repo.isInSubtree(trx, id, input.parentId))
        throw fieldError('parentId', ctx.locale === 'vi' ? 'Không thể chuyển đơn vị vào chính cấp dưới của nó' : 'A unit cannot move under its own subtree');
      await repo.moveUnit(trx, id, input.parentId);
    }
    const validFrom = input.validFrom ?? before.validFrom;
    const validTo = input.validTo === undefined ? before.validTo : input.validTo;
    if (validTo !== null && validTo <= validFrom)
      throw fieldError('validTo', ctx.locale === 'vi' ? 'Ngày hết hiệu lực phải sau ngày bắt đầu' : 'The end date must come after the start date');
    const code = input.code ?? before.code;
    if (code !== before.code || validFrom !== before.validFrom || validTo !== before.validTo) await assertCodeFree(tctx, code, validFrom, validTo, id);
    await repo.updateUnitRow(trx, id, {
      code,
      name: input.name ?? before.name,
      type,
      level: unitLevel(type),
      valid_from: validFrom,
      valid_to: validTo,
    });
    const after = presentUnit((await repo.findUnit(trx, id))!);
    await recordAudit(trx, ctx, { action: 'update', entity: 'unit', entityId: id, unitId: id, before, after });
    return after;
  });
}

/** Ends the predecessors on the date, creates the successor, moves their current villages or groups to it, and links them. */
export async function mergeUnits(ctx: RequestContext, input: TMergeUnitsRequest): Promise<TUnitDetail> {
  const successorId = await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const ids = [...new Set(input.predecessorIds)];
    if (ids.length < 2) throw fieldError('predecessorIds', ctx.locale === 'vi' ? 'Cần ít nhất hai đơn vị khác nhau' : 'At least two different units are needed');
    const predecessors = await repo.findUnitsByIds(trx, ids);
    if (predecessors.length !== ids.length) throw notFound();
    for (const p of predecessors) {
      await assertUnitInScope(tctx, p.id);
      assertEndable(ctx, p, input.effectiveDate, 'predecessorIds');
    }
    await assertParentFits(tctx, input.successor.parentId, input.successor.type, 'successor.parentId');
    await assertCodeFree(tctx, input.successor.code, input.effectiveDate, null);
    const [newId] = await repo.insertUnits(trx, [{ ...input.successor, level: unitLevel(input.successor.type), validFrom: input.effectiveDate }]);
    for (const p of predecessors) {
      await repo.updateUnitRow(trx, p.id, { valid_to: input.effectiveDate });
      for (const child of await repo.listChildren(trx, p.id, input.effectiveDate)) await repo.moveUnit(trx, child.id, newId);
    }
    await repo.insertLinks(
      trx,
      predecessors.map((p) => ({ predecessorId: p.id, successorId: newId, kind: 'merge', share: 'full', effectiveDate: input.effectiveDate })),
    );
    await recordAudit(trx, ctx, {
      action: 'merge',
      entity: 'unit',
      entityId: newId,
      unitId: newId,
      before: predecessors.map(presentUnit),
      after: { successorId: newId, ...input },
    });
    return newId;
  });
  return getUnitDetail(ctx, successorId);
}

function assertEndable(ctx: RequestContext, unit: { valid_from: string; valid_to: string | null; name: string }, date: string, field: string) {
  if (unit.valid_to !== null || unit.valid_from >= date)
    throw fieldError(
      field,
      ctx.locale === 'vi' ? `${unit.name} không còn hiệu lực hoặc bắt đầu sau ngày ${date}` : `${unit.name} is not current on ${date}`,
    );
}

/** Ends one unit on the date and creates its successors; every current village or group goes to exactly one of them. */
export async function splitUnit(ctx: RequestContext, id: number, input: TSplitUnitRequest) {
  const successorIds = await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    await assertUnitInScope(tctx, id);
    const unit = await repo.findUnit(trx, id);
    if (!unit) throw notFound();
    assertEndable(ctx, unit, input.effectiveDate, 'effectiveDate');
    const children = await repo.listChildren(trx, id, input.effectiveDate);
    const assigned = input.successors.flatMap((s) => s.childIds);
    const childIds = new Set(children.map((c) => c.id));
    if (assigned.some((c) => !childIds.has(c)) || new Set(assigned).size !== assigned.length || assigned.length !== childIds.size)
      throw fieldError(
        'successors',
        ctx.locale === 'vi'
          ? 'Mỗi thôn, tổ dân phố trực thuộc phải được chuyển về đúng một đơn vị mới'
          : 'Each village or group must go to exactly one new unit',
      );
    const ids: number[] = [];
    for (const [i, s] of input.successors.entries()) {
      await assertParentFits(tctx, s.parentId, s.type, `successors.${i}.parentId`);
      await assertCodeFree(tctx, s.code, input.effectiveDate, null);
      const [newId] = await repo.insertUnits(trx, [{ code: s.code, name: s.name, type: s.type, level: unitLevel(s.type), parentId: s.parentId, validFrom: input.effectiveDate }]);
      for (const childId of s.childIds) await repo.moveUnit(trx, childId, newId);
      ids.push(newId);
    }
    await repo.updateUnitRow(trx, id, { valid_to: input.effectiveDate });
    await repo.insertLinks(trx, ids.map((s) => ({ predecessorId: id, successorId: s, kind: 'split', share: 'partial', effectiveDate: input.effectiveDate })));
    await recordAudit(trx, ctx, { action: 'split', entity: 'unit', entityId: id, unitId: id, before: presentUnit(unit), after: { successorIds: ids, ...input } });
    return ids;
  });
  return { items: await Promise.all(successorIds.map((s) => getUnitDetail(ctx, s))) };
}

/** "This unit and its predecessors", for history and rollups. */
export async function getLineage(ctx: RequestContext, id: number) {
  await assertUnitVisible(ctx, id);
  const rows = await repo.listLineage(ctx.db, id);
  return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type as TUnitType, depth: r.depth, partial: r.partial })) };
}

/** Current communes and wards by name, for the public tip form (names only: the public sees nothing else of the tree). */
export async function searchPublicUnits(db: Db, text: string) {
  const rows = await repo.searchCurrentCommunes(db, text);
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name }));
}
