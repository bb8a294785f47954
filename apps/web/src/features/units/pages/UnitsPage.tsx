import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { compareVi, formatDateVi, type TUnit } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { CheckboxField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { exportUrl, searchUnits } from '../api';
import { UnitTree } from '../components/UnitTree';
import { UnitTypeLabel } from '../components/UnitBits';
import { canEditUnits } from '../permissions';

const SEARCH_DELAY_MS = 300;

/** The unit browser: a search box (diacritics optional) over a lazily loaded tree of the user's area. */
export function UnitsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const includeExpired = params.get('expired') === '1';
  const [text, setText] = useState(q);

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Search as the user types, once they pause; the query lives in the URL so Back returns to the results.
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === q) return;
    const timer = setTimeout(() => setParam('q', wanted), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Back and Forward change the query under the box; follow them (but not while the box only differs by spaces).
  useEffect(() => {
    if (q !== text.trim()) setText(q);
  }, [q]);

  const results = useResource(
    (signal) => (q ? searchUnits(q, includeExpired, signal).then((r) => r.items.sort((a, b) => compareVi(a.name, b.name))) : Promise.resolve(null)),
    [q, includeExpired],
  );

  return (
    <>
      <PageHeader
        title={t('units.title')}
        actions={
          <>
            {canEditUnits(me.role) && (
              <>
                <Link className="button" to="/units/merge">
                  {t('units.merge.title')}
                </Link>
                <Link className="button" to="/units/import">
                  {t('units.import.title')}
                </Link>
              </>
            )}
            <a className="button" href={exportUrl(me.unit.id)} download>
              {t('units.export')}
            </a>
          </>
        }
      />
      <form
        role="search"
        className="search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setParam('q', text.trim());
        }}
      >
        <label htmlFor="unit-search">{t('units.search.label')}</label>
        <div className="search-row">
          <input id="unit-search" type="search" value={text} placeholder={t('units.search.placeholder')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </form>
      <CheckboxField
        name="includeExpired"
        label={t('units.includeExpired')}
        checked={includeExpired}
        onChange={(e) => setParam('expired', e.target.checked ? '1' : '')}
      />

      {q && (
        <section aria-labelledby="unit-results-heading" className="section">
          <h2 id="unit-results-heading">{t('units.search.results', { q })}</h2>
          {results.error && <ErrorNotice error={results.error} onRetry={results.reload} />}
          {results.loading && <Loading />}
          {results.data && <SearchResults units={results.data} />}
        </section>
      )}

      <section aria-labelledby="unit-tree-heading" className="section">
        <h2 id="unit-tree-heading">{t('units.tree.title')}</h2>
        <UnitTree key={String(includeExpired)} includeExpired={includeExpired} />
      </section>
    </>
  );
}

function SearchResults({ units }: { units: TUnit[] }) {
  const { t } = useI18n();
  if (units.length === 0) return <p className="muted">{t('units.search.none')}</p>;
  return (
    <ul className="unit-list" aria-label={t('units.search.listLabel')}>
      {units.map((u) => (
        <li key={u.id}>
          <Link to={`/units/${u.id}`}>{u.name}</Link>{' '}
          <span className="muted small">
            <UnitTypeLabel type={u.type} /> · {u.code}
          </span>
          {u.validTo && <span className="tag tag-expired">{t('units.expiredFrom', { date: formatDateVi(u.validTo) })}</span>}
        </li>
      ))}
    </ul>
  );
}
