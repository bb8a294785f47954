import { TIP_CATEGORIES, TIP_CHANNELS, TIP_KINDS, TIP_PRIORITIES, TIP_RESULTS, TIP_STATUSES, formatDateVi, type TLocale, type TTip } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';

type Labels = Record<string, { vi: string; en: string }>;

/** The label of a code from one of the shared catalogues, in the UI's language; an unknown code shows as itself. */
export const labelOf = (labels: Labels, code: string | null | undefined, locale: TLocale) => (code ? (labels[code]?.[locale] ?? code) : '');

export const tipLabels = {
  category: TIP_CATEGORIES as Labels,
  channel: TIP_CHANNELS as Labels,
  kind: TIP_KINDS as Labels,
  status: TIP_STATUSES as Labels,
  result: TIP_RESULTS as Labels,
  priority: TIP_PRIORITIES as Labels,
};

const STATUS_CLASS: Record<TTip['status'], string> = {
  received: 'tag',
  verifying: 'tag tag-info',
  classified: 'tag tag-info',
  assigned: 'tag tag-info',
  handled: 'tag tag-current',
  closed: 'tag tag-muted',
};

/** The step, the priority when it is not routine, and how long is left: red when overdue, amber within 5 days. */
export function TipTags({ tip }: { tip: Pick<TTip, 'status' | 'priority' | 'overdue' | 'daysLeft'> }) {
  const { t, locale } = useI18n();
  const open = tip.status !== 'handled' && tip.status !== 'closed';
  return (
    <span className="tags">
      <span className={STATUS_CLASS[tip.status]}>{labelOf(tipLabels.status, tip.status, locale)}</span>
      {tip.priority !== 'normal' && <span className="tag tag-warning">{labelOf(tipLabels.priority, tip.priority, locale)}</span>}
      {open && tip.overdue && (
        <span className="tag tag-expired">
          <span aria-hidden="true">⚠</span> {t('tips.overdueBy', { days: Math.abs(tip.daysLeft ?? 0) })}
        </span>
      )}
      {!open && tip.overdue && <span className="tag tag-expired">{t('tips.handledLate')}</span>}
      {open && !tip.overdue && tip.daysLeft !== null && tip.daysLeft <= 5 && <span className="tag tag-warning">{t('tips.dueSoon', { days: tip.daysLeft })}</span>}
    </span>
  );
}

/** "Kênh: Đường dây nóng · Tiếp nhận: 20/11/2026 · Hạn: 10/12/2026". */
export function TipFacts({ tip }: { tip: TTip }) {
  const { t, locale, field } = useI18n();
  return (
    <span className="item-facts">
      <span>
        {field('channel')}: {labelOf(tipLabels.channel, tip.channel, locale)}
      </span>
      <span>
        {t('tips.received')}: {formatDateVi(tip.receivedAt)}
      </span>
      <span>
        {t('tips.deadline')}: <strong>{formatDateVi(tip.deadline)}</strong>
        {tip.extensions > 0 && ` (${t('tips.extended', { count: tip.extensions })})`}
      </span>
      {tip.kind && (
        <span>
          {field('kind')}: {labelOf(tipLabels.kind, tip.kind, locale)}
        </span>
      )}
      {tip.assignedAgency && (
        <span>
          {t('tips.assignedTo')}: {tip.assignedAgency}
        </span>
      )}
    </span>
  );
}

/** A required choice from one of the shared catalogues (category, kind, priority, result). */
export function CodeSelect({ name, labels, value, onChange, error }: { name: 'category' | 'kind' | 'priority' | 'result' | 'channel' | 'takedownResult'; labels: Record<string, { vi: string; en: string }>; value: string; onChange: (v: string) => void; error?: string }) {
  const { t, locale, field } = useI18n();
  return (
    <SelectField name={name} label={field(name)} value={value} onChange={(e) => onChange(e.target.value)} error={error} required>
      <option value="">{t('form.choose')}</option>
      {Object.entries(labels).map(([code, label]) => (
        <option key={code} value={code}>
          {label[locale]}
        </option>
      ))}
    </SelectField>
  );
}

