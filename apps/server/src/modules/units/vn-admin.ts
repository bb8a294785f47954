import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TUnitType } from '@pcmd/contracts';
import type { TUnitLinkImportRow } from './units.import.js';

/** The 1 July 2025 reform: the day the new units start and the old ones end. */
export const VN_REFORM_DATE = '2025-07-01';
/** The data set gives no start date for the old units; they are taken as valid from the start of the 2019–2025 data. */
export const VN_OLD_UNITS_FROM = '2019-01-01';

interface MergesFile {
  data: { level1_id: string; name: string; merges: { old_id: string; type: string }[]; level2s: { level2_id: string; name: string; merges: { old_id: string; name: string; type: string }[] }[] }[];
}
interface SplitsFile {
  data: { level1_id: string; name: string; level3s: { level3_id: string; name: string }[] }[];
}

/**
 * Island districts that had no communes became special zones in 2025. splits.json lists only old communes,
 * so these old districts and their old province (from the official list of districts) are added here.
 */
const OLD_ISLAND_DISTRICT_PROVINCE: Record<string, string> = { '318': '31', '471': '45', '498': '48', '536': '51', '755': '77' };

function provinceType(name: string): TUnitType {
  return name.startsWith('Thành phố') ? 'thanh_pho_tw' : 'tinh';
}

function communeType(name: string): TUnitType {
  if (name.startsWith('Phường')) return 'phuong';
  if (name.startsWith('Thị trấn')) return 'thi_tran';
  if (name.startsWith('Đặc khu')) return 'dac_khu';
  return 'xa';
}

/**
 * Turns dvhcvn's merges.json (new → old) and splits.json (old → new) into rows of the ordinary unit import:
 * both generations of provinces and communes under the country root, and one link per old → new step.
 */
export function readVnAdmin2025(dir: string, rootCode: string) {
  const merges = JSON.parse(readFileSync(join(dir, 'merges.json'), 'utf8')) as MergesFile;
  const splits = JSON.parse(readFileSync(join(dir, 'splits.json'), 'utf8')) as SplitsFile;
  const units: Record<string, string>[] = [];
  const links: TUnitLinkImportRow[] = [];
  const unit = (code: string, name: string, type: TUnitType, parentCode: string, validFrom: string, validTo?: string) =>
    units.push({ code, name, type, parentCode, validFrom, ...(validTo ? { validTo } : {}) });

  for (const province of splits.data) {
    unit(province.level1_id, province.name, provinceType(province.name), rootCode, VN_OLD_UNITS_FROM, VN_REFORM_DATE);
    for (const commune of province.level3s)
      unit(commune.level3_id, commune.name, communeType(commune.name), province.level1_id, VN_OLD_UNITS_FROM, VN_REFORM_DATE);
  }
  const oldCodes = new Set(units.map((u) => u.code));
  for (const province of merges.data)
    for (const commune of province.level2s)
      for (const old of commune.merges)
        if (!oldCodes.has(old.old_id)) {
          const oldProvince = OLD_ISLAND_DISTRICT_PROVINCE[old.old_id] ?? province.merges[0].old_id;
          unit(old.old_id, old.name, 'huyen', oldProvince, VN_OLD_UNITS_FROM, VN_REFORM_DATE);
          oldCodes.add(old.old_id);
        }
  for (const province of merges.data) {
    unit(province.level1_id, province.name, provinceType(province.name), rootCode, VN_REFORM_DATE);
    for (const old of province.merges)
      links.push({ predecessorCode: old.old_id, successorCode: province.level1_id, share: old.type === 'partial' ? 'partial' : 'full', kind: 'merge', effectiveDate: VN_REFORM_DATE });
    for (const commune of province.level2s) {
      unit(commune.level2_id, commune.name, communeType(commune.name), province.level1_id, VN_REFORM_DATE);
      for (const old of commune.merges)
        links.push({ predecessorCode: old.old_id, successorCode: commune.level2_id, share: old.type === 'partial' ? 'partial' : 'full', kind: old.type === 'partial' ? 'split' : 'merge', effectiveDate: VN_REFORM_DATE });
    }
  }
  return { units, links };
}
