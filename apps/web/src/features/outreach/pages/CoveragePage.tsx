import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { UNIT_TYPES, formatDateVi, formatNumberVi, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { previousDay } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchUnit } from '../../units/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchCoverage } from '../api';
import { OutreachNav } from '../components/OutreachBits';
import { PeriodFields, type PeriodInput } from '../components/PeriodFields';
import { readPeriodParams, writePeriodParams } from '../periodParams';

const PAGE_SIZE = 50;
const LEVEL_LABELS = { 3: 'outreach.level.3', 4: 'outreach.level.4' } as const;

/**
 * "Địa bàn chưa có hoạt động": the villages or residential groups (or communes, for a province) under a unit that had
 * no outreach in the period, so the focal point knows whom to call; series broadcasts count as activities.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const ownLevel = UNIT_TYPES[me.unit.type].level;
  const unitId = Number(params.get('unit')) || undefined;
  // A province or district first wants to see its communes; a commune its villages and groups.
  const level = params.get('level') === '3' || (params.get('level') !== '4' && ownLevel < 2) ? 3 : 4;
  const { input: periodInput, period } = readPeriodParams(params, 'month');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = params.toString();

  const chosenUnit = useResource((signal) => (unitId ? fetchUnit(unitId, signal) : Promise.resolve(null)), [unitId]);
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [levelDraft, setLevelDraft] = useState(String(level));
  const [periodDraft, setPeriodDraft] = useState<PeriodInput>(periodInput);
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  useEffect(() => {
    const u = chosenUnit.data;
    setUnit(u ? { id: u.id, code: u.code, name: u.name, type: u.type } : null);
  }, [chosenUnit.data]);
  useEffect(() => {
    setLevelDraft(String(level));
    setPeriodDraft(periodInput);
  }, [key]);

  const coverage = useResource(
    (signal) => (period ? fetchCoverage({ unitId, level, from: period.from, to: period.to, page, pageSize: PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [key],
  );

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    const errors: TFieldError[] = [];
    const p = new URLSearchParams();
    if (unit) p.set('unit', String(unit.id));
    p.set('level', levelDraft);
    writePeriodParams(p, periodDraft.preset ? periodDraft : { ...periodDraft, preset: 'month' }, errors);
    if (errors.length) {
      setInvalid(new ApiError(400, 'VALIDATION_FAILED', t('outreach.filterInvalid'), errors));
      return;
    }
    setInvalid(null);
    setParams(p);
  };
  const fieldErrors = Object.fromEntries((invalid?.fields ?? []).map((f) => [f.path, f.message]));
  const data = coverage.data;

  return (
    <>
      <PageHeader title={t('outreach.coverage.title')} subtitle={t('outreach.coverage.intro')} />
      <OutreachNav />
      <form className="filters" onSubmit={onFilter} noValidate aria-label={t('common.filter')}>
        <FormErrors failure={invalid} />
        <UnitPicker name="unit" label={t('outreach.coverage.under')} hint={t('outreach.coverage.underHint', { unit: me.unit.name })} value={unit} onChange={setUnit} />
        <SelectField name="level" label={t('outreach.coverage.level')} value={levelDraft} onChange={(e) => setLevelDraft(e.target.value)}>
          {([4, 3] as const).map((l) => (
            <option key={l} value={l}>
              {t(LEVEL_LABELS[l])}
            </option>
          ))}
        </SelectField>
        <PeriodFields value={periodDraft} onChange={setPeriodDraft} errors={fieldErrors} />
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
        </div>
      </form>
      {!period && <p>{t('outreach.filterInvalid')}</p>}
      {coverage.error && <ErrorNotice error={coverage.error} onRetry={coverage.reload} />}
      {coverage.loading && !data && <Loading />}
      {data && period && (
        <>
          <p className="coverage-summary" role="status">
            {t('outreach.coverage.summary', {
              covered: formatNumberVi(data.unitsCovered),
              total: formatNumberVi(data.unitsTotal),
              from: formatDateVi(period.from),
              to: formatDateVi(previousDay(period.to)),
            })}
          </p>
          {data.unitsTotal > 0 && (
            <div className="progress" aria-hidden="true">
              <span className="progress-fill" style={{ width: `${Math.round((data.unitsCovered / data.unitsTotal) * 100)}%` }} />
            </div>
          )}
          <h2>{t('outreach.coverage.missing', { count: formatNumberVi(data.total) })}</h2>
          {data.total === 0 ? (
            <p>{data.unitsTotal === 0 ? t('outreach.coverage.noUnits') : t('outreach.coverage.all')}</p>
          ) : (
            <ul className="item-list" aria-label={t('outreach.coverage.missingList')}>
              {data.items.map((u) => (
                <li key={u.unitId} className="item item-overdue" data-testid="uncovered">
                  <div className="item-main">
                    <p className="item-title">{u.unitName}</p>
                    <p className="item-meta muted small">
                      {u.parentName && `${u.parentName} · `}
                      {u.unitCode}
                    </p>
                  </div>
                  <div className="item-actions small">
                    {u.lastActivityOn ? t('outreach.coverage.lastOn', { date: formatDateVi(u.lastActivityOn) }) : t('outreach.coverage.never')}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(n) => setParams((p) => (p.set('page', String(n)), p))} />
        </>
      )}
    </>
  );
}
