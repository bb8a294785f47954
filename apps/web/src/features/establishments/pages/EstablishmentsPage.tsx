import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ESTABLISHMENT_STATUSES, ESTABLISHMENT_STATUS_LABELS, RISK_LABELS, RISK_LEVELS, formatNumberVi, type TEstablishment, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchUnit } from '../../units/api';
import { exportUrl, fetchLastInspections, fetchTypes, listEstablishments, type EstablishmentFilters } from '../api';
import { EstablishmentsNav, LastInspection, RiskBadge, StatusTag } from '../components/Bits';
import { canEditEstablishments } from '../permissions';

const PAGE_SIZE = 50;

function readFilters(params: URLSearchParams): EstablishmentFilters & { page: number } {
  const status = params.get('status') as EstablishmentFilters['status'] | null;
  const riskLevel = params.get('risk') as EstablishmentFilters['riskLevel'] | null;
  const unitId = Number(params.get('unit'));
  return {
    q: params.get('q') || undefined,
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    typeCode: params.get('type') || undefined,
    status: status && ESTABLISHMENT_STATUSES.includes(status) ? status : undefined,
    riskLevel: riskLevel && RISK_LEVELS.includes(riskLevel) ? riskLevel : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** "Cơ sở kinh doanh": the registry of the user's area, searched without diacritics, filtered, paged and exported. */
export function EstablishmentsPage() {
  const { t, locale, field } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { page, ...query } = filters;
  const key = JSON.stringify(filters);

  const types = useResource((signal) => fetchTypes(signal), []);
  const list = useResource((signal) => listEstablishments({ ...query, page, pageSize: PAGE_SIZE }, signal), [key]);
  const last = useResource((signal) => fetchLastInspections(query.unitId, signal).catch(() => new Map<number, string | null>()), [query.unitId]);
  const chosenUnit = useResource((signal) => (query.unitId ? fetchUnit(query.unitId, signal) : Promise.resolve(null)), [query.unitId]);

  const [draft, setDraft] = useState({ q: query.q ?? '', type: query.typeCode ?? '', status: query.status ?? '', risk: query.riskLevel ?? '' });
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  // The unit named in the URL (a bookmark, Back) shows in the picker once its name is known.
  useEffect(() => {
    const u = chosenUnit.data;
    setUnit(u ? { id: u.id, code: u.code, name: u.name, type: u.type } : null);
  }, [chosenUnit.data]);
  useEffect(() => setDraft({ q: query.q ?? '', type: query.typeCode ?? '', status: query.status ?? '', risk: query.riskLevel ?? '' }), [key]);

  const go = (next: { q: string; type: string; status: string; risk: string; unit: number | undefined; page: number }) => {
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.type) p.set('type', next.type);
    if (next.status) p.set('status', next.status);
    if (next.risk) p.set('risk', next.risk);
    if (next.unit) p.set('unit', String(next.unit));
    if (next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };
  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, q: draft.q.trim(), unit: unit?.id, page: 1 });
  };
  const filtered = Boolean(query.q || query.unitId || query.typeCode || query.status || query.riskLevel);

  return (
    <>
      <PageHeader
        title={t('est.title')}
        subtitle={t('est.intro')}
        actions={
          <>
            <a className="button" href={exportUrl(query)} download>
              {t('est.export')}
            </a>
            {canEditEstablishments(me.role) && (
              <Link className="button button-primary" to="/establishments/new">
                {t('est.create.title')}
              </Link>
            )}
          </>
        }
      />
      <EstablishmentsNav />
      <form role="search" className="filters" onSubmit={onFilter} aria-label={t('est.filters')}>
        <TextField name="q" type="search" label={t('est.search')} hint={t('est.searchHint')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField name="typeCode" label={field('typeCode')} value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {types.data?.items.map((ty) => (
            <option key={ty.code} value={ty.code}>
              {ty.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="status" label={field('status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {ESTABLISHMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ESTABLISHMENT_STATUS_LABELS[s][locale]}
            </option>
          ))}
        </SelectField>
        <SelectField name="riskLevel" label={field('riskLevel')} value={draft.risk} onChange={(e) => setDraft({ ...draft, risk: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {RISK_LEVELS.map((r) => (
            <option key={r} value={r}>
              {RISK_LABELS[r][locale]}
            </option>
          ))}
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} hint={t('est.unitFilterHint')} value={unit} onChange={setUnit} />
        <div className="filters-actions actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
          {filtered && (
            <button type="button" className="button" onClick={() => go({ q: '', type: '', status: '', risk: '', unit: undefined, page: 1 })}>
              {t('est.clearFilters')}
            </button>
          )}
        </div>
      </form>

      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && !list.loading && (
        <section aria-labelledby="est-results">
          <h2 id="est-results" className="sr-only">
            {t('est.results')}
          </h2>
          <p className="muted" role="status">
            {t('est.count', { count: formatNumberVi(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="muted">{filtered ? t('est.none.filtered') : t('est.none')}</p>
          ) : (
            <ul className="item-list" aria-label={t('est.results')}>
              {list.data.items.map((e) => (
                <EstablishmentItem key={e.id} item={e} lastInspected={last.data ? (last.data.has(e.id) ? last.data.get(e.id)! : undefined) : undefined} />
              ))}
            </ul>
          )}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => go({ q: query.q ?? '', type: query.typeCode ?? '', status: query.status ?? '', risk: query.riskLevel ?? '', unit: query.unitId, page: p })} />
        </section>
      )}
    </>
  );
}

function EstablishmentItem({ item, lastInspected }: { item: TEstablishment; lastInspected: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <li className="item">
      <div className="item-main">
        <Link className="item-title" to={`/establishments/${item.id}`}>
          {item.name}
        </Link>
        <p className="item-meta">
          {item.typeName} · {item.unit.name}
        </p>
        <p className="item-meta muted break">{item.address}</p>
        <p className="item-meta">
          {t('est.lastInspection')}: <LastInspection date={lastInspected} />
        </p>
      </div>
      <div className="item-actions tags">
        <RiskBadge level={item.riskLevel} />
        <StatusTag status={item.status} />
      </div>
    </li>
  );
}
