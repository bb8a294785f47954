import { useEffect, useState } from 'react';
import type { TEstablishment } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FieldShell } from '../../../components/Field';
import { type ApiError, toApiError } from '../../../lib/api-client';
import { listEstablishments } from '../api';
import { RiskBadge } from './Bits';

const SEARCH_DELAY_MS = 250;
const SHOWN = 20;

export interface ChosenEstablishment {
  id: number;
  name: string;
  address: string;
}

/**
 * Chooses establishments of a unit's area from the registry: type part of a name or address (diacritics optional),
 * add from the results; the chosen ones are listed with a button to take each out.
 */
export function EstablishmentChooser({ unitId, chosen, onChange, error }: { unitId: number | undefined; chosen: ChosenEstablishment[]; onChange: (next: ChosenEstablishment[]) => void; error?: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TEstablishment[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listEstablishments({ q: query.trim() || undefined, unitId, status: 'operating', pageSize: SHOWN }, controller.signal).then(
        (res) => {
          setFailure(null);
          setResults(res.items);
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
  }, [query, unitId]);

  const shown = results?.filter((e) => !chosen.some((c) => c.id === e.id));
  return (
    <FieldShell name="establishmentIds" label={t('iplan.chooser.label')} hint={t('iplan.chooser.hint')} error={error}>
      {(control) => (
        <div className="picker">
          {chosen.length > 0 ? (
            <ul className="chosen-list" aria-label={t('iplan.chooser.chosen', { count: chosen.length })}>
              {chosen.map((c) => (
                <li key={c.id}>
                  <span>
                    {c.name} <span className="muted small">{c.address}</span>
                  </span>
                  <button type="button" className="button button-small" aria-label={t('iplan.chooser.remove', { name: c.name })} onClick={() => onChange(chosen.filter((x) => x.id !== c.id))}>
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('iplan.chooser.noneChosen')}</p>
          )}
          <input type="search" {...control} placeholder={t('iplan.chooser.placeholder')} autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
          {failure && <p className="field-error">{failure.message}</p>}
          {shown && (
            <ul className="picker-results" aria-label={t('iplan.chooser.results')} aria-live="polite">
              {shown.length === 0 && <li className="muted">{t('iplan.chooser.none')}</li>}
              {shown.map((e) => (
                <li key={e.id}>
                  <button type="button" onClick={() => onChange([...chosen, { id: e.id, name: e.name, address: e.address }])} aria-label={t('iplan.chooser.add', { name: e.name })}>
                    <span>{e.name}</span> <span className="muted small">{e.typeName} · {e.address}</span> <RiskBadge level={e.riskLevel} />
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
