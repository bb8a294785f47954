import { useEffect, useState } from 'react';
import { compareVi, type TUnit, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell } from '../../../components/Field';
import { type ApiError, toApiError } from '../../../lib/api-client';
import { searchUnits } from '../api';
import { UnitTypeLabel } from './UnitBits';

const SEARCH_DELAY_MS = 250;
const MAX_SHOWN = 12;

interface Props {
  name: string;
  label: string;
  /** The chosen unit; null when none (a multi-choice form keeps its own list and passes null). */
  value: TUnitRef | null;
  onChange: (unit: TUnitRef | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Units already chosen elsewhere in the form, left out of the results. */
  exclude?: readonly number[];
}

/** Picks a unit of the user's area by typing part of its name (without diacritics is fine) or its code. */
export function UnitPicker({ name, label, value, onChange, error, hint, required, exclude = [] }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TUnit[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchUnits(q, false, controller.signal).then(
        (res) => {
          setFailure(null);
          setResults(res.items.sort((a, b) => compareVi(a.name, b.name)));
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setFailure(toApiError(err));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const pick = (unit: TUnit) => {
    onChange({ id: unit.id, code: unit.code, name: unit.name, type: unit.type });
    setQuery('');
    setResults(null);
  };

  const shown = results?.filter((u) => !exclude.includes(u.id)).slice(0, MAX_SHOWN);
  return (
    <FieldShell name={name} label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <div className="picker">
          {value && (
            <p className="picked" id={`${control.id}-picked`}>
              {t('picker.chosen')} <strong>{value.name}</strong>{' '}
              <span className="muted small">
                (<UnitTypeLabel type={value.type} /> · {value.code})
              </span>{' '}
              <button type="button" className="button button-small" onClick={() => onChange(null)}>
                {t('picker.clear')}
              </button>
            </p>
          )}
          <input
            type="search"
            {...control}
            aria-describedby={[value ? `${control.id}-picked` : '', control['aria-describedby'] ?? ''].join(' ').trim() || undefined}
            placeholder={t('picker.placeholder')}
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter picks the only match instead of submitting the whole form; Escape closes the results.
              if (e.key === 'Enter') {
                e.preventDefault();
                if (shown?.length === 1) pick(shown[0]);
              } else if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
          {failure && <p className="field-error">{failure.message}</p>}
          {shown && (
            <ul className="picker-results" aria-label={t('picker.results', { label })} aria-live="polite">
              {shown.length === 0 && <li className="muted">{t('picker.none')}</li>}
              {shown.map((u) => (
                <li key={u.id}>
                  <button type="button" onClick={() => pick(u)}>
                    <span>{u.name}</span>{' '}
                    <span className="muted small">
                      <UnitTypeLabel type={u.type} /> · {u.code}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FieldShell>
  );
}
