import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { ApiError } from '../../../lib/api-client';

export interface Twin {
  message: string;
  /** The existing establishment's id when the server's message names it ("(mã 12)"). */
  id: number | null;
}

/**
 * A 409 about the name is a possible twin (same name and address once diacritics are folded) that the user may
 * confirm as another establishment; a 409 about the registration number is a real duplicate and stays an error.
 */
export function twinOf(err: ApiError): Twin | null {
  if (err.status !== 409) return null;
  const onName = err.fields.find((f) => f.path === 'name');
  if (!onName || err.fields.some((f) => f.path === 'registrationNo')) return null;
  const id = /\((?:mã|#)\s*(\d+)\)/.exec(onName.message)?.[1];
  return { message: onName.message, id: id ? Number(id) : null };
}

/** The possible twin, a link to check it, and the two ways out: confirm it is another one, or go back to the form. */
export function DuplicateWarning({ twin, busy, onConfirm, onCancel }: { twin: Twin; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [twin]);
  return (
    <div className="notice notice-warning" role="alert" tabIndex={-1} ref={ref} aria-labelledby="twin-title">
      <p className="notice-title" id="twin-title">
        {t('est.twin.title')}
      </p>
      <p>{twin.message}</p>
      {twin.id !== null && (
        <p>
          <Link to={`/establishments/${twin.id}`} target="_blank" rel="noopener">
            {t('est.twin.open')}
          </Link>
        </p>
      )}
      <p>{t('est.twin.question')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
          {t('est.twin.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('est.twin.cancel')}
        </button>
      </div>
    </div>
  );
}
