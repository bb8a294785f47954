import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZCreateUserRequest, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { parseInput, useSubmit } from '../../../lib/forms';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { createUser } from '../api';
import { RoleOptions } from '../components/RoleOptions';
import type { UserNotice } from './UserEditPage';

export function UserCreatePage() {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState('');
  const [unit, setUnit] = useState<TUnitRef | null>(me.unit);
  const [agency, setAgency] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const input = parseInput(ZCreateUserRequest, {
        username,
        fullName,
        role: role || undefined,
        unitId: unit?.id,
        agency: agency.trim() || undefined,
        password,
      });
      const created = await createUser(input);
      navigate(`/users/${created.id}`, { state: { notice: 'created' satisfies UserNotice } });
    });
  };

  return (
    <>
      <PageHeader title={t('users.create.title')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <TextField
          name="username"
          label={field('username')}
          hint={t('users.usernameHint')}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={form.errors.username}
          required
        />
        <TextField name="fullName" label={field('fullName')} autoComplete="off" value={fullName} onChange={(e) => setFullName(e.target.value)} error={form.errors.fullName} required />
        <SelectField name="role" label={field('role')} value={role} onChange={(e) => setRole(e.target.value)} error={form.errors.role} required>
          <RoleOptions blank={t('form.choose')} />
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <TextField name="agency" label={field('agency')} hint={t('users.agencyHint')} value={agency} onChange={(e) => setAgency(e.target.value)} error={form.errors.agency} />
        <TextField
          name="password"
          type="password"
          label={t('users.tempPassword')}
          hint={t('users.tempPasswordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.password}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('users.create.submit')}
          </button>
          <Link className="button" to="/users">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
