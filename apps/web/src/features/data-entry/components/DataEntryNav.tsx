import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';

/** The two halves of data entry: manual data sets by unit and period, and denominators by unit and year. */
export function DataEntryNav() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('dataEntry.sections')}>
      <ul>
        <li>
          <NavLink to="/data-entry" end>
            {t('dataEntry.manual.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/data-entry/denominators">{t('dataEntry.denominators.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
