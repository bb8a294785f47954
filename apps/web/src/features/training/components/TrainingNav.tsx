import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';

/** The two registers of the module: the roster of people doing this work, and the courses they attended. */
export function TrainingNav() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('training.screens')}>
      <ul>
        <li>
          <NavLink to="/training" end>
            {t('training.roster')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/training/courses">{t('training.courses')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
