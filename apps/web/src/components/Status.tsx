import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import type { ApiError } from '../lib/api-client';

/** A quiet "loading" line, announced politely to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed load or action: the server's message, its request id for support, and a retry when it makes sense. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.requestId && error.status >= 500 && <p className="muted small">{t('error.requestId', { id: error.requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A confirmation after a successful action; takes focus so keyboard and screen-reader users hear it. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice-success" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}
