import { writeSpreadsheet } from '../../lib/spreadsheet.js';
import { UNIT_TYPES, type TUnitType } from '@pcmd/contracts';
import type { RequestContext } from '../../lib/context.js';
import { assertUnitInScope } from './units.scope.js';
import { listSubtreeForExport } from './units.repository.js';

/** The subtree as .xlsx with the same Vietnamese columns the import reads, so a file can go round. */
export async function exportUnitsXlsx(ctx: RequestContext, rootId: number | undefined): Promise<Buffer> {
  const root = rootId ?? ctx.actor.unitId;
  await assertUnitInScope(ctx, root);
  const rows = await listSubtreeForExport(ctx.db, root);
  const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
  return writeSpreadsheet(
    'Đơn vị',
    [
      { header: 'Mã đơn vị', key: 'code', width: 14 },
      { header: 'Tên đơn vị', key: 'name', width: 36 },
      { header: 'Loại đơn vị', key: 'type', width: 22 },
      { header: 'Mã cấp trên', key: 'parentCode', width: 14 },
      { header: 'Hiệu lực từ', key: 'validFrom', width: 14 },
      { header: 'Hiệu lực đến', key: 'validTo', width: 14 },
    ],
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      type: UNIT_TYPES[r.type as TUnitType]?.vi ?? r.type,
      parentCode: r.parent_code ?? '',
      validFrom: dmy(r.valid_from),
      validTo: dmy(r.valid_to),
    })),
  );
}
