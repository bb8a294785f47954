import type { TCreateEstablishmentRequest, TEstablishment, TEstablishmentListQuery, TUpdateEstablishmentRequest } from '@pcmd/contracts';
import { inTransaction } from '../../db/database.js';
import type { RequestContext } from '../../lib/context.js';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../lib/errors.js';
import { recordAudit, recordHistory } from '../audit/audit.service.js';
import { findUnit } from '../units/units.repository.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './establishments.repository.js';

function present(row: repo.EstablishmentRow, locale: 'vi' | 'en'): TEstablishment {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    name: row.name,
    typeCode: row.type_code,
    typeName: locale === 'vi' ? row.type_name_vi : row.type_name_en,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    registrationNo: row.registration_no,
    licenceNo: row.licence_no,
    licenceIssuer: row.licence_issuer,
    licenceExpiry: row.licence_expiry,
    representativeName: row.representative_name,
    representativeIdNo: row.representative_id_no,
    representativePhone: row.representative_phone,
    staffCount: row.staff_count,
    status: row.status as TEstablishment['status'],
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    riskLevel: row.risk_level as TEstablishment['riskLevel'],
    riskReason: row.risk_reason,
    classifiedOn: row.classified_on,
    commitmentSignedOn: row.commitment_signed_on,
    lastInspectedOn: row.last_inspected_on,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function loadInScope(ctx: RequestContext, id: number) {
  const row = await repo.findEstablishment(ctx.db, id);
  if (!row) throw notFound();
  await assertUnitInScope(ctx, row.unit_id);
  return row;
}

/** An establishment belongs to a commune or to one of its villages or groups. */
async function assertPlaceable(ctx: RequestContext, unitId: number, typeCode: string | undefined) {
  const vi = ctx.locale === 'vi';
  await assertUnitInScope(ctx, unitId);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.level < 3 || unit.valid_to !== null)
    throw fieldError('unitId', vi ? 'Chọn xã, phường hoặc thôn, tổ dân phố đang hoạt động' : 'Choose a current commune, village or group');
  if (typeCode !== undefined && !(await repo.typeExists(ctx.db, typeCode)))
    throw fieldError('typeCode', vi ? `Loại hình «${typeCode}» không có trong danh mục` : `Type «${typeCode}» is not in the catalogue`);
}

/** Refuses a second registration of the same business: the same registration number, or the same name at the same address. */
async function assertNotDuplicate(ctx: RequestContext, values: { name: string; address: string; registrationNo?: string | null }, exceptId?: number, acknowledged = false) {
  const vi = ctx.locale === 'vi';
  if (values.registrationNo) {
    const same = await repo.findByRegistrationNo(ctx.db, values.registrationNo, exceptId);
    if (same)
      throw new AppError('CONFLICT', {
        fields: [{ path: 'registrationNo', message: vi ? `Số đăng ký kinh doanh đã có ở cơ sở «${same.name}» (mã ${same.id})` : `This registration number belongs to «${same.name}» (#${same.id})` }],
      });
  }
  if (!acknowledged) {
    const twin = await repo.findByNameAndAddress(ctx.db, values.name, values.address, exceptId);
    if (twin)
      throw new AppError('CONFLICT', {
        fields: [{ path: 'name', message: vi ? `Có thể trùng với cơ sở «${twin.name}», ${twin.address} (mã ${twin.id}); xác nhận nếu đây là cơ sở khác` : `Possibly the same as «${twin.name}», ${twin.address} (#${twin.id}); confirm if it is another one` }],
      });
  }
}

function toColumns(input: Partial<Record<repo.EstablishmentField, unknown>>) {
  return Object.fromEntries(Object.entries(input).filter(([k]) => k in repo.COLUMN_OF).map(([k, v]) => [repo.COLUMN_OF[k as repo.EstablishmentField], v ?? null]));
}

function assertDates(ctx: RequestContext, e: { status?: string; openedOn?: string; closedOn?: string | null }) {
  const vi = ctx.locale === 'vi';
  if (e.closedOn && e.openedOn && e.closedOn < e.openedOn) throw fieldError('closedOn', vi ? 'Ngày đóng cửa phải sau ngày hoạt động' : 'The closing date must follow the opening date');
  if (e.status === 'closed' && !e.closedOn) throw fieldError('closedOn', vi ? '«Ngày đóng cửa» là bắt buộc khi cơ sở đã đóng cửa' : '«Closing date» is required for a closed establishment');
}

export async function listEstablishments(ctx: RequestContext, query: TEstablishmentListQuery) {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listEstablishments(ctx.db, ctx.actor.unitId, query);
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((r) => present(r, ctx.locale)) };
}

export async function getEstablishment(ctx: RequestContext, id: number) {
  return present(await loadInScope(ctx, id), ctx.locale);
}

export async function createEstablishment(ctx: RequestContext, input: TCreateEstablishmentRequest) {
  await assertPlaceable(ctx, input.unitId, input.typeCode);
  assertDates(ctx, input);
  await assertNotDuplicate(ctx, input, undefined, input.notADuplicate);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const id = await repo.insertEstablishment(trx, toColumns(input));
      const created = present((await repo.findEstablishment(trx, id))!, ctx.locale);
      await recordAudit(trx, ctx, { action: 'create', entity: 'establishment', entityId: id, unitId: input.unitId, after: created });
      return created;
    });
  } catch (err) {
    // A twin registered between the check and the insert: answer as the check would have.
    if (isUniqueViolation(err)) await assertNotDuplicate(ctx, input, undefined, true);
    throw err;
  }
}

export async function updateEstablishment(ctx: RequestContext, id: number, input: TUpdateEstablishmentRequest) {
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = present(await loadInScope(tctx, id), ctx.locale);
    if (input.unitId !== undefined || input.typeCode !== undefined) await assertPlaceable(tctx, input.unitId ?? before.unit.id, input.typeCode);
    const merged = { ...before, ...input };
    assertDates(ctx, merged);
    if (input.name !== undefined || input.address !== undefined || input.registrationNo !== undefined) await assertNotDuplicate(tctx, merged, id, input.notADuplicate);
    await repo.updateEstablishmentRow(trx, id, toColumns(input));
    const after = present((await repo.findEstablishment(trx, id))!, ctx.locale);
    await recordAudit(trx, ctx, { action: 'update', entity: 'establishment', entityId: id, unitId: after.unit.id, before, after });
    return after;
  });
}

export async function establishmentHistory(ctx: RequestContext, id: number) {
  await loadInScope(ctx, id);
  return { items: await recordHistory(ctx.db, 'establishment', id) };
}

export async function listEstablishmentTypes(ctx: RequestContext) {
  const rows = await repo.listTypes(ctx.db);
  return { items: rows.map((t) => ({ code: t.code, name: ctx.locale === 'vi' ? t.name_vi : t.name_en })) };
}
