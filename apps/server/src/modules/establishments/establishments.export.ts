import {
  ESTABLISHMENT_IMPORT_COLUMNS,
  ESTABLISHMENT_IMPORT_FIELDS,
  ESTABLISHMENT_STATUS_LABELS,
  RISK_LABELS,
  formatDateVi,
  formatNumberVi,
  type TEstablishmentExportQuery,
  type TEstablishmentImportField,
} from '@pcmd/contracts';
import type { RequestContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { writeSpreadsheet } from '../../lib/spreadsheet.js';
import { assertUnitInScope } from '../units/units.scope.js';
import * as repo from './establishments.repository.js';

/** A province's registry fits; beyond this the user is asked to filter rather than wait for a huge file. */
const MAX_EXPORT_ROWS = 20_000;

const WIDTHS: Partial<Record<TEstablishmentImportField, number>> = { name: 32, typeCode: 20, address: 40, representativeName: 24, licenceIssuer: 24, riskReason: 32 };

/**
 * The filtered list as .xlsx under the headers the import reads (Vietnamese, dates dd/mm/yyyy, type and status
 * by their Vietnamese names), so that an exported file, corrected in Excel, goes back in through the import.
 */
export async function exportEstablishmentsXlsx(ctx: RequestContext, query: TEstablishmentExportQuery): Promise<Buffer> {
  if (query.unitId) await assertUnitInScope(ctx, query.unitId);
  const { total, rows } = await repo.listEstablishments(ctx.db, ctx.actor.unitId, { ...query, page: 1, pageSize: MAX_EXPORT_ROWS });
  if (total > MAX_EXPORT_ROWS)
    throw new AppError('VALIDATION_FAILED', {
      message: ctx.locale === 'vi'
        ? `Danh sách có ${formatNumberVi(total)} cơ sở, quá ${formatNumberVi(MAX_EXPORT_ROWS)} dòng của một tệp; hãy lọc theo đơn vị hoặc loại hình`
        : `The list holds ${total} establishments, more than the ${MAX_EXPORT_ROWS} rows of one file; filter by unit or type`,
    });
  const columns = ESTABLISHMENT_IMPORT_FIELDS.flatMap((field) => {
    const column = { header: ESTABLISHMENT_IMPORT_COLUMNS[field].vi, key: field, width: WIDTHS[field] };
    // The unit's name helps the reader; the import ignores the column and goes by the code.
    return field === 'unitCode' ? [column, { header: 'Tên đơn vị', key: 'unitName', width: 20 }] : [column];
  });
  return writeSpreadsheet(
    'Cơ sở',
    columns,
    rows.map((r) => ({
      name: r.name,
      typeCode: r.type_name_vi,
      address: r.address,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      registrationNo: r.registration_no,
      licenceNo: r.licence_no,
      licenceIssuer: r.licence_issuer,
      licenceExpiry: formatDateVi(r.licence_expiry),
      representativeName: r.representative_name,
      representativeIdNo: r.representative_id_no,
      representativePhone: r.representative_phone,
      staffCount: r.staff_count,
      status: ESTABLISHMENT_STATUS_LABELS[r.status as keyof typeof ESTABLISHMENT_STATUS_LABELS]?.vi ?? r.status,
      openedOn: formatDateVi(r.opened_on),
      closedOn: formatDateVi(r.closed_on),
      riskLevel: r.risk_level ? RISK_LABELS[r.risk_level as keyof typeof RISK_LABELS].vi : null,
      riskReason: r.risk_reason,
      classifiedOn: formatDateVi(r.classified_on),
      commitmentSignedOn: formatDateVi(r.commitment_signed_on),
      latitude: r.latitude,
      longitude: r.longitude,
    }) satisfies Record<TEstablishmentImportField | 'unitName', unknown>),
  );
}
