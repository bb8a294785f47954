import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ZCreateOutreachActivityRequest, type TFieldError, type TMe, type TOutreachActivity, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Loading, SuccessNotice } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { missingField, parseInput, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchUnit } from '../../units/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchDefaults, fetchPeerGroups } from '../api';
import { ChannelSelect, OutreachNav } from '../components/OutreachBits';
import { OutboxPanel } from '../components/OutboxPanel';
import { ReachFields } from '../components/ReachFields';
import {
  blankValues,
  draftRequest,
  dropDraft,
  lastValuesFromServer,
  loadDraft,
  loadLastValues,
  newDraft,
  presetUnit,
  saveDraft,
  saveLastValues,
  withoutEmptyRows,
  type ActivityDraft,
  type LastValues,
} from '../draft';
import { enqueue, flushOutbox, readOutboxItem, removeFromOutbox, useOutbox, type OutboxItem } from '../outbox';

/** How long the form waits for the server's last values before starting from this device's. */
const DEFAULTS_TIMEOUT_MS = 4000;

/**
 * Where a new entry starts: the server's last values (the person's last activity, from any device), else the ones
 * kept on this device, else the person's own unit and agency. The date is always today.
 */
async function startingValues(me: TMe): Promise<LastValues> {
  const local = () => loadLastValues(me.id) ?? blankValues(me);
  if (!navigator.onLine) return local();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DEFAULTS_TIMEOUT_MS);
  try {
    const defaults = await fetchDefaults(controller.signal);
    // Before a first activity the server names the person's own unit, which is only preset at commune level or below.
    let unit: TUnitRef | null = presetUnit(me);
    if (defaults.lastHeldOn !== null) {
      if (defaults.unit.id === me.unit.id) unit = me.unit;
      else {
        const u = await fetchUnit(defaults.unit.id, controller.signal);
        unit = { id: u.id, code: u.code, name: u.name, type: u.type };
      }
    }
    const values = lastValuesFromServer(defaults, unit);
    return values.agency ? values : { ...values, agency: blankValues(me).agency };
  } catch {
    return local();
  } finally {
    clearTimeout(timer);
  }
}

type Notice = { kind: 'sent'; activity: TOutreachActivity } | { kind: 'queued'; clientId: string; topic: string } | null;

/**
 * "Nhập nhanh": a village head records an activity in under a minute on a phone. The unit and the last values are
 * preset; the draft is kept in the browser on every keystroke, and once sent it waits in the outbox until the server
 * confirms it, so a lost connection loses nothing and a repeat stores nothing twice.
 */
export function QuickEntryPage() {
  const { t, field } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useSubmit();
  const outbox = useOutbox(me.id);
  const [draft, setDraftState] = useState<ActivityDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const submitting = useRef(false);
  const peerGroups = useResource((signal) => fetchPeerGroups(signal).catch(() => ({ items: [] })), []);

  /** A correction of an outbox item the server refused, asked from the list or the panel below. */
  const editClientId = (location.state as { edit?: string } | null)?.edit;

  useEffect(() => {
    let cancelled = false;
    const editing = editClientId ? outbox.items.find((i) => i.clientId === editClientId) : undefined;
    if (editing) {
      takeBack(editing);
      void navigate('.', { replace: true, state: null });
      return;
    }
    const kept = loadDraft(me.id);
    if (kept) {
      setDraftState(kept);
      setRestored(true);
      return;
    }
    void startingValues(me).then((values) => {
      if (!cancelled) setDraftState(newDraft(values));
    });
    return () => {
      cancelled = true;
    };
    // Runs when the page opens (or is asked to correct another item); later changes are the person's own.
  }, [me.id, editClientId]);

  /** Every change is kept in the browser at once: a phone may lose power or the tab be closed mid-entry. */
  const setDraft = (next: ActivityDraft) => {
    setDraftState(next);
    saveDraft(me.id, next);
  };

  function takeBack(item: OutboxItem) {
    // Same clientId: if an earlier send did reach the server, correcting and sending again still makes one record.
    removeFromOutbox(me.id, item.clientId);
    setDraft(item.draft);
    setRestored(false);
    setNotice(null);
  }

  const startOver = () => {
    dropDraft(me.id);
    setRestored(false);
    setDraftState(null);
    void startingValues(me).then((values) => setDraftState(newDraft(values)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft || submitting.current) return;
    submitting.current = true;
    setNotice(null);
    void form
      .run(async () => {
        const cleaned = withoutEmptyRows(draft);
        setDraft(cleaned.reach.length ? cleaned : { ...cleaned, reach: [{ group: '', reached: '' }] });
        const errors: TFieldError[] = cleaned.unit ? [] : [missingField('unitId')];
        const request = parseInput(ZCreateOutreachActivityRequest, draftRequest(cleaned, field, errors), errors);
        enqueue(me.id, { clientId: cleaned.clientId, request: { ...request, clientId: cleaned.clientId }, draft: cleaned });
        saveLastValues(me.id, cleaned);
        dropDraft(me.id);
        setRestored(false);
        // The next entry starts from this one's values, with a new draft id and today's date.
        setDraftState(newDraft({ ...cleaned, reach: cleaned.reach.filter((r) => r.group) }));

        let result = await flushOutbox(me.id);
        // A round already running (the app opening, the network coming back) did not see this item: one more.
        if (!result.offline && !result.sent.some((a) => a.clientId === cleaned.clientId)) result = await flushOutbox(me.id);
        const sent = result.sent.find((a) => a.clientId === cleaned.clientId);
        if (sent) {
          setNotice({ kind: 'sent', activity: sent });
          return;
        }
        const refused = readOutboxItem(me.id, cleaned.clientId)?.failure;
        if (refused) {
          removeFromOutbox(me.id, cleaned.clientId);
          setDraft(cleaned);
          throw new ApiError(400, 'VALIDATION_FAILED', refused.message, refused.fields);
        }
        setNotice({ kind: 'queued', clientId: cleaned.clientId, topic: cleaned.topic });
      })
      .finally(() => {
        submitting.current = false;
      });
  };

  // A queued entry delivered later by the outbox (the network came back while the page was open).
  const deliveredLater = notice?.kind === 'queued' ? outbox.sent.find((a) => a.clientId === notice.clientId) : undefined;
  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => draft && setDraft({ ...draft, [key]: value });

  return (
    <>
      <PageHeader title={t('outreach.quick.title')} subtitle={t('outreach.quick.intro')} />
      <OutreachNav />
      {notice?.kind === 'sent' && <SentNotice activity={notice.activity} />}
      {deliveredLater && <SentNotice activity={deliveredLater} later />}
      {notice?.kind === 'queued' && !deliveredLater && (
        <div className="notice notice-warning" role="status" data-testid="queued-notice">
          <p className="notice-title">{t('outreach.outbox.waiting')}</p>
          <p>{t('outreach.quick.queuedBody', { topic: notice.topic })}</p>
        </div>
      )}
      <OutboxPanel onEdit={takeBack} />
      {!draft ? (
        <Loading />
      ) : (
        <form onSubmit={onSubmit} noValidate className="form quick-entry">
          <FormErrors failure={form.failure} />
          {restored && (
            <div className="notice notice-info">
              <p>{t('outreach.quick.restored')}</p>
              <button type="button" className="button button-small" onClick={startOver}>
                {t('outreach.quick.startOver')}
              </button>
            </div>
          )}
          <UnitPicker name="unitId" label={field('unitId')} value={draft.unit} onChange={(u) => set('unit', u)} error={form.errors.unitId} required />
          <DateField name="heldOn" label={field('heldOn')} value={draft.heldOn} onChange={(v) => set('heldOn', v)} error={form.errors.heldOn} required />
          <ChannelSelect value={draft.channel} onChange={(v) => set('channel', v as ActivityDraft['channel'])} error={form.errors.channel} required />
          <TextAreaField name="topic" label={field('topic')} rows={2} value={draft.topic} onChange={(e) => set('topic', e.target.value)} error={form.errors.topic} required />
          <TextField name="agency" label={field('agency')} hint={t('outreach.agencyHint')} value={draft.agency} onChange={(e) => set('agency', e.target.value)} error={form.errors.agency} required />
          <ReachFields rows={draft.reach} onChange={(rows) => set('reach', rows)} errors={form.errors} />
          <details className="more" open={Boolean(draft.materials || draft.peerGroupId || form.errors.materials || form.errors.peerGroupId)}>
            <summary>{t('outreach.quick.more')}</summary>
            <TextAreaField name="materials" label={field('materials')} rows={2} value={draft.materials} onChange={(e) => set('materials', e.target.value)} error={form.errors.materials} />
            {(peerGroups.data?.items.length ?? 0) > 0 && (
              <SelectField name="peerGroupId" label={field('peerGroupId')} value={draft.peerGroupId} onChange={(e) => set('peerGroupId', e.target.value)} error={form.errors.peerGroupId}>
                <option value="">{t('outreach.noPeerGroup')}</option>
                {peerGroups.data?.items
                  .filter((g) => !g.dissolvedOn)
                  .map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} ({g.unit.name})
                    </option>
                  ))}
              </SelectField>
            )}
          </details>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('outreach.quick.submit')}
            </button>
            <Link className="button" to="/outreach">
              {t('outreach.activities')}
            </Link>
          </div>
        </form>
      )}
    </>
  );
}

/**
 * The confirmation of a sent activity. One delivered later from the outbox is announced without taking the focus:
 * the person may be typing the next entry by then.
 */
function SentNotice({ activity, later = false }: { activity: TOutreachActivity; later?: boolean }) {
  const { t } = useI18n();
  const body = (
    <>
      <p className="notice-title">{t(later ? 'outreach.quick.sentLater' : 'outreach.quick.sent', { topic: activity.topic })}</p>
      <p>
        <Link to="/outreach">{t('outreach.quick.toList')}</Link>
      </p>
    </>
  );
  return later ? (
    <div className="notice notice-success" role="status" data-testid="sent-notice">
      {body}
    </div>
  ) : (
    <SuccessNotice>{body}</SuccessNotice>
  );
}
