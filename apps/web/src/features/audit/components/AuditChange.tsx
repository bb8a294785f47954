import { FIELD_LABELS } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Before and after of a change. Two records (or one, for a create or delete) become a table of fields with the changed
 * ones marked; anything else (a merge's list of units, free-form detail) is shown as indented JSON.
 */
export function AuditChange({ before, after, detail }: { before: unknown; after: unknown; detail: unknown }) {
  const { t } = useI18n();
  const comparable = (isPlain(before) || before === null) && (isPlain(after) || after === null) && (before !== null || after !== null);
  return (
    <div className="audit-change">
      {comparable ? (
        <FieldTable before={before as Plain | null} after={after as Plain | null} />
      ) : (
        <>
          {before !== null && <Json title={t('audit.before')} value={before} />}
          {after !== null && <Json title={t('audit.after')} value={after} />}
        </>
      )}
      {detail !== null && <Json title={t('audit.detail')} value={detail} />}
    </div>
  );
}

function FieldTable({ before, after }: { before: Plain | null; after: Plain | null }) {
  const { t, locale } = useI18n();
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          {before && <th scope="col">{t('audit.before')}</th>}
          {after && <th scope="col">{t('audit.after')}</th>}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const changed = before !== null && after !== null && show(before[key]) !== show(after[key]);
          return (
            <tr key={key} className={changed ? 'changed' : undefined}>
              <th scope="row">
                {FIELD_LABELS[key]?.[locale] ?? key}
                {changed && <span className="sr-only"> ({t('audit.changed')})</span>}
              </th>
              {before && <td>{show(before[key])}</td>}
              {after && <td>{show(after[key])}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <p className="small strong">{title}</p>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
