import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ZSplitUnitRequest, compareVi, type TFieldError, type TUnit, type TUnitDetail, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchUnit, splitUnit } from '../api';
import { UnitPicker } from '../components/UnitPicker';
import { UnitTypeOptions } from '../components/UnitBits';
import type { UnitNotice } from './UnitDetailPage';

export function UnitSplitPage() {
  const { id } = useParams();
  const unitId = Number(id);
  const data = useResource(
    async (signal) => {
      const [unit, children] = await Promise.all([fetchUnit(unitId, signal), fetchChildren(unitId, false, signal)]);
      return { unit, childUnits: children.items.sort((a, b) => compareVi(a.name, b.name)) };
    },
    [unitId],
  );
  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  return <SplitForm unit={data.data.unit} childUnits={data.data.childUnits} />;
}

interface Successor {
  key: number;
  code: string;
  name: string;
  type: string;
  parent: TUnitRef | null;
}

/** Records that one unit became several on a date; each of its villages or groups goes to exactly one new unit. */
function SplitForm({ unit, childUnits }: { unit: TUnitDetail; childUnits: TUnit[] }) {
  const { t, field } = useI18n();
  const navigate = useNavigate();
  const form = useSubmit();
  const nextKey = useRef(2);
  const blank = (key: number): Successor => ({ key, code: '', name: '', type: unit.type, parent: unit.ancestors.at(-1) ?? null });
  const [effectiveDate, setEffectiveDate] = useState('');
  const [successors, setSuccessors] = useState<Successor[]>(() => [blank(0), blank(1)]);
  // child id → key of the successor it goes to; keys stay stable when a successor is removed.
  const [assignment, setAssignment] = useState<Record<number, number>>({});

  const update = (key: number, patch: Partial<Successor>) => setSuccessors((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const successorName = (s: Successor, i: number) => s.name.trim() || t('units.split.newUnit', { n: i + 1 });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const date = readDate(effectiveDate, 'effectiveDate', errors);
      for (const c of childUnits)
        if (!successors.some((s) => s.key === assignment[c.id]))
          errors.push({ path: `assign.${c.id}`, message: t('units.split.unassigned', { name: c.name }) });
      const input = parseInput(
        ZSplitUnitRequest,
        {
          effectiveDate: date,
          successors: successors.map((s) => ({
            code: s.code,
            name: s.name,
            type: s.type || undefined,
            parentId: s.parent?.id,
            childIds: childUnits.filter((c) => assignment[c.id] === s.key).map((c) => c.id),
          })),
        },
        errors,
      );
      await splitUnit(unit.id, input);
      navigate(`/units/${unit.id}`, { state: { notice: 'split' satisfies UnitNotice } });
    });
  };

  return (
    <>
      <PageHeader title={t('units.split.heading', { name: unit.name })} subtitle={t('units.split.intro')} />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <DateField name="effectiveDate" label={field('effectiveDate')} value={effectiveDate} onChange={setEffectiveDate} error={form.errors.effectiveDate} required />
        {successors.map((s, i) => (
          <fieldset key={s.key}>
            <legend>{t('units.split.newUnit', { n: i + 1 })}</legend>
            <TextField name={`successors.${i}.code`} label={field('code')} value={s.code} onChange={(e) => update(s.key, { code: e.target.value })} error={form.errors[`successors.${i}.code`]} required />
            <TextField name={`successors.${i}.name`} label={field('name')} value={s.name} onChange={(e) => update(s.key, { name: e.target.value })} error={form.errors[`successors.${i}.name`]} required />
            <SelectField name={`successors.${i}.type`} label={field('type')} value={s.type} onChange={(e) => update(s.key, { type: e.target.value })} error={form.errors[`successors.${i}.type`]} required>
              <UnitTypeOptions />
            </SelectField>
            <UnitPicker
              name={`successors.${i}.parentId`}
              label={field('parentId')}
              value={s.parent}
              onChange={(parent) => update(s.key, { parent })}
              error={form.errors[`successors.${i}.parentId`]}
              exclude={[unit.id]}
              required
            />
            {successors.length > 2 && (
              <button type="button" className="button" onClick={() => setSuccessors((list) => list.filter((x) => x.key !== s.key))}>
                {t('units.split.removeUnit', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" className="button" onClick={() => setSuccessors((list) => [...list, blank(nextKey.current++)])}>
            {t('units.split.addUnit')}
          </button>
        </p>
        <fieldset>
          <legend>{field('childIds')}</legend>
          {childUnits.length === 0 ? (
            <p className="muted">{t('units.split.noChildren')}</p>
          ) : (
            childUnits.map((c) => (
              <SelectField
                key={c.id}
                name={`assign.${c.id}`}
                label={c.name}
                value={assignment[c.id] === undefined ? '' : String(assignment[c.id])}
                onChange={(e) => setAssignment((a) => ({ ...a, [c.id]: Number(e.target.value) }))}
                error={form.errors[`assign.${c.id}`]}
                required
              >
                <option value="">{t('form.choose')}</option>
                {successors.map((s, i) => (
                  <option key={s.key} value={s.key}>
                    {successorName(s, i)}
                  </option>
                ))}
              </SelectField>
            ))
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('units.split.submit')}
          </button>
          <Link className="button" to={`/units/${unit.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
