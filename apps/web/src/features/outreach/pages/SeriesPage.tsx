import { useState, type FormEvent } from 'react';
import { SERIES_FREQUENCIES, ZCreateOutreachSeriesRequest, formatDateVi, formatNumberVi, type TFieldError, type TOutreachSeries, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, parseInput, readDate, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { createSeries, fetchSeries, updateSeries } from '../api';
import { ChannelSelect, OutreachNav, channelLabel } from '../components/OutreachBits';
import { ReachFields } from '../components/ReachFields';
import { presetUnit, type ReachRow } from '../draft';
import { vnToday } from '../periods';
import { canRecordOutreach } from '../permissions';

/** "2 tuần một lần": a series repeating at a longer interval than its frequency's. */
const EVERY_N = { daily: 'outreach.series.everyDays', weekly: 'outreach.series.everyWeeks', monthly: 'outreach.series.everyMonths' } as const;

/**
 * "Hoạt động định kỳ": a loudspeaker broadcast every week or a monthly post is entered once as a series; the
 * indicators count each occurrence up to today, or until the series is ended.
 */
export function SeriesPage() {
  const { t } = useI18n();
  const me = useMe();
  const series = useResource((signal) => fetchSeries(signal), []);
  const [created, setCreated] = useState<TOutreachSeries | null>(null);
  const canEdit = canRecordOutreach(me.role);
  const active = series.data?.items.filter((s) => !s.endsOn || s.endsOn >= vnToday()) ?? [];
  const ended = series.data?.items.filter((s) => s.endsOn && s.endsOn < vnToday()) ?? [];

  return (
    <>
      <PageHeader title={t('outreach.series.title')} subtitle={t('outreach.series.intro')} />
      <OutreachNav />
      {created && (
        <SuccessNotice>
          <p>{t('outreach.series.created', { topic: created.topic })}</p>
        </SuccessNotice>
      )}
      {series.error && <ErrorNotice error={series.error} onRetry={series.reload} />}
      {series.loading && !series.data && <Loading />}
      {series.data && (
        <>
          {series.data.items.length === 0 && <p>{t('outreach.series.none')}</p>}
          {active.length > 0 && <SeriesList title={t('outreach.series.active', { count: active.length })} items={active} canEdit={canEdit} onChanged={series.reload} />}
          {ended.length > 0 && <SeriesList title={t('outreach.series.ended', { count: ended.length })} items={ended} canEdit={false} onChanged={series.reload} />}
        </>
      )}
      {canEdit && (
        <SeriesForm
          onCreated={(s) => {
            setCreated(s);
            series.reload();
          }}
        />
      )}
    </>
  );
}

function SeriesList({ title, items, canEdit, onChanged }: { title: string; items: TOutreachSeries[]; canEdit: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const action = useSubmit();
  const end = (s: TOutreachSeries) => {
    if (!window.confirm(t('outreach.series.endConfirm', { topic: s.topic }))) return;
    void action.run(async () => {
      // Ends today: today's occurrence, if any, has taken place and still counts.
      await updateSeries(s.id, { endsOn: vnToday() < s.startsOn ? s.startsOn : vnToday() });
      onChanged();
    });
  };
  return (
    <section className="section" aria-label={title}>
      <h2>{title}</h2>
      <FormErrors failure={action.failure} />
      <ul className="item-list">
        {items.map((s) => (
          <li key={s.id} className="item">
            <div className="item-main">
              <p className="item-title">{s.topic}</p>
              <p className="item-meta">
                <span className="item-facts">
                  <span>{channelLabel(s.channel, locale)}</span>
                  <span>{s.interval === 1 ? SERIES_FREQUENCIES[s.frequency][locale] : t(EVERY_N[s.frequency], { interval: s.interval })}</span>
                  <span>
                    {formatDateVi(s.startsOn)} – {s.endsOn ? formatDateVi(s.endsOn) : t('outreach.series.open')}
                  </span>
                </span>
              </p>
              <p className="item-meta muted small">
                {s.unit.name} · {s.agency} · {t('outreach.series.occurrences', { count: formatNumberVi(s.occurrencesSoFar) })}
              </p>
            </div>
            {canEdit && (
              <div className="item-actions">
                <button type="button" className="button button-small" disabled={action.busy} onClick={() => end(s)}>
                  {t('outreach.series.end')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SeriesForm({ onCreated }: { onCreated: (s: TOutreachSeries) => void }) {
  const { t, field, locale } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const blank = () => ({
    unit: presetUnit(me) as TUnitRef | null,
    channel: 'loudspeaker',
    topic: '',
    agency: me.agency ?? '',
    frequency: 'weekly',
    interval: '1',
    startsOn: formatDateVi(vnToday()),
    endsOn: '',
    materials: '',
    reach: [{ group: '', reached: '' }] as ReachRow[],
  });
  const [d, setD] = useState(blank);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, value: ReturnType<typeof blank>[K]) => setD({ ...d, [key]: value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const reach = d.reach.filter((r) => r.group || r.reached.trim());
      setD({ ...d, reach: reach.length ? reach : [{ group: '', reached: '' }] });
      const errors: TFieldError[] = d.unit ? [] : [missingField('unitId')];
      const input = parseInput(
        ZCreateOutreachSeriesRequest,
        {
          unitId: d.unit?.id,
          channel: d.channel || undefined,
          topic: d.topic,
          agency: d.agency,
          frequency: d.frequency,
          interval: readNumber(d.interval, 'interval', field('interval'), errors),
          startsOn: readDate(d.startsOn, 'startsOn', errors),
          endsOn: readDate(d.endsOn, 'endsOn', errors) ?? null,
          materials: d.materials,
          reach: reach.map((r, i) => ({ group: r.group || undefined, reached: readNumber(r.reached, `reach.${i}.reached`, field('reached'), errors) ?? 0 })),
        },
        errors,
      );
      onCreated(await createSeries(input));
      setD(blank());
    });
  };

  return (
    <section className="section" aria-labelledby="series-new">
      <h2 id="series-new">{t('outreach.series.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <UnitPicker name="unitId" label={field('unitId')} value={d.unit} onChange={(u) => set('unit', u)} error={form.errors.unitId} required />
        <ChannelSelect value={d.channel} onChange={(v) => set('channel', v)} error={form.errors.channel} required />
        <TextAreaField name="topic" label={field('topic')} rows={2} value={d.topic} onChange={(e) => set('topic', e.target.value)} error={form.errors.topic} required />
        <TextField name="agency" label={field('agency')} value={d.agency} onChange={(e) => set('agency', e.target.value)} error={form.errors.agency} required />
        <div className="field-row">
          <SelectField name="frequency" label={field('frequency')} value={d.frequency} onChange={(e) => set('frequency', e.target.value)} error={form.errors.frequency} required>
            {Object.entries(SERIES_FREQUENCIES).map(([code, label]) => (
              <option key={code} value={code}>
                {label[locale]}
              </option>
            ))}
          </SelectField>
          <TextField name="interval" label={field('interval')} hint={t('outreach.series.intervalHint')} inputMode="numeric" value={d.interval} onChange={(e) => set('interval', e.target.value)} error={form.errors.interval} required />
        </div>
        <div className="field-row">
          <DateField name="startsOn" label={field('startsOn')} value={d.startsOn} onChange={(v) => set('startsOn', v)} error={form.errors.startsOn} required />
          <DateField name="endsOn" label={field('endsOn')} hint={t('outreach.series.endsOnHint')} value={d.endsOn} onChange={(v) => set('endsOn', v)} error={form.errors.endsOn} />
        </div>
        <ReachFields rows={d.reach} onChange={(rows) => set('reach', rows)} errors={form.errors} />
        <TextAreaField name="materials" label={field('materials')} rows={2} value={d.materials} onChange={(e) => set('materials', e.target.value)} error={form.errors.materials} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('outreach.series.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
