import { Link, useParams } from 'react-router';
import { compareVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { fetchLineage, fetchUnit } from '../api';
import { UnitTypeLabel } from '../components/UnitBits';

/** The unit and every unit it came from through all reorganisations: whose past figures count toward it today. */
export function UnitLineagePage() {
  const { t, field } = useI18n();
  const { id } = useParams();
  const unitId = Number(id);
  const data = useResource(async (signal) => {
    const [unit, lineage] = await Promise.all([fetchUnit(unitId, signal), fetchLineage(unitId, signal)]);
    return { unit, items: lineage.items.sort((a, b) => a.depth - b.depth || compareVi(a.name, b.name)) };
  }, [unitId]);
  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { unit, items } = data.data;
  return (
    <>
      <PageHeader
        title={t('units.lineage.heading', { name: unit.name })}
        subtitle={t('units.lineage.intro')}
        before={
          <p>
            <Link to={`/units/${unit.id}`}>← {unit.name}</Link>
          </p>
        }
      />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{field('name')}</th>
              <th scope="col">{field('code')}</th>
              <th scope="col">{field('type')}</th>
              <th scope="col">{t('units.lineage.depth')}</th>
              <th scope="col">{t('units.link.share')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.id === unit.id ? item.name : <Link to={`/units/${item.id}`}>{item.name}</Link>}</td>
                <td>{item.code}</td>
                <td>
                  <UnitTypeLabel type={item.type} />
                </td>
                <td>{item.depth === 0 ? t('units.lineage.self') : item.depth}</td>
                <td>{t(item.partial ? 'units.link.share.partial' : 'units.link.share.full')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
