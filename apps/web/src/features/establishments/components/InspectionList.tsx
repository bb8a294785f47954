import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZSanctionFollowUpRequest, formatDateVi, formatNumberVi, type TFieldError, type TInspection } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, TextAreaField } from '../../../components/Field';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { followUpSanction } from '../api';
import { KindLabel, Money } from './Bits';

type Sanction = TInspection['sanctions'][number];

/** The inspections of one establishment, newest first, each with its checklist, violations and sanction decisions. */
export function InspectionList({ items, editable, onChanged }: { items: TInspection[]; editable: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('insp.none')}</p>;
  return (
    <ol className="inspection-list">
      {items.map((i) => (
        <li key={i.id}>
          <InspectionCard inspection={i} editable={editable} onChanged={onChanged} />
        </li>
      ))}
    </ol>
  );
}

function InspectionCard({ inspection: i, editable, onChanged }: { inspection: TInspection; editable: boolean; onChanged: () => void }) {
  const { t, field } = useI18n();
  const headingId = `insp-${i.id}`;
  const failed = i.checklist.filter((c) => !c.ok).length;
  return (
    <article className="card inspection" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-heading">
        {t('insp.heading', { date: formatDateVi(i.inspectedOn) })} · <KindLabel kind={i.kind} />
      </h3>
      <p className="item-meta">
        {i.violations.length > 0 ? <span className="tag tag-expired">{t('insp.violationCount', { count: i.violations.length })}</span> : <span className="tag tag-current">{t('insp.noViolation')}</span>}{' '}
        {i.inspectionPlanId && (
          <Link to={`/establishments/plans/${i.inspectionPlanId}`} className="small">
            {t('insp.byPlan')}
          </Link>
        )}
      </p>
      <dl className="pairs">
        <dt>{field('peoplePresent')}</dt>
        <dd>{formatNumberVi(i.peoplePresent)}</dd>
        {i.findings && (
          <>
            <dt>{field('findings')}</dt>
            <dd className="pre-line">{i.findings}</dd>
          </>
        )}
      </dl>

      {i.checklist.length > 0 && (
        <>
          <h4>{t('insp.checklist', { failed, total: i.checklist.length })}</h4>
          <ul className="checklist-result">
            {i.checklist.map((c, n) => (
              <li key={n} className={c.ok ? 'check-ok' : 'check-fail'}>
                <span className="check-mark" aria-hidden="true">
                  {c.ok ? '✓' : '✗'}
                </span>
                <span>
                  {c.item} – <strong>{c.ok ? t('insp.ok') : t('insp.notOk')}</strong>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {i.violations.length > 0 && (
        <>
          <h4>{field('violations')}</h4>
          <ul className="plain">
            {i.violations.map((v, n) => (
              <li key={n}>
                {v.name}
                {v.note && <span className="muted"> – {v.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      {i.files.length > 0 && (
        <>
          <h4>{t('insp.files')}</h4>
          <ul className="plain">
            {i.files.map((f) => (
              <li key={f.id}>
                {f.name} <span className="muted small">({t('insp.fileSize', { kb: formatNumberVi(Math.max(1, Math.round(f.size / 1024))) })})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {i.sanctions.map((s) => (
        <SanctionBlock key={s.id} sanction={s} editable={editable} onChanged={onChanged} />
      ))}
    </article>
  );
}

function SanctionBlock({ sanction: s, editable, onChanged }: { sanction: Sanction; editable: boolean; onChanged: () => void }) {
  const { t, field } = useI18n();
  const [open, setOpen] = useState(false);
  const [followUp, setFollowUp] = useState(s.followUp);
  const [doneOn, setDoneOn] = useState(formatDateVi(s.followUpDoneOn));
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  const prefix = `sanction-${s.id}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form
      .run(async () => {
        const errors: TFieldError[] = [];
        const input = parseInput(ZSanctionFollowUpRequest, { followUp, followUpDoneOn: readDate(doneOn, 'followUpDoneOn', errors) ?? null }, errors);
        await followUpSanction(s.id, input);
      })
      .then((ok) => {
        if (!ok) return;
        setSaved(true);
        setOpen(false);
        onChanged();
      });
  };

  return (
    <section className="sanction" aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`}>{t('insp.sanction.heading', { number: s.decisionNo, date: formatDateVi(s.decisionDate) })}</h4>
      <dl className="pairs">
        <dt>{field('issuer')}</dt>
        <dd>{s.issuer}</dd>
        <dt>{field('fineAmount')}</dt>
        <dd>
          <Money amount={s.fineAmount} />
        </dd>
        {s.additionalMeasures && (
          <>
            <dt>{field('additionalMeasures')}</dt>
            <dd className="pre-line">{s.additionalMeasures}</dd>
          </>
        )}
        <dt>{t('insp.followUp')}</dt>
        <dd>
          {s.followUpDoneOn ? (
            <span className="tag tag-current">{t('insp.followUp.done', { date: formatDateVi(s.followUpDoneOn) })}</span>
          ) : (
            <span className="tag tag-warning">{t('insp.followUp.pending')}</span>
          )}
          {s.followUp && <span className="block pre-line">{s.followUp}</span>}
        </dd>
      </dl>
      {saved && <p className="notice notice-success" role="status">{t('insp.followUp.saved')}</p>}
      {editable && !open && (
        <button type="button" className="button button-small" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('insp.followUp.update', { number: s.decisionNo })}
        </button>
      )}
      {editable && open && (
        <form onSubmit={onSubmit} noValidate className="subform" aria-label={t('insp.followUp.update', { number: s.decisionNo })}>
          <FormErrors failure={form.failure} />
          <TextAreaField name="followUp" label={field('followUp')} hint={t('insp.followUp.hint')} rows={3} value={followUp} onChange={(e) => setFollowUp(e.target.value)} error={form.errors.followUp} />
          <DateField name="followUpDoneOn" label={field('followUpDoneOn')} hint={t('insp.followUp.doneHint')} value={doneOn} onChange={setDoneOn} error={form.errors.followUpDoneOn} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('common.save')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
