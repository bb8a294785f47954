import { Link, NavLink } from 'react-router';
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

/** The way back to the inbox from a tip or the intake form. */
export function TipsBreadcrumb() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('tips.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/tips">{t('tips.inbox')}</Link>
        </li>
      </ol>
    </nav>
  );
}
