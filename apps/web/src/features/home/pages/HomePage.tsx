import { Link } from 'react-router';
import { ROLE_LABELS, UNIT_TYPES } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { modulesFor } from '../../../app/modules';
import { PageHeader } from '../../../components/Page';
import { useMe } from '../../auth/session';

export function HomePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('home.title', { name: me.fullName })} subtitle={t('app.tagline')} />
      <dl className="facts">
        <div>
          <dt>{t('home.role')}</dt>
          <dd>{ROLE_LABELS[me.role][locale]}</dd>
        </div>
        <div>
          <dt>{t('home.unit')}</dt>
          <dd>
            {me.unit.name} <span className="muted">({UNIT_TYPES[me.unit.type][locale]})</span>
          </dd>
        </div>
      </dl>
      <h2>{t('home.modules')}</h2>
      <ul className="cards">
        {modulesFor(me.role).map((m) => (
          <li key={m.module} className="card">
            <Link to={m.path}>{t(m.label)}</Link>
            <p className="muted">{t(m.description)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
