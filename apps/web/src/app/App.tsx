import { RouterProvider } from 'react-router';
import { SessionProvider } from '../features/auth/session';
import { I18nProvider } from './i18n';
import { router } from './router';

/** Providers outside the router: the language first (the session screens are translated), then the session. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
