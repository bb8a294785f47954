import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ZResetPasswordRequest, ZUpdateUserRequest, formatDateTimeVi, type TFieldError, type TUnitRef, type TUser } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { CheckboxField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { missingField, parseInput, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchUser, resetPassword, updateUser } from '../api';
import { RoleOptions } from '../components/RoleOptions';
import { UserStatus } from '../components/UserStatus';

/** What the page that brought the admin here reports. */
export type UserNotice = 'created';

export function UserEditPage() {
  const { id } = useParams();
  const userId = Number(id);
  const user = useResource((signal) => fetchUser(userId, signal), [userId]);
  if (user.error) return <ErrorNotice error={user.error} onRetry={user.reload} />;
  if (!user.data) return <Loading />;
  return <UserEditor initial={user.data} />;
}

function UserEditor({ initial }: { initial: TUser }) {
  const { t } = useI18n();
  const [user, setUser] = useState(initial);
  const notice = (useLocation().state as { notice?: UserNotice } | null)?.notice;
  return (
    <>
      <PageHeader
        title={user.fullName}
        subtitle={
          <>
            {user.username} · <UserStatus user={user} />
          </>
        }
        before={
          <p>
            <Link to="/users">← {t('users.title')}</Link>
          </p>
        }
      />
      {notice === 'created' && <SuccessNotice>{t('users.notice.created')}</SuccessNotice>}
      <p className="muted small">{t('users.createdAt', { at: formatDateTimeVi(user.createdAt) })}</p>
      <UserForm user={user} onSaved={setUser} />
      <ResetPasswordForm user={user} onSaved={setUser} />
    </>
  );
}

function UserForm({ user, onSaved }: { user: TUser; onSaved: (u: TUser) => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<string>(user.role);
  const [unit, setUnit] = useState<TUnitRef | null>(user.unit);
  const [agency, setAgency] = useState(user.agency ?? '');
  const [disabled, setDisabled] = useState(user.disabled);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const patch: Record<string, unknown> = {};
      if (fullName.trim() !== user.fullName) patch.fullName = fullName;
      if (!role) errors.push(missingField('role'));
      else if (role !== user.role) patch.role = role;
      if (!unit) errors.push(missingField('unitId'));
      else if (unit.id !== user.unit.id) patch.unitId = unit.id;
      if ((agency.trim() || null) !== user.agency) patch.agency = agency.trim() || null;
      if (disabled !== user.disabled) patch.disabled = disabled;
      if (Object.keys(patch).length === 0 && errors.length === 0) throw new ApiError(400, 'NO_CHANGES', t('form.noChanges'));
      onSaved(await updateUser(user.id, parseInput(ZUpdateUserRequest, patch, errors)));
      setSaved(true);
    });
  };

  return (
    <section className="section" aria-labelledby="user-edit-heading">
      <h2 id="user-edit-heading">{t('users.edit.title')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
        <TextField name="fullName" label={field('fullName')} value={fullName} onChange={(e) => setFullName(e.target.value)} error={form.errors.fullName} required />
        <SelectField name="role" label={field('role')} value={role} onChange={(e) => setRole(e.target.value)} error={form.errors.role} required>
          <RoleOptions blank={t('form.choose')} />
        </SelectField>
        <UnitPicker name="unitId" label={field('unitId')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <TextField name="agency" label={field('agency')} value={agency} onChange={(e) => setAgency(e.target.value)} error={form.errors.agency} />
        <CheckboxField name="disabled" label={t('users.disable')} checked={disabled} onChange={(e) => setDisabled(e.target.checked)} error={form.errors.disabled} />
        <p className="hint">{t('users.edit.sessionsHint')}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ResetPasswordForm({ user, onSaved }: { user: TUser; onSaved: (u: TUser) => void }) {
  const { t } = useI18n();
  const form = useSubmit();
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void form.run(async () => {
      const input = parseInput(ZResetPasswordRequest, { newPassword });
      onSaved(await resetPassword(user.id, input.newPassword));
      setNewPassword('');
      setDone(true);
    });
  };

  return (
    <section className="section" aria-labelledby="user-reset-heading">
      <h2 id="user-reset-heading">{t('users.reset.title')}</h2>
      <p className="muted">{t('users.reset.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {done && <SuccessNotice>{t('users.reset.done', { username: user.username })}</SuccessNotice>}
        <TextField
          name="newPassword"
          type="password"
          label={t('users.tempPassword')}
          hint={t('users.tempPasswordHint')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.errors.newPassword}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('users.reset.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
