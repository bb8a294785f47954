import { UNIT_TYPES, UNIT_TYPE_CODES, formatDateVi, type TUnit, type TUnitType } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';

const LEVEL_KEYS = ['units.level.0', 'units.level.1', 'units.level.2', 'units.level.3', 'units.level.4'] as const;

/** "Cấp xã" for level 3. */
export function useLevelLabel() {
  const { t } = useI18n();
  return (level: number) => {
    const key: (typeof LEVEL_KEYS)[number] | undefined = LEVEL_KEYS[level];
    return key ? t(key) : String(level);
  };
}

/** Unit types as <option>s grouped by level, in the order of the hierarchy. */
export function UnitTypeOptions() {
  const { t, locale } = useI18n();
  const level = useLevelLabel();
  return (
    <>
      <option value="">{t('form.choose')}</option>
      {[1, 2, 3, 4].map((l) => (
        <optgroup key={l} label={level(l)}>
          {UNIT_TYPE_CODES.filter((code) => UNIT_TYPES[code].level === l).map((code) => (
            <option key={code} value={code}>
              {UNIT_TYPES[code][locale]}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function UnitTypeLabel({ type }: { type: TUnitType }) {
  const { locale } = useI18n();
  return <>{UNIT_TYPES[type][locale]}</>;
}

/** "Từ ngày 01/01/2019 [Hết hiệu lực từ 01/07/2025]": valid_to is the first day the unit no longer exists. */
export function Validity({ unit }: { unit: Pick<TUnit, 'validFrom' | 'validTo'> }) {
  const { t } = useI18n();
  return (
    <>
      {t('units.validFrom', { date: formatDateVi(unit.validFrom) })}
{' '}
      {unit.validTo ? (
        <span className="tag tag-expired">{t('units.expiredFrom', { date: formatDateVi(unit.validTo) })}</span>
      ) : (
        <span className="tag tag-current">{t('units.current')}</span>
      )}
    </>
  );
}
