import { useState } from 'react';
import { Link } from 'react-router';
import { compareVi, formatDateVi, type TUnit } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { ErrorNotice, Loading } from '../../../components/Status';
import { type ApiError, toApiError } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren } from '../api';
import { UnitTypeLabel } from './UnitBits';

const byName = (a: TUnit, b: TUnit) => compareVi(a.name, b.name);

/**
 * The user's unit and everything under it, one level at a time: a node loads its children when first opened, so a
 * province with thousands of villages costs one small request per click. Nested lists with disclosure buttons.
 */
export function UnitTree({ includeExpired }: { includeExpired: boolean }) {
  const { t } = useI18n();
  const root = useResource((signal) => fetchChildren(undefined, includeExpired, signal), [includeExpired]);
  if (root.error) return <ErrorNotice error={root.error} onRetry={root.reload} />;
  if (!root.data) return <Loading />;
  return (
    <ul className="tree" aria-label={t('units.tree.label')}>
      <TreeNode unit={root.data.parent} loaded={root.data.items} includeExpired={includeExpired} />
    </ul>
  );
}

function TreeNode({ unit, loaded, includeExpired }: { unit: TUnit; loaded?: TUnit[]; includeExpired: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(loaded !== undefined);
  const [children, setChildren] = useState<TUnit[] | undefined>(() => loaded && [...loaded].sort(byName));
  const [error, setError] = useState<ApiError | null>(null);
  const hasChildren = unit.childCount > 0;

  const load = () => {
    setError(null);
    fetchChildren(unit.id, includeExpired).then(
      (res) => setChildren(res.items.sort(byName)),
      (err: unknown) => setError(toApiError(err)),
    );
  };

  const toggle = () => {
    if (!open && !children) load();
    setOpen(!open);
  };

  return (
    <li>
      <div className={unit.validTo ? 'tree-row expired' : 'tree-row'}>
        {hasChildren ? (
          <button type="button" className="tree-toggle" aria-expanded={open} aria-label={t('units.tree.toggle', { name: unit.name })} onClick={toggle}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <span className="tree-label">
          <Link to={`/units/${unit.id}`}>{unit.name}</Link>
          <span className="muted small">
            <UnitTypeLabel type={unit.type} /> · {unit.code}
          </span>
          {hasChildren && (
            <span className="badge" title={t('units.childCount', { count: unit.childCount })}>
              <span aria-hidden="true">{unit.childCount}</span>
              <span className="sr-only">{t('units.childCount', { count: unit.childCount })}</span>
            </span>
          )}
          {unit.validTo && <span className="tag tag-expired">{t('units.expiredFrom', { date: formatDateVi(unit.validTo) })}</span>}
        </span>
      </div>
      {open && hasChildren && (
        <>
          {error && <ErrorNotice error={error} onRetry={load} />}
          {!error && !children && <Loading />}
          {children && (
            <ul>
              {children.map((child) => (
                <TreeNode key={child.id} unit={child} includeExpired={includeExpired} />
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
