import { ESTABLISHMENT_STATUS_LABELS, FIELD_LABELS, RISK_LABELS, formatDateTimeVi, formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import type { THistoryEntry } from '../api';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields that change with others or say nothing to a reader (the type's name follows its code, the time is shown above). */
const HIDDEN = new Set(['id', 'updatedAt', 'typeName', 'notADuplicate']);

const ACTION_KEYS: Record<string, MessageKey> = { create: 'audit.action.create', update: 'audit.action.update', delete: 'audit.action.delete', import: 'audit.action.import' };

/**
 * The history of an establishment, newest first: who changed what and when, each change as the fields that differ
 * with their value before and after, worded as on the form (dates dd/mm/yyyy, statuses and risk levels in words).
 */
export function HistoryList({ items }: { items: THistoryEntry[] }) {
  const { t, locale } = useI18n();
  if (items.length === 0) return <p className="muted">{t('est.history.none')}</p>;

  const show = (key: string, value: unknown, record: Plain): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (key === 'typeCode' && typeof record.typeName === 'string') return record.typeName;
    if (key === 'unit' && isPlain(value)) return String(value.name ?? value.id);
    if (key === 'status' && typeof value === 'string' && value in ESTABLISHMENT_STATUS_LABELS) return ESTABLISHMENT_STATUS_LABELS[value as keyof typeof ESTABLISHMENT_STATUS_LABELS][locale];
    if (key === 'riskLevel' && typeof value === 'string' && value in RISK_LABELS) return RISK_LABELS[value as keyof typeof RISK_LABELS][locale];
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateVi(value) : value;
    if (typeof value === 'number') return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(value);
    return JSON.stringify(value);
  };
  const label = (key: string) => (key === 'unit' ? FIELD_LABELS.unitId[locale] : (FIELD_LABELS[key]?.[locale] ?? key));

  return (
    <ol className="timeline history">
      {[...items].reverse().map((entry, i) => {
        const before = isPlain(entry.before) ? entry.before : null;
        const after = isPlain(entry.after) ? entry.after : null;
        const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
        const changed = before && after ? keys.filter((k) => show(k, before[k], before) !== show(k, after[k], after)) : [];
        const actionKey = ACTION_KEYS[entry.action];
        return (
          <li key={i}>
            <p className="timeline-head">
              <strong>{actionKey ? t(actionKey) : entry.action}</strong> · {formatDateTimeVi(entry.at)} · {entry.actorUsername ?? t('audit.anonymous')}
            </p>
            {before && after && changed.length === 0 && <p className="muted small">{t('est.history.noFieldChanged')}</p>}
            {before && after && changed.length > 0 && (
              <div className="table-wrap">
                <table className="diff">
                  <caption className="sr-only">{t('est.history.caption', { at: formatDateTimeVi(entry.at) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.field')}</th>
                      <th scope="col">{t('audit.before')}</th>
                      <th scope="col">{t('audit.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changed.map((k) => (
                      <tr key={k}>
                        <th scope="row">{label(k)}</th>
                        <td>{show(k, before[k], before)}</td>
                        <td>{show(k, after[k], after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {!before && after && <p className="muted small">{t('est.history.created', { name: show('name', after.name, after) })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
