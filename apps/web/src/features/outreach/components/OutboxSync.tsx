import { useEffect } from 'react';
import { useSession } from '../../auth/session';
import { flushOutbox, reloadFromStorage } from '../outbox';
import { canRecordOutreach } from '../permissions';

/** While activities wait in the outbox and the browser believes it is online, try again this often. */
const RETRY_MS = 30_000;

/**
 * Delivers quick entries kept in the browser, on whatever page the person is: when the app opens, when the browser
 * reports the network back, and every half minute while something waits (the 'online' event does not come when the
 * connection was up but the server unreachable). Renders nothing.
 */
export function OutboxSync() {
  const { me } = useSession();
  const userId = me && canRecordOutreach(me.role) ? me.id : null;

  useEffect(() => {
    if (userId === null) return;
    const flush = () => void flushOutbox(userId);
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith('pcmd.outreach.outbox.')) reloadFromStorage(userId);
    };
    flush();
    const timer = setInterval(flush, RETRY_MS);
    window.addEventListener('online', flush);
    window.addEventListener('storage', onStorage);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', flush);
      window.removeEventListener('storage', onStorage);
    };
  }, [userId]);

  return null;
}
