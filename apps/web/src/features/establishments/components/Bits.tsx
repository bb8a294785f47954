import { ESTABLISHMENT_STATUS_LABELS, INSPECTION_KINDS, RISK_LABELS, formatDateVi, formatNumberVi, type TEstablishment } from '@pcmd/contracts';
import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { useMe } from '../../auth/session';
import { canEditEstablishments } from '../permissions';

type Risk = TEstablishment['riskLevel'];

const RISK_CLASS: Record<NonNullable<Risk> | 'none', string> = { high: 'risk risk-high', medium: 'risk risk-medium', low: 'risk risk-low', none: 'risk risk-none' };

/** "Nguy cơ cao" / "High risk"; "Chưa phân loại" when not classified. */
export function useRiskText() {
  const { t, locale } = useI18n();
  return (level: Risk) => {
    if (!level) return t('est.risk.none');
    const label = RISK_LABELS[level][locale];
    return t('est.risk', { level: locale === 'vi' ? label.toLowerCase() : label });
  };
}

/** The risk level in colour and in words ("Nguy cơ cao"), never colour alone. */
export function RiskBadge({ level }: { level: Risk }) {
  const riskText = useRiskText();
  return (
    <span className={RISK_CLASS[level ?? 'none']}>
      <span className="risk-dot" aria-hidden="true" />
      {riskText(level)}
    </span>
  );
}

const STATUS_CLASS: Record<TEstablishment['status'], string> = { operating: 'tag tag-current', suspended: 'tag tag-warning', closed: 'tag tag-expired' };

export function StatusTag({ status }: { status: TEstablishment['status'] }) {
  const { locale } = useI18n();
  return <span className={STATUS_CLASS[status]}>{ESTABLISHMENT_STATUS_LABELS[status][locale]}</span>;
}

export function KindLabel({ kind }: { kind: keyof typeof INSPECTION_KINDS }) {
  const { locale } = useI18n();
  return <>{INSPECTION_KINDS[kind][locale]}</>;
}

/** "12/03/2026", "Chưa kiểm tra" when known never inspected, "—" when unknown. */
export function LastInspection({ date }: { date: string | null | undefined }) {
  const { t } = useI18n();
  if (date === undefined) return <>—</>;
  return <>{date ? formatDateVi(date) : t('est.neverInspected')}</>;
}

const COORDINATE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/** Decimal degrees as Vietnamese write them ("10,776912"); the default number format would round to 3 decimals. */
export const formatCoordinate = (n: number) => COORDINATE.format(n);

/** A fine in đồng, grouped the Vietnamese way: "15.000.000 đồng". */
export function Money({ amount }: { amount: number }) {
  const { t } = useI18n();
  return <>{t('est.money', { amount: formatNumberVi(amount) })}</>;
}

const SECTIONS: { to: string; key: MessageKey; end?: boolean; editorsOnly?: boolean }[] = [
  { to: '/establishments', key: 'est.nav.list', end: true },
  { to: '/establishments/priority', key: 'est.nav.priority' },
  { to: '/establishments/plans', key: 'est.nav.plans' },
  { to: '/establishments/map', key: 'est.nav.map' },
  { to: '/establishments/import', key: 'est.nav.import', editorsOnly: true },
];

/** The screens of the establishments module, as tabs under the page title. */
export function EstablishmentsNav() {
  const { t } = useI18n();
  const me = useMe();
  const editor = canEditEstablishments(me.role);
  return (
    <nav className="tabs" aria-label={t('est.nav.label')}>
      <ul>
        {SECTIONS.filter((s) => editor || !s.editorsOnly).map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end={s.end}>
              {t(s.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
