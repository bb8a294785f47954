import { NavLink } from 'react-router';
import { OUTREACH_CHANNELS, OUTREACH_TARGET_GROUPS, formatDateVi, formatNumberVi, type TLocale, type TOutreachActivity } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';
import { useMe } from '../../auth/session';
import { canRecordOutreach } from '../permissions';

type Labels = Record<string, { vi: string; en: string }>;

/** The label of a code from a shared catalogue in the UI's language; an unknown code shows as itself. */
export const labelOf = (labels: Labels, code: string | null | undefined, locale: TLocale) => (code ? (labels[code]?.[locale] ?? code) : '');
export const channelLabel = (code: string, locale: TLocale) => labelOf(OUTREACH_CHANNELS, code, locale);
export const groupLabel = (code: string, locale: TLocale) => labelOf(OUTREACH_TARGET_GROUPS, code, locale);

/** The screens of the module; quick entry only for those who record. */
export function OutreachNav() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <nav className="tabs" aria-label={t('outreach.screens')}>
      <ul>
        <li>
          <NavLink to="/outreach" end>
            {t('outreach.activities')}
          </NavLink>
        </li>
        {canRecordOutreach(me.role) && (
          <li>
            <NavLink to="/outreach/new">{t('outreach.quick')}</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/outreach/coverage">{t('outreach.coverage')}</NavLink>
        </li>
        <li>
          <NavLink to="/outreach/series">{t('outreach.series')}</NavLink>
        </li>
        <li>
          <NavLink to="/outreach/peer-groups">{t('outreach.peerGroups')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** A channel filter or choice; `allLabel` adds an empty "all" option (a filter), otherwise "choose" (a form). */
export function ChannelSelect({ value, onChange, error, allLabel, required }: { value: string; onChange: (v: string) => void; error?: string; allLabel?: string; required?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <SelectField name="channel" label={t('outreach.channel')} value={value} onChange={(e) => onChange(e.target.value)} error={error} required={required}>
      <option value="">{allLabel ?? t('form.choose')}</option>
      {Object.entries(OUTREACH_CHANNELS).map(([code, label]) => (
        <option key={code} value={code}>
          {label[locale]}
        </option>
      ))}
    </SelectField>
  );
}

/** "Họp tổ dân phố · 12/11/2026 · 45 người": one activity in a list. */
export function ActivityItem({ activity }: { activity: TOutreachActivity }) {
  const { t, locale } = useI18n();
  return (
    <li className="item" data-testid="activity">
      <div className="item-main">
        <p className="item-title">{activity.topic}</p>
        <p className="item-meta">
          <span className="item-facts">
            <span>{formatDateVi(activity.heldOn)}</span>
            <span>{channelLabel(activity.channel, locale)}</span>
            <span>{t('outreach.reachedCount', { count: formatNumberVi(activity.reachedTotal) })}</span>
          </span>
        </p>
        <p className="item-meta muted small">
          {activity.unit.name} · {activity.agency}
        </p>
        {activity.reach.length > 0 && (
          <p className="item-meta small">
            {activity.reach.map((r) => `${groupLabel(r.group, locale)}: ${formatNumberVi(r.reached)}`).join('; ')}
          </p>
        )}
      </div>
    </li>
  );
}
