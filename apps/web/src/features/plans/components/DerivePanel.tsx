import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZDerivePlanRequest, type TFieldError, type TPlan, type TPlanSummary, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors, TextField } from '../../../components/Field';
import { missingField, parseInput, useSubmit } from '../../../lib/forms';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { derivePlan } from '../api';
import { PlanMeta } from './PlanBits';

/** "Phường Tân An" → "Tân An": the place name a document is dated at ("Tân An, ngày … tháng … năm …"). */
export const placeNameOf = (unitName: string) => unitName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Huyện|Quận|Thị xã|Thị trấn)\s+/u, '');

export type PlanNotice = 'created' | 'derived';

/**
 * Starts a lower level's plan from this one: the server copies sections, indicators (with their targets) and tasks
 * into a draft of the chosen unit, which then opens. A commune or ward user derives for their own unit.
 */
export function DerivePanel({ plan, ownUnitBelow, derived, onClose }: { plan: TPlan; ownUnitBelow: boolean; derived: TPlanSummary[]; onClose: () => void }) {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const [unit, setUnit] = useState<TUnitRef | null>(ownUnitBelow ? me.unit : null);
  const [placeName, setPlaceName] = useState(ownUnitBelow ? placeNameOf(me.unit.name) : '');
  const [placeTouched, setPlaceTouched] = useState(false);

  const onUnit = (next: TUnitRef | null) => {
    setUnit(next);
    if (!placeTouched) setPlaceName(next ? placeNameOf(next.name) : '');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      if (!unit) errors.push(missingField('unitId'));
      const input = parseInput(ZDerivePlanRequest, { unitId: unit?.id, placeName }, errors);
      const created = await derivePlan(plan.id, input);
      navigate(`/plans/${created.id}`, { state: { notice: 'derived' satisfies PlanNotice } });
    });
  };

  return (
    <section className="card panel" id="derive-panel" aria-labelledby="derive-heading">
      <h2 id="derive-heading">{t('plans.derive.title')}</h2>
      <p className="muted">{t('plans.derive.intro')}</p>
      {derived.length > 0 && (
        <div className="notice notice-info">
          <p className="notice-title">{t('plans.derive.existing')}</p>
          <ul className="plain">
            {derived.map((c) => (
              <li key={c.id}>
                <Link to={`/plans/${c.id}`}>{c.unitName}</Link> <span className="muted small">(<PlanMeta plan={c} />)</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <UnitPicker name="unitId" label={t('plans.derive.unit')} hint={t('plans.derive.unitHint')} value={unit} onChange={onUnit} error={form.errors.unitId} exclude={[plan.unitId]} required />
        <TextField
          name="placeName"
          label={field('placeName')}
          hint={t('plans.placeHint')}
          value={placeName}
          onChange={(e) => {
            setPlaceTouched(true);
            setPlaceName(e.target.value);
          }}
          error={form.errors.placeName}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('plans.derive.submitting') : t('plans.derive.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
