import { useRouteError } from 'react-router';
import { useI18n } from './i18n';

/** Shown when a page crashes while rendering: a way out instead of a blank screen. */
export function RouteError() {
  const { t } = useI18n();
  console.error(useRouteError());
  return (
    <main className="boot" id="main">
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{t('error.page')}</p>
        <p>
          <a href="/">{t('error.backHome')}</a>
        </p>
      </div>
    </main>
  );
}
