import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ZUpdateUnitRequest, formatDateVi, type TFieldError, type TUnitDetail, type TUnitRef, type TUpdateUnitRequest } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { missingField, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fetchUnit, updateUnit } from '../api';
import { UnitPicker } from '../components/UnitPicker';
import { UnitTypeOptions } from '../components/UnitBits';
import type { UnitNotice } from './UnitDetailPage';

export function UnitEditPage() {
  const { id } = useParams();
  const unitId = Number(id);
  const unit = useResource((signal) => fetchUnit(unitId, signal), [unitId]);
  if (unit.error) return <ErrorNotice error={unit.error} onRetry={unit.reload} />;
  if (!unit.data) return <Loading />;
  return <UnitEditForm unit={unit.data} />;
}

/** Corrects a unit's record (a typo, a wrong parent or date). Reorganisations go through merge and split instead. */
function UnitEditForm({ unit }: { unit: TUnitDetail }) {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const parentBefore = unit.ancestors.at(-1) ?? null;
  const [code, setCode] = useState(unit.code);
  const [name, setName] = useState(unit.name);
  const [type, setType] = useState<string>(unit.type);
  const [parent, setParent] = useState<TUnitRef | null>(parentBefore);
  const [validFrom, setValidFrom] = useState(formatDateVi(unit.validFrom));
  const [validTo, setValidTo] = useState(formatDateVi(unit.validTo));
  // The server refuses to move the administrator's own root unit, so the form does not offer it.
  const canMove = unit.id !== me.unit.id;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const from = readDate(validFrom, 'validFrom', errors);
      const to = readDate(validTo, 'validTo', errors) ?? null;
      // Only what changed is sent, so the audit log shows exactly what was corrected.
      const patch: Record<string, unknown> = {};
      if (code.trim() !== unit.code) patch.code = code;
      if (name.trim() !== unit.name) patch.name = name;
      if (type !== unit.type) patch.type = type;
      if (canMove && !parent) errors.push(missingField('parentId'));
      else if (canMove && parent?.id !== parentBefore?.id) patch.parentId = parent?.id;
      if (!validFrom.trim()) errors.push(missingField('validFrom'));
      else if (from && from !== unit.validFrom) patch.validFrom = from;
      if (to !== unit.validTo) patch.validTo = to;
      if (Object.keys(patch).length === 0 && errors.length === 0)
        throw new ApiError(400, 'NO_CHANGES', t('form.noChanges'));
      const input: TUpdateUnitRequest = parseInput(ZUpdateUnitRequest, patch, errors);
      await updateUnit(unit.id, input);
      navigate(`/units/${unit.id}`, { state: { notice: 'updated' satisfies UnitNotice } });
    });
  };

  return (
    <>
      <PageHeader title={t('units.edit.title', { name: unit.name })} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <TextField name="code" label={field('code')} value={code} onChange={(e) => setCode(e.target.value)} error={form.errors.code} required />
        <TextField name="name" label={field('name')} value={name} onChange={(e) => setName(e.target.value)} error={form.errors.name} required />
        <SelectField name="type" label={field('type')} value={type} onChange={(e) => setType(e.target.value)} error={form.errors.type} required>
          <UnitTypeOptions />
        </SelectField>
        {canMove && (
          <UnitPicker name="parentId" label={field('parentId')} value={parent} onChange={setParent} error={form.errors.parentId} exclude={[unit.id]} required />
        )}
        <DateField name="validFrom" label={field('validFrom')} value={validFrom} onChange={setValidFrom} error={form.errors.validFrom} required />
        <DateField
          name="validTo"
          label={field('validTo')}
          value={validTo}
          onChange={setValidTo}
          error={form.errors.validTo}
          hint={t('units.edit.validToHint')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('common.save')}
          </button>
          <Link className="button" to={`/units/${unit.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
