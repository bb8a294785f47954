import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { TIP_ACTION_FROM, ZTipAction, formatDateTimeVi, formatNumberVi, type TFieldError, type TTipAction } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { CheckboxField, DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { toApiError, type ApiError } from '../../../lib/api-client';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { EstablishmentChooser, type ChosenEstablishment } from '../../establishments/components/EstablishmentChooser';
import { fileUrl } from '../../tasks/api';
import { actOnTip, fetchTip, revealReporter, type TTipDetail } from '../api';
import { TipsBreadcrumb } from '../components/TipsNav';
import { CodeSelect, TipFacts, TipTags, labelOf, tipLabels } from '../components/TipBits';
import { canHandleTips } from '../permissions';

type ActionName = TTipAction['action'];
const ACTION_LABELS: Record<ActionName, MessageKey> = {
  verify: 'tips.action.verify',
  classify: 'tips.action.classify',
  assign: 'tips.action.assign',
  extend: 'tips.action.extend',
  handle: 'tips.action.handle',
  close: 'tips.action.close',
};
const EVENT_LABELS: Record<string, MessageKey> = {
  received: 'tips.event.received',
  citizen_info: 'tips.event.citizen_info',
  ...ACTION_LABELS,
};

export function TipPage() {
  const { id } = useParams();
  const tipId = Number(id);
  const tip = useResource((signal) => fetchTip(tipId, signal), [tipId]);
  if (tip.error) return <ErrorNotice error={tip.error} onRetry={tip.reload} />;
  if (!tip.data || tip.data.id !== tipId) return <Loading />;
  return <TipView key={tip.data.id} initial={tip.data} />;
}

function TipView({ initial }: { initial: TTipDetail }) {
  const { t, locale, field } = useI18n();
  const me = useMe();
  const [tip, setTip] = useState(initial);
  const actions = (Object.keys(TIP_ACTION_FROM) as ActionName[]).filter((a) => TIP_ACTION_FROM[a].includes(tip.status));
  return (
    <>
      <PageHeader
        before={<TipsBreadcrumb />}
        title={`${tip.referenceCode} · ${labelOf(tipLabels.category, tip.category, locale)}`}
        subtitle={<TipTags tip={tip} />}
      />
      <p className="facts-line">
        <TipFacts tip={tip} />
      </p>
      <dl className="facts">
        <dt>{t('tips.place')}</dt>
        <dd>
          {tip.unit.name}
          {tip.address && ` · ${tip.address}`}
          {tip.latitude !== null && tip.longitude !== null && ` · ${tip.latitude.toFixed(5)}, ${tip.longitude.toFixed(5)}`}
        </dd>
        {tip.occurredAt && (
          <>
            <dt>{field('occurredAt')}</dt>
            <dd>{tip.occurredAt}</dd>
          </>
        )}
        <dt>{field('description')}</dt>
        <dd className="pre-line">{tip.description}</dd>
        {tip.establishmentId && (
          <>
            <dt>{t('tips.establishment')}</dt>
            <dd>
              <Link to={`/establishments/${tip.establishmentId}`}>{t('tips.openEstablishment')}</Link>
            </dd>
          </>
        )}
        {tip.result && (
          <>
            <dt>{field('result')}</dt>
            <dd>{labelOf(tipLabels.result, tip.result, locale)}</dd>
          </>
        )}
      </dl>

      <ReporterPanel tip={tip} canRead={me.role === 'leader' || (tip.assignedUserId !== null && tip.assignedUserId === me.id)} />

      {tip.files.length > 0 && (
        <section className="section" aria-labelledby="files-heading">
          <h2 id="files-heading">{t('tips.files')}</h2>
          <ul>
            {tip.files.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(f.id)} download>
                  {f.name}
                </a>{' '}
                <span className="muted small">
                  ({formatNumberVi(Math.max(1, Math.round(f.size / 1024)))} KB{f.fromCitizen ? ` · ${t('tips.fromCitizen')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('tips.timeline')}</h2>
        <ol className="timeline">
          {[...tip.events].reverse().map((e, i) => (
            <li key={i}>
              <p className="timeline-head">
                <time dateTime={e.at}>{formatDateTimeVi(e.at)}</time> · <span>{e.username ?? t('tips.citizenOrSystem')}</span> · <strong>{EVENT_LABELS[e.event] ? t(EVENT_LABELS[e.event]) : e.event}</strong>
              </p>
              {e.note && <p className="pre-line">{e.event === 'received' ? labelOf(tipLabels.channel, e.note, locale) : e.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      {tip.status === 'closed' && tip.closedAt && <p className="notice notice-info">{t('tips.closedAt', { at: formatDateTimeVi(tip.closedAt) })}</p>}
      {canHandleTips(me.role) && actions.length > 0 && <ActionForm tip={tip} actions={actions} onDone={setTip} />}
    </>
  );
}

/** The reporter's name and contact, fetched only on request: each look is written to the audit log. */
function ReporterPanel({ tip, canRead }: { tip: TTipDetail; canRead: boolean }) {
  const { t } = useI18n();
  const [reporter, setReporter] = useState<{ name: string; contact: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <section className="section" aria-labelledby="reporter-heading">
      <h2 id="reporter-heading">{t('tips.reporter')}</h2>
      {tip.anonymous ? (
        <p>{t('tips.anonymous')}</p>
      ) : reporter ? (
        <p>
          <strong>{reporter.name}</strong>
          {reporter.contact && ` · ${reporter.contact}`}
        </p>
      ) : canRead ? (
        <>
          <p className="muted">{t('tips.reporterHidden')}</p>
          <button
            type="button"
            className="button"
            onClick={() =>
              revealReporter(tip.id).then(
                (r) => setReporter(r.reporter),
                (err: unknown) => setFailure(toApiError(err)),
              )
            }
          >
            {t('tips.reveal')}
          </button>
        </>
      ) : (
        <p className="muted">{t('tips.reporterRestricted')}</p>
      )}
      {failure && <ErrorNotice error={failure} />}
    </section>
  );
}

const URGENT_CATEGORIES = new Set(['child_victim', 'trafficking']);

function ActionForm({ tip, actions, onDone }: { tip: TTipDetail; actions: ActionName[]; onDone: (tip: TTipDetail) => void }) {
  const { t, field } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const [done, setDone] = useState<ActionName | null>(null);
  const [action, setAction] = useState<ActionName>(actions[0]);
  const [note, setNote] = useState('');
  const [category, setCategory] = useState<string>(tip.category);
  const [kind, setKind] = useState<string>(tip.kind ?? '');
  const [priority, setPriority] = useState<string>(URGENT_CATEGORIES.has(tip.category) ? 'urgent' : tip.priority);
  const [agency, setAgency] = useState(tip.assignedAgency ?? me.agency ?? '');
  const [toMe, setToMe] = useState(true);
  const [result, setResult] = useState('');
  const [handledOn, setHandledOn] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [establishment, setEstablishment] = useState<ChosenEstablishment[]>([]);
  const current = actions.includes(action) ? action : actions[0];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const body: Record<ActionName, unknown> = {
        verify: { action: 'verify', note },
        classify: { action: 'classify', category, kind: kind || undefined, priority, note },
        assign: { action: 'assign', agency, userId: toMe ? me.id : null, note },
        extend: { action: 'extend', reason: note },
        handle: {
          action: 'handle',
          result: result || undefined,
          handledOn: readDate(handledOn, 'handledOn', errors),
          note,
          publicNote: publicNote || undefined,
          establishmentId: establishment[0]?.id ?? null,
        },
        close: { action: 'close', note },
      };
      const input = parseInput(ZTipAction, body[current], errors);
      onDone(await actOnTip(tip.id, input));
      setDone(current);
      setNote('');
      setPublicNote('');
    });
  };

  return (
    <section className="section" aria-labelledby="action-heading">
      <h2 id="action-heading">{t('tips.nextStep')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {done && <SuccessNotice>{t('tips.stepDone', { step: t(ACTION_LABELS[done]) })}</SuccessNotice>}
        <SelectField name="action" label={t('tips.step')} value={current} onChange={(e) => setAction(e.target.value as ActionName)}>
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(ACTION_LABELS[a])}
            </option>
          ))}
        </SelectField>
        {current === 'classify' && (
          <>
            <CodeSelect name="category" labels={tipLabels.category} value={category} onChange={setCategory} error={form.errors.category} />
            <CodeSelect name="kind" labels={tipLabels.kind} value={kind} onChange={setKind} error={form.errors.kind} />
            <CodeSelect name="priority" labels={tipLabels.priority} value={priority} onChange={setPriority} error={form.errors.priority} />
          </>
        )}
        {current === 'assign' && (
          <>
            <TextField name="agency" label={field('agency')} value={agency} onChange={(e) => setAgency(e.target.value)} error={form.errors.agency} required />
            <CheckboxField name="toMe" label={t('tips.assignToMe')} checked={toMe} onChange={(e) => setToMe(e.target.checked)} />
          </>
        )}
        {current === 'handle' && (
          <>
            <CodeSelect name="result" labels={tipLabels.result} value={result} onChange={setResult} error={form.errors.result} />
            <DateField name="handledOn" label={field('handledOn')} hint={t('tips.handledOnHint')} value={handledOn} onChange={setHandledOn} error={form.errors.handledOn} />
            <EstablishmentChooser unitId={tip.unit.id} chosen={establishment} onChange={(next) => setEstablishment(next.slice(-1))} error={form.errors.establishmentId} />
          </>
        )}
        <TextAreaField
          name={current === 'extend' ? 'reason' : 'note'}
          label={current === 'extend' ? field('reason') : t('tips.note')}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={form.errors[current === 'extend' ? 'reason' : 'note']}
          required={current === 'extend' || current === 'handle'}
        />
        {current === 'handle' && (
          <TextAreaField name="publicNote" label={field('publicNote')} hint={t('tips.publicNoteHint')} rows={2} value={publicNote} onChange={(e) => setPublicNote(e.target.value)} error={form.errors.publicNote} />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t(ACTION_LABELS[current])}
          </button>
        </div>
      </form>
    </section>
  );
}
