import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { FieldShell } from '../../../components/Field';
import { searchPublicPlaces, type TPublicPlace } from '../api';

const SEARCH_DELAY_MS = 300;

/** Finds the commune or ward where it happened, by typing part of its name (diacritics optional). */
export function PlaceSearch({ value, onChange, error }: { value: TPublicPlace | null; onChange: (place: TPublicPlace | null) => void; error?: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TPublicPlace[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchPublicPlaces(q, controller.signal).then(
        (r) => setResults(r.items),
        () => setResults([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  if (value)
    return (
      <div className="field">
        <p className="label-like">{t('public.place')}</p>
        <p>
          <strong>{value.name}</strong>
          {value.parentName && `, ${value.parentName}`}{' '}
          <button type="button" className="button button-quiet" onClick={() => onChange(null)}>
            {t('picker.clear')}
          </button>
        </p>
      </div>
    );
  return (
    <FieldShell name="unitId" label={t('public.place')} hint={t('public.placeHint')} error={error} required>
      {(control) => (
        <>
          <input type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} {...control} />
          {results && (
            <ul className="picker-results" aria-label={t('picker.results', { label: t('public.place') })}>
              {results.length === 0 && <li className="muted">{t('picker.none')}</li>}
              {results.map((place) => (
                <li key={place.id}>
                  <button type="button" className="button button-quiet" onClick={() => onChange(place)}>
                    {place.name}
                    {place.parentName && `, ${place.parentName}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </FieldShell>
  );
}
