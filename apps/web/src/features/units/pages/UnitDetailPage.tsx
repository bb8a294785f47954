import { Link, useLocation, useParams } from 'react-router';
import { compareVi, formatDateVi, type TUnitDetail, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { exportUrl, fetchChildren, fetchUnit } from '../api';
import { UnitTypeLabel, Validity, useLevelLabel } from '../components/UnitBits';
import { canEditUnits } from '../permissions';

type TUnitLinkView = TUnitDetail['predecessors'][number];

/** What a form that brought the user here reports (edit, merge, split). */
export type UnitNotice = 'updated' | 'merged' | 'split';

export function UnitDetailPage() {
  const { id } = useParams();
  const unitId = Number(id);
  const unit = useResource((signal) => fetchUnit(unitId, signal), [unitId]);
  if (unit.error) return <ErrorNotice error={unit.error} onRetry={unit.reload} />;
  if (!unit.data) return <Loading />;
  return <UnitDetail unit={unit.data} />;
}

function UnitDetail({ unit }: { unit: TUnitDetail }) {
  const { t, field } = useI18n();
  const me = useMe();
  const level = useLevelLabel();
  const notice = (useLocation().state as { notice?: UnitNotice } | null)?.notice;
  const children = useResource((signal) => fetchChildren(unit.id, false, signal), [unit.id]);
  // The user's own unit and what lies under it can be changed and exported; units above it, and former units seen
  // through the history of the area, can only be looked at.
  const ownIndex = unit.ancestors.findIndex((a) => a.id === me.unit.id);
  const inScope = unit.id === me.unit.id || ownIndex >= 0;
  const editable = inScope && canEditUnits(me.role);
  const parent = unit.ancestors.at(-1);

  return (
    <>
      <PageHeader
        before={<Breadcrumb unit={unit} linkFrom={ownIndex >= 0 ? ownIndex : unit.ancestors.length} />}
        title={unit.name}
        subtitle={
          <>
            <UnitTypeLabel type={unit.type} /> · {unit.code}
          </>
        }
        actions={
          <>
            <Link className="button" to={`/units/${unit.id}/lineage`}>
              {t('units.lineage.title')}
            </Link>
            {inScope && (
              <a className="button" href={exportUrl(unit.id)} download>
                {t('units.export')}
              </a>
            )}
            {editable && (
              <Link className="button" to={`/units/${unit.id}/edit`}>
                {t('common.edit')}
              </Link>
            )}
            {editable && !unit.validTo && unit.id !== me.unit.id && (
              <Link className="button" to={`/units/${unit.id}/split`}>
                {t('units.split.title')}
              </Link>
            )}
          </>
        }
      />
      {notice && <SuccessNotice>{t(`units.notice.${notice}`)}</SuccessNotice>}

      <dl className="facts">
        <div>
          <dt>{field('code')}</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>{field('type')}</dt>
          <dd>
            <UnitTypeLabel type={unit.type} />
          </dd>
        </div>
        <div>
          <dt>{t('units.level')}</dt>
          <dd>{level(unit.level)}</dd>
        </div>
        <div>
          <dt>{t('units.validity')}</dt>
          <dd>
            <Validity unit={unit} />
          </dd>
        </div>
        {parent && (
          <div>
            <dt>{field('parentId')}</dt>
            <dd>{parent.name}</dd>
          </div>
        )}
      </dl>

      <section className="section" aria-labelledby="children-heading">
        <h2 id="children-heading">{t('units.children', { count: unit.childCount })}</h2>
        {children.error && <ErrorNotice error={children.error} onRetry={children.reload} />}
        {children.loading && <Loading />}
        {children.data &&
          (children.data.items.length === 0 ? (
            <p className="muted">{t('units.children.none')}</p>
          ) : (
            <ul className="unit-list columns">
              {[...children.data.items]
                .sort((a, b) => compareVi(a.name, b.name))
                .map((c) => (
                  <li key={c.id}>
                    <Link to={`/units/${c.id}`}>{c.name}</Link> <span className="muted small">{c.code}</span>
                  </li>
                ))}
            </ul>
          ))}
      </section>

      <LinkTable id="predecessors" title={t('units.predecessors')} empty={t('units.predecessors.none')} links={unit.predecessors} />
      <LinkTable id="successors" title={t('units.successors')} empty={t('units.successors.none')} links={unit.successors} />
    </>
  );
}

/** Ancestors from the top; those from `linkFrom` on are inside the user's area and link to their page. */
function Breadcrumb({ unit, linkFrom }: { unit: TUnitDetail; linkFrom: number }) {
  const { t } = useI18n();
  const crumb = (a: TUnitRef, i: number) => (i >= linkFrom ? <Link to={`/units/${a.id}`}>{a.name}</Link> : <span>{a.name}</span>);
  return (
    <nav aria-label={t('units.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/units">{t('units.title')}</Link>
        </li>
        {unit.ancestors.map((a, i) => (
          <li key={a.id}>{crumb(a, i)}</li>
        ))}
        <li aria-current="page">{unit.name}</li>
      </ol>
    </nav>
  );
}

function LinkTable({ id, title, empty, links }: { id: string; title: string; empty: string; links: TUnitLinkView[] }) {
  const { t, field } = useI18n();
  const sorted = [...links].sort((a, b) => compareVi(a.name, b.name));
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{field('name')}</th>
                <th scope="col">{field('code')}</th>
                <th scope="col">{t('units.link.kind')}</th>
                <th scope="col">{t('units.link.share')}</th>
                <th scope="col">{field('effectiveDate')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((l) => (
                <tr key={`${l.id}-${l.kind}`}>
                  <td>
                    <Link to={`/units/${l.id}`}>{l.name}</Link>
                  </td>
                  <td>{l.code}</td>
                  <td>{t(`units.link.kind.${l.kind}`)}</td>
                  <td>{t(`units.link.share.${l.share}`)}</td>
                  <td>{formatDateVi(l.effectiveDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
