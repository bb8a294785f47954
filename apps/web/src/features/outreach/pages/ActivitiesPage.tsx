import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OUTREACH_CHANNEL_CODES, formatNumberVi, type TFieldError, type TOutreachChannel, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchUnit } from '../../units/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchActivities } from '../api';
import { MonthCalendar } from '../components/MonthCalendar';
import { OutboxPanel } from '../components/OutboxPanel';
import { ActivityItem, ChannelSelect, OutreachNav } from '../components/OutreachBits';
import { PeriodFields, type PeriodInput } from '../components/PeriodFields';
import { useOutbox } from '../outbox';
import { readPeriodParams, writePeriodParams } from '../periodParams';
import { vnToday } from '../periods';
import { canRecordOutreach } from '../permissions';

const PAGE_SIZE = 50;
type View = 'list' | 'calendar';

const positiveInt = (s: string | null) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * "Hoạt động truyền thông": the activities of the user's area, newest first, filtered by unit, channel and period; or
 * one unit's month as a calendar. Entries still waiting in this browser's outbox are shown above the list.
 */
export function ActivitiesPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const outbox = useOutbox(me.id);

  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const unitId = positiveInt(params.get('unit'));
  const channelParam = params.get('channel');
  const channel = channelParam && OUTREACH_CHANNEL_CODES.includes(channelParam as TOutreachChannel) ? (channelParam as TOutreachChannel) : undefined;
  const { input: periodInput, period } = readPeriodParams(params, '');
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : vnToday().slice(0, 7);
  const page = positiveInt(params.get('page')) ?? 1;
  /** Set from a peer group's "activities" link; kept until the filters are applied again. */
  const peerGroupId = positiveInt(params.get('peerGroup'));

  const chosenUnit = useResource((signal) => (unitId ? fetchUnit(unitId, signal) : Promise.resolve(null)), [unitId]);
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [channelDraft, setChannelDraft] = useState<string>(channel ?? '');
  const [periodDraft, setPeriodDraft] = useState<PeriodInput>(periodInput);
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const key = params.toString();
  // The filters shown follow the address (a bookmark, Back); the unit once its name is known.
  useEffect(() => {
    const u = chosenUnit.data;
    setUnit(u ? { id: u.id, code: u.code, name: u.name, type: u.type } : null);
  }, [chosenUnit.data]);
  useEffect(() => {
    setChannelDraft(channel ?? '');
    setPeriodDraft(periodInput);
  }, [key]);

  // Reloads when the outbox delivers an entry, so what was sent from this browser shows up without a refresh.
  const delivered = outbox.delivered;
  const list = useResource(
    (signal) => (view === 'list' ? fetchActivities({ unitId, channel, peerGroupId, from: period?.from, to: period?.to, page, pageSize: PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [view === 'list' ? key : 'calendar', delivered],
  );

  const go = (change: (p: URLSearchParams) => void) => {
    const p = new URLSearchParams(params);
    change(p);
    setParams(p);
  };

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    const errors: TFieldError[] = [];
    const p = new URLSearchParams();
    if (view === 'calendar') p.set('view', 'calendar');
    if (params.get('month')) p.set('month', month);
    if (unit) p.set('unit', String(unit.id));
    if (channelDraft) p.set('channel', channelDraft);
    if (peerGroupId) p.set('peerGroup', String(peerGroupId));
    writePeriodParams(p, periodDraft, errors);
    if (errors.length) {
      setInvalid(new ApiError(400, 'VALIDATION_FAILED', t('outreach.filterInvalid'), errors));
      return;
    }
    setInvalid(null);
    setParams(p);
  };

  const fieldErrors = Object.fromEntries((invalid?.fields ?? []).map((f) => [f.path, f.message]));

  return (
    <>
      <PageHeader
        title={t('outreach.title')}
        subtitle={t('outreach.intro')}
        actions={
          canRecordOutreach(me.role) && (
            <Link className="button button-primary" to="/outreach/new">
              {t('outreach.quick')}
            </Link>
          )
        }
      />
      <OutreachNav />
      {peerGroupId && (
        <p className="notice notice-info">
          {t('outreach.peerGroupFilter')} <Link to="/outreach">{t('outreach.clearFilter')}</Link>
        </p>
      )}
      <OutboxPanel onEdit={(item) => void navigate('/outreach/new', { state: { edit: item.clientId } })} />
      <form className="filters" onSubmit={onFilter} noValidate aria-label={t('common.filter')}>
        <FormErrors failure={invalid} />
        <UnitPicker name="unit" label={t('outreach.unitFilter')} hint={t('outreach.unitFilterHint')} value={unit} onChange={setUnit} />
        <ChannelSelect value={channelDraft} onChange={setChannelDraft} allLabel={t('common.all')} />
        {view === 'list' && <PeriodFields value={periodDraft} onChange={setPeriodDraft} errors={fieldErrors} allLabel={t('outreach.period.all')} />}
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
        </div>
      </form>
      <nav className="tabs" aria-label={t('outreach.views')}>
        <ul>
          <li>
            <Link to={`?${withView(params, 'list')}`} aria-current={view === 'list' ? 'page' : undefined}>
              {t('outreach.view.list')}
            </Link>
          </li>
          <li>
            <Link to={`?${withView(params, 'calendar')}`} aria-current={view === 'calendar' ? 'page' : undefined}>
              {t('outreach.view.calendar')}
            </Link>
          </li>
        </ul>
      </nav>
      {view === 'calendar' ? (
        <MonthCalendar
          month={month}
          unitId={unitId}
          channel={channel}
          unitName={unit?.name ?? me.unit.name}
          reloadKey={delivered}
          onMonth={(m) => go((p) => p.set('month', m))}
        />
      ) : (
        <>
          {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
          {list.loading && !list.data && <Loading />}
          {list.data && (
            <>
              <p className="muted" role="status">
                {t('outreach.count', { count: formatNumberVi(list.data.total) })}
              </p>
              {list.data.items.length === 0 && <p>{t('outreach.none')}</p>}
              <ul className="item-list">
                {list.data.items.map((a) => (
                  <ActivityItem key={a.id} activity={a} />
                ))}
              </ul>
              <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(n) => go((p) => p.set('page', String(n)))} />
            </>
          )}
        </>
      )}
    </>
  );
}

function withView(params: URLSearchParams, view: View) {
  const p = new URLSearchParams(params);
  p.delete('page');
  if (view === 'list') p.delete('view');
  else p.set('view', view);
  return p.toString();
}
