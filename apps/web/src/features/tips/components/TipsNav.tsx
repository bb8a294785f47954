import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';

/** The two registers of the module: tips, and posts found online. */
export function TipsNav() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('tips.registers')}>
      <ul>
        <li>
          <NavLink to="/tips" end>
            {t('tips.inbox')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/tips/online-posts">{t('posts.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
