import { formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { useMe } from '../../auth/session';
import { flushOutbox, removeFromOutbox, useOutbox, type OutboxItem } from '../outbox';

/**
 * The activities kept in this browser and not yet on the server: waiting for the network, or refused by the server
 * (then corrected in the form or discarded). Nothing shows when the outbox is empty.
 */
export function OutboxPanel({ onEdit }: { onEdit: (item: OutboxItem) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const outbox = useOutbox(me.id);
  if (!outbox.items.length) return null;
  const waiting = outbox.items.some((i) => !i.failure);

  const discard = (item: OutboxItem) => {
    if (window.confirm(t('outreach.outbox.discardConfirm', { topic: item.request.topic }))) removeFromOutbox(me.id, item.clientId);
  };

  return (
    <section className="card outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outreach.outbox.title', { count: outbox.items.length })}</h2>
      <ul className="outbox-list">
        {outbox.items.map((item) => (
          <li key={item.clientId} className={item.failure ? 'outbox-item outbox-refused' : 'outbox-item'}>
            <p className="item-title">{item.request.topic}</p>
            <p className="muted small">
              {formatDateVi(item.request.heldOn)} · {item.draft.unit?.name}
            </p>
            {item.failure ? (
              <>
                <p className="field-error">{t('outreach.outbox.refused', { message: item.failure.message })}</p>
                {item.failure.fields.length > 0 && (
                  <ul className="plain small">
                    {item.failure.fields.map((f) => (
                      <li key={f.path}>{f.message}</li>
                    ))}
                  </ul>
                )}
                <div className="actions">
                  <button type="button" className="button button-small" onClick={() => onEdit(item)}>
                    {t('outreach.outbox.fix')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => discard(item)}>
                    {t('outreach.outbox.discard')}
                  </button>
                </div>
              </>
            ) : (
              <p className="tag tag-warning">{t('outreach.outbox.waiting')}</p>
            )}
          </li>
        ))}
      </ul>
      {waiting && (
        <p role="status" className="outbox-status">
          {outbox.sending ? (
            t('outreach.outbox.sending')
          ) : (
            <button type="button" className="button" onClick={() => void flushOutbox(me.id)}>
              {t('outreach.outbox.sendNow')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
