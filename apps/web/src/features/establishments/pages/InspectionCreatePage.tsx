import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { INSPECTION_KINDS, ZInspectionRequest, formatDateVi, formatNumberVi, type TFieldError, type TViolationType } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { CheckboxField, DateField, FieldShell, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { parseInput, parseNumberInput, readDate, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { fetchEstablishment, fetchInspectionPlan, fetchViolationTypes, recordInspection } from '../api';
import { Money } from '../components/Bits';
import type { EstablishmentNotice } from './EstablishmentCreatePage';

/** The usual points of an inspection of a lodging or entertainment business; the team adds its own. */
const STANDARD_CHECKLIST: MessageKey[] = ['insp.check.licence', 'insp.check.guestRegister', 'insp.check.rooms', 'insp.check.hours', 'insp.check.staff', 'insp.check.commitment'];

type CheckState = 'ok' | 'notOk' | 'skip';
interface CheckRow {
  item: string;
  state: CheckState;
}

/** Today on the user's clock (toISOString would give the UTC date, yesterday before 7 am in Vietnam). */
function today() {
  const d = new Date();
  return formatDateVi(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
}

/**
 * "Ghi biên bản kiểm tra": kind and date, the checklist, findings, the number of people present (never who they are),
 * violations from the catalogue with notes, and the sanction decision when one was issued.
 */
export function InspectionCreatePage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const planId = Number(params.get('plan')) || undefined;
  const est = useResource((signal) => fetchEstablishment(id, signal), [id]);
  const catalogue = useResource((signal) => fetchViolationTypes(signal), []);
  const plan = useResource((signal) => (planId ? fetchInspectionPlan(planId, signal) : Promise.resolve(null)), [planId]);
  const error = est.error ?? catalogue.error ?? plan.error;
  if (error) return <ErrorNotice error={error} onRetry={() => (est.reload(), catalogue.reload(), plan.reload())} />;
  if (!est.data || !catalogue.data || plan.loading) return <Loading />;
  return (
    <InspectionForm
      establishment={{ id: est.data.id, name: est.data.name }}
      catalogue={catalogue.data.items.filter((v) => v.active)}
      plan={plan.data && plan.data.establishments.some((e) => e.id === id) ? { id: plan.data.id, title: plan.data.title, kind: plan.data.kind } : null}
    />
  );
}

function InspectionForm({ establishment, catalogue, plan }: { establishment: { id: number; name: string }; catalogue: TViolationType[]; plan: { id: number; title: string; kind: keyof typeof INSPECTION_KINDS } | null }) {
  const { t, field, locale } = useI18n();
  const navigate = useNavigate();
  const form = useSubmit();
  const [usePlan, setUsePlan] = useState(plan !== null);
  const [kind, setKind] = useState<string>(plan?.kind ?? 'periodic');
  const [inspectedOn, setInspectedOn] = useState(today);
  const [checks, setChecks] = useState<CheckRow[]>(() => STANDARD_CHECKLIST.map((key) => ({ item: t(key), state: 'skip' })));
  const [newItem, setNewItem] = useState('');
  const [findings, setFindings] = useState('');
  const [people, setPeople] = useState('0');
  const [violations, setViolations] = useState<Record<string, { chosen: boolean; note: string }>>({});
  const [withSanction, setWithSanction] = useState(false);
  const [sanction, setSanction] = useState({ decisionNo: '', decisionDate: '', issuer: '', fineAmount: '', additionalMeasures: '' });
  const chosen = catalogue.filter((v) => violations[v.code]?.chosen);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const input = parseInput(
        ZInspectionRequest,
        {
          establishmentId: establishment.id,
          inspectionPlanId: usePlan && plan ? plan.id : null,
          kind,
          inspectedOn: readDate(inspectedOn, 'inspectedOn', errors),
          checklist: checks.filter((c) => c.state !== 'skip').map((c) => ({ item: c.item, ok: c.state === 'ok' })),
          findings,
          peoplePresent: readNumber(people, 'peoplePresent', field('peoplePresent'), errors) ?? 0,
          violations: chosen.map((v) => ({ code: v.code, note: violations[v.code].note.trim() })),
          sanction: withSanction
            ? {
                decisionNo: sanction.decisionNo,
                decisionDate: readDate(sanction.decisionDate, 'sanction.decisionDate', errors),
                issuer: sanction.issuer,
                fineAmount: readNumber(sanction.fineAmount, 'sanction.fineAmount', field('fineAmount'), errors),
                additionalMeasures: sanction.additionalMeasures,
              }
            : null,
        },
        errors,
      );
      await recordInspection(input);
      navigate(`/establishments/${establishment.id}?tab=inspections`, { state: { notice: 'inspected' satisfies EstablishmentNotice } });
    });
  };

  const setCheck = (n: number, state: CheckState) => setChecks((list) => list.map((c, i) => (i === n ? { ...c, state } : c)));
  const fine = parseNumberInput(sanction.fineAmount);

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('est.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/establishments">{t('est.title')}</Link>
              </li>
              <li>
                <Link to={`/establishments/${establishment.id}`}>{establishment.name}</Link>
              </li>
              <li aria-current="page">{t('insp.record.title')}</li>
            </ol>
          </nav>
        }
        title={t('insp.record.title')}
        subtitle={establishment.name}
      />
      <form onSubmit={onSubmit} noValidate className="form form-wide">
        <FormErrors failure={form.failure} />
        <fieldset>
          <legend>{t('insp.group.visit')}</legend>
          {plan && <CheckboxField name="inspectionPlanId" label={t('insp.inPlan', { title: plan.title })} checked={usePlan} onChange={(e) => setUsePlan(e.target.checked)} error={form.errors.inspectionPlanId} />}
          <div className="field-row">
            <SelectField name="kind" label={field('kind')} value={kind} onChange={(e) => setKind(e.target.value)} error={form.errors.kind} required>
              {Object.entries(INSPECTION_KINDS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label[locale]}
                </option>
              ))}
            </SelectField>
            <DateField name="inspectedOn" label={field('inspectedOn')} value={inspectedOn} onChange={setInspectedOn} error={form.errors.inspectedOn} required />
          </div>
          <TextField
            name="peoplePresent"
            label={field('peoplePresent')}
            hint={t('insp.peopleHint')}
            inputMode="numeric"
            value={people}
            onChange={(e) => setPeople(e.target.value)}
            error={form.errors.peoplePresent}
          />
        </fieldset>

        <fieldset>
          <legend>{t('insp.group.checklist')}</legend>
          <p className="hint">{t('insp.checklistHint')}</p>
          <ul className="checklist">
            {checks.map((c, n) => (
              <li key={n}>
                <fieldset className="check-item">
                  <legend>{c.item}</legend>
                  <div className="radio-row">
                    {(['ok', 'notOk', 'skip'] as const).map((state) => (
                      <label key={state} className="radio">
                        <input type="radio" name={`check-${n}`} value={state} checked={c.state === state} onChange={() => setCheck(n, state)} />
                        {t(state === 'ok' ? 'insp.ok' : state === 'notOk' ? 'insp.notOk' : 'insp.skip')}
                      </label>
                    ))}
                  </div>
                  {form.errors[`checklist.${n}.item`] && <p className="field-error">{form.errors[`checklist.${n}.item`]}</p>}
                </fieldset>
              </li>
            ))}
          </ul>
          <div className="add-row">
            <TextField name="newCheckItem" label={t('insp.addItem')} value={newItem} onChange={(e) => setNewItem(e.target.value)} />
            <button
              type="button"
              className="button"
              disabled={!newItem.trim()}
              onClick={() => {
                setChecks((list) => [...list, { item: newItem.trim(), state: 'ok' }]);
                setNewItem('');
              }}
            >
              {t('insp.addItemButton')}
            </button>
          </div>
          <TextAreaField name="findings" label={field('findings')} hint={t('insp.findingsHint')} rows={4} value={findings} onChange={(e) => setFindings(e.target.value)} error={form.errors.findings} />
        </fieldset>

        <fieldset>
          <legend>{field('violations')}</legend>
          <p className="hint">{t('insp.violationsHint')}</p>
          <ul className="violation-choices">
            {catalogue.map((v, n) => {
              const state = violations[v.code] ?? { chosen: false, note: '' };
              const index = chosen.findIndex((c) => c.code === v.code);
              return (
                <li key={v.code}>
                  <CheckboxField
                    name={`violation-${v.code}`}
                    label={v.name}
                    checked={state.chosen}
                    onChange={(e) => setViolations({ ...violations, [v.code]: { ...state, chosen: e.target.checked } })}
                    error={index >= 0 ? form.errors[`violations.${index}.code`] : undefined}
                  />
                  <p className="muted small violation-basis">
                    {v.legalBasis}
                    {v.fineMin !== null && v.fineMax !== null && <> · {t('insp.fineRange', { min: formatNumberVi(v.fineMin), max: formatNumberVi(v.fineMax) })}</>}
                  </p>
                  {state.chosen && (
                    <TextField
                      name={index >= 0 ? `violations.${index}.note` : `violation-note-${n}`}
                      label={t('insp.violationNote', { name: v.name })}
                      value={state.note}
                      onChange={(e) => setViolations({ ...violations, [v.code]: { ...state, note: e.target.value } })}
                      error={index >= 0 ? form.errors[`violations.${index}.note`] : undefined}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>

        <fieldset>
          <legend>{field('sanction')}</legend>
          <CheckboxField name="sanction" label={t('insp.withSanction')} checked={withSanction} onChange={(e) => setWithSanction(e.target.checked)} error={form.errors.sanction} />
          {withSanction && (
            <>
              <div className="field-row">
                <TextField name="sanction.decisionNo" label={field('decisionNo')} hint={t('insp.decisionNoHint')} value={sanction.decisionNo} onChange={(e) => setSanction({ ...sanction, decisionNo: e.target.value })} error={form.errors['sanction.decisionNo']} required />
                <DateField name="sanction.decisionDate" label={field('decisionDate')} value={sanction.decisionDate} onChange={(v) => setSanction({ ...sanction, decisionDate: v })} error={form.errors['sanction.decisionDate']} required />
              </div>
              <TextField name="sanction.issuer" label={field('issuer')} hint={t('insp.issuerHint')} value={sanction.issuer} onChange={(e) => setSanction({ ...sanction, issuer: e.target.value })} error={form.errors['sanction.issuer']} required />
              <FieldShell
                name="sanction.fineAmount"
                label={t('insp.fineLabel')}
                hint={fine !== undefined && Number.isFinite(fine) && fine > 0 ? <Money amount={fine} /> : t('insp.fineHint')}
                error={form.errors['sanction.fineAmount']}
                required
              >
                {(control) => <input type="text" inputMode="numeric" name="sanction.fineAmount" value={sanction.fineAmount} onChange={(e) => setSanction({ ...sanction, fineAmount: e.target.value })} {...control} />}
              </FieldShell>
              <TextAreaField
                name="sanction.additionalMeasures"
                label={field('additionalMeasures')}
                hint={t('insp.measuresHint')}
                rows={2}
                value={sanction.additionalMeasures}
                onChange={(e) => setSanction({ ...sanction, additionalMeasures: e.target.value })}
                error={form.errors['sanction.additionalMeasures']}
              />
            </>
          )}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('insp.record.submit')}
          </button>
          <Link className="button" to={`/establishments/${establishment.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
