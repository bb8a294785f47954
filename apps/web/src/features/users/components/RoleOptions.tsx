import { ROLES, ROLE_LABELS } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';

/** Roles as <option>s in the order of DOMAIN.md §2, after a blank first choice. */
export function RoleOptions({ blank }: { blank: string }) {
  const { locale } = useI18n();
  return (
    <>
      <option value="">{blank}</option>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r][locale]}
        </option>
      ))}
    </>
  );
}
