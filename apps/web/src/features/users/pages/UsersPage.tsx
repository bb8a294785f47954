import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ROLE_LABELS, ZRole, type TRole } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { listUsers } from '../api';
import { RoleOptions } from '../components/RoleOptions';
import { UserStatus } from '../components/UserStatus';

/** Users of the admin's area, filtered by name and role; filters and page live in the URL. */
export function UsersPage() {
  const { t, locale, field } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const parsedRole = ZRole.safeParse(params.get('role'));
  const role: TRole | undefined = parsedRole.success ? parsedRole.data : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draftQ, setDraftQ] = useState(q);
  const [draftRole, setDraftRole] = useState<string>(role ?? '');
  const users = useResource((signal) => listUsers({ q: q || undefined, role, page }, signal), [q, role, page]);

  const go = (next: { q: string; role: string; page: number }) => {
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.role) p.set('role', next.role);
    if (next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draftQ.trim(), role: draftRole, page: 1 });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Link className="button button-primary" to="/users/new">
            {t('users.create.title')}
          </Link>
        }
      />
      <form role="search" className="filters" onSubmit={onFilter} aria-label={t('users.filters')}>
        <TextField name="q" type="search" label={t('users.search')} value={draftQ} onChange={(e) => setDraftQ(e.target.value)} />
        <SelectField name="role" label={field('role')} value={draftRole} onChange={(e) => setDraftRole(e.target.value)}>
          <RoleOptions blank={t('common.all')} />
        </SelectField>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
        </div>
      </form>

      {users.error && <ErrorNotice error={users.error} onRetry={users.reload} />}
      {users.loading && <Loading />}
      {users.data && users.data.items.length === 0 && <p className="muted">{t('users.none')}</p>}
      {users.data && users.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{field('username')}</th>
                  <th scope="col">{field('fullName')}</th>
                  <th scope="col">{field('role')}</th>
                  <th scope="col">{field('unitId')}</th>
                  <th scope="col">{field('agency')}</th>
                  <th scope="col">{t('users.status')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link to={`/users/${u.id}`}>{u.username}</Link>
                    </td>
                    <td>{u.fullName}</td>
                    <td>{ROLE_LABELS[u.role][locale]}</td>
                    <td>{u.unit.name}</td>
                    <td>{u.agency ?? ''}</td>
                    <td>
                      <UserStatus user={u} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPage={(p) => go({ q, role: role ?? '', page: p })} />
        </>
      )}
    </>
  );
}
