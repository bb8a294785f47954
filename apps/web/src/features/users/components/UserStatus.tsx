import { formatDateTimeVi, type TUser } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';

/** Disabled, locked after failed logins, waiting for a password change, two-factor on: what an admin checks first. */
export function UserStatus({ user }: { user: TUser }) {
  const { t } = useI18n();
  return (
    <span className="tags">
      {user.disabled ? <span className="tag tag-expired">{t('users.status.disabled')}</span> : <span className="tag tag-current">{t('users.status.active')}</span>}
      {user.lockedUntil && <span className="tag tag-warning">{t('users.status.locked', { until: formatDateTimeVi(user.lockedUntil) })}</span>}
      {user.mustChangePassword && <span className="tag">{t('users.status.mustChange')}</span>}
      {user.totpEnabled && <span className="tag">{t('users.status.totp')}</span>}
    </span>
  );
}
