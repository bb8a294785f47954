import { useState, type FormEvent } from 'react';
import { ZUpdatePlanRequest, formatDateVi, type TFieldError, type TPlan, type TReportingCalendar } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { SuccessNotice } from '../../../components/Status';
import { ApiError } from '../../../lib/api-client';
import { missingField, parseInput, readDate, readNumber, useSubmit } from '../../../lib/forms';
import { updatePlan } from '../api';
import { periodText } from '../periods';
import { PlanStatus } from './PlanBits';

const CALENDAR_KEYS = ['yearStart', 'sixMonthEnd', 'yearEnd', 'sixMonthDue', 'annualDue'] as const satisfies readonly (keyof TReportingCalendar)[];
const TEXT_KEYS = ['preamble', 'purposes', 'requirements', 'generalObjective', 'budget'] as const;

/** "12-15" (as stored) → "15/12" (as written). */
const monthDayText = (md: string) => `${md.slice(3, 5)}/${md.slice(0, 2)}`;

/** "15/12" or "15-12" → "12-15"; null unless it is a day of the year. */
function readMonthDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  const probe = new Date(Date.UTC(2024, month - 1, day)); // a leap year, so 29/02 counts
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Mẫu", the signature block as the document prints it. */
function signatureLines(plan: TPlan): string[] {
  const head = plan.signingMode === 'TM' ? 'TM. ỦY BAN NHÂN DÂN' : 'KT. CHỦ TỊCH';
  return [head, plan.signerTitle, plan.signerName].filter(Boolean);
}

/** The plan's general information; editors switch to a form that sends only what changed. */
export function PlanInfo({ plan, editable, onSaved }: { plan: TPlan; editable: boolean; onSaved: (plan: TPlan) => void }) {
  const { t, field } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (editing)
    return (
      <PlanInfoForm
        plan={plan}
        onCancel={() => setEditing(false)}
        onSaved={(next) => {
          onSaved(next);
          setEditing(false);
          setSaved(true);
        }}
      />
    );
  const calendar = plan.reportingCalendar;
  return (
    <>
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      {editable && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('plans.info.edit')}
          </button>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{field('numberSymbol')}</dt>
          <dd>{plan.numberSymbol ?? <span className="muted">{t('plans.noNumber')}</span>}</dd>
        </div>
        <div>
          <dt>{field('issueDate')}</dt>
          <dd>{plan.issueDate ? formatDateVi(plan.issueDate) : <span className="muted">{t('plans.notIssued')}</span>}</dd>
        </div>
        <div>
          <dt>{t('plans.field.unit')}</dt>
          <dd>
            {plan.unitName} <span className="muted small">({plan.placeName})</span>
          </dd>
        </div>
        <div>
          <dt>{t('plans.field.period')}</dt>
          <dd>{periodText(plan)}</dd>
        </div>
        <div>
          <dt>{field('status')}</dt>
          <dd>
            <PlanStatus status={plan.status} />
          </dd>
        </div>
        <div>
          <dt>{t('plans.field.signer')}</dt>
          <dd>
            {signatureLines(plan).map((line, i) => (
              <span key={i} className="block">
                {line}
              </span>
            ))}
            {!plan.signerName && <span className="muted small block">{t('plans.info.noSigner')}</span>}
          </dd>
        </div>
      </dl>

      <div className="text-blocks">
        <h3>{field('subject')}</h3>
        <p>{plan.subject}</p>
        {TEXT_KEYS.filter((k) => plan[k].trim()).map((k) => (
          <div key={k}>
            <h3>{field(k)}</h3>
            <p className="pre-line">{plan[k]}</p>
          </div>
        ))}
        <h3>{field('recipients')}</h3>
        {plan.recipients.length === 0 ? (
          <p className="muted">{t('plans.info.noRecipients')}</p>
        ) : (
          <ul className="plain">
            {plan.recipients.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
        <h3>{field('reportingCalendar')}</h3>
        <ul className="plain">
          <li>{t('plans.calendar.year', { from: monthDayText(calendar.yearStart), to: monthDayText(calendar.yearEnd) })}</li>
          <li>{t('plans.calendar.half', { from: monthDayText(calendar.yearStart), to: monthDayText(calendar.sixMonthEnd) })}</li>
          <li>{t('plans.calendar.due', { half: monthDayText(calendar.sixMonthDue), year: monthDayText(calendar.annualDue) })}</li>
        </ul>
      </div>
    </>
  );
}

function PlanInfoForm({ plan, onSaved, onCancel }: { plan: TPlan; onSaved: (plan: TPlan) => void; onCancel: () => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [numberSymbol, setNumberSymbol] = useState(plan.numberSymbol ?? '');
  const [issueDate, setIssueDate] = useState(formatDateVi(plan.issueDate));
  const [placeName, setPlaceName] = useState(plan.placeName);
  const [subject, setSubject] = useState(plan.subject);
  const [fromYear, setFromYear] = useState(String(plan.periodFromYear));
  const [toYear, setToYear] = useState(String(plan.periodToYear));
  const [status, setStatus] = useState(plan.status);
  const [signingMode, setSigningMode] = useState(plan.signingMode);
  const [signerTitle, setSignerTitle] = useState(plan.signerTitle);
  const [signerName, setSignerName] = useState(plan.signerName);
  const [recipients, setRecipients] = useState(plan.recipients.join('\n'));
  const [calendar, setCalendar] = useState<Record<(typeof CALENDAR_KEYS)[number], string>>(
    () => Object.fromEntries(CALENDAR_KEYS.map((k) => [k, monthDayText(plan.reportingCalendar[k])])) as Record<(typeof CALENDAR_KEYS)[number], string>,
  );
  const [texts, setTexts] = useState<Record<(typeof TEXT_KEYS)[number], string>>(
    () => Object.fromEntries(TEXT_KEYS.map((k) => [k, plan[k]])) as Record<(typeof TEXT_KEYS)[number], string>,
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const patch: Record<string, unknown> = {};
      const number = numberSymbol.trim() || null;
      if (number !== plan.numberSymbol) patch.numberSymbol = number;
      const date = readDate(issueDate, 'issueDate', errors) ?? null;
      if (date !== plan.issueDate && !errors.some((f) => f.path === 'issueDate')) patch.issueDate = date;
      if (placeName.trim() !== plan.placeName) patch.placeName = placeName;
      if (subject.trim() !== plan.subject) patch.subject = subject;
      const from = readNumber(fromYear, 'periodFromYear', field('periodFromYear'), errors);
      const to = readNumber(toYear, 'periodToYear', field('periodToYear'), errors);
      if (!fromYear.trim()) errors.push(missingField('periodFromYear'));
      else if (from !== undefined && from !== plan.periodFromYear) patch.periodFromYear = from;
      if (!toYear.trim()) errors.push(missingField('periodToYear'));
      else if (to !== undefined && to !== plan.periodToYear) patch.periodToYear = to;
      if (status !== plan.status) patch.status = status;
      if (signingMode !== plan.signingMode) patch.signingMode = signingMode;
      if (signerTitle.trim() !== plan.signerTitle) patch.signerTitle = signerTitle;
      if (signerName.trim() !== plan.signerName) patch.signerName = signerName;
      const list = recipients.split('\n').map((r) => r.trim()).filter(Boolean);
      if (list.join('\n') !== plan.recipients.join('\n')) patch.recipients = list;
      const nextCalendar: Record<string, string> = {};
      for (const k of CALENDAR_KEYS) {
        const md = readMonthDay(calendar[k]);
        if (!md) errors.push({ path: `reportingCalendar.${k}`, message: t('plans.calendar.invalid', { field: field(k) }) });
        nextCalendar[k] = md ?? plan.reportingCalendar[k];
      }
      if (CALENDAR_KEYS.some((k) => nextCalendar[k] !== plan.reportingCalendar[k])) patch.reportingCalendar = nextCalendar;
      for (const k of TEXT_KEYS) if (texts[k] !== plan[k]) patch[k] = texts[k];
      if (Object.keys(patch).length === 0 && errors.length === 0) throw new ApiError(400, 'NO_CHANGES', t('form.noChanges'));
      onSaved(await updatePlan(plan.id, parseInput(ZUpdatePlanRequest, patch, errors)));
    });
  };

  const text = (k: (typeof TEXT_KEYS)[number], rows = 3) => (
    <TextAreaField name={k} label={field(k)} rows={rows} value={texts[k]} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} error={form.errors[k]} />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form form-wide" aria-label={t('plans.info.edit')}>
      <FormErrors failure={form.failure} />
      <fieldset>
        <legend>{t('plans.info.document')}</legend>
        <div className="field-row">
          <TextField name="numberSymbol" label={field('numberSymbol')} hint={t('plans.numberHint')} value={numberSymbol} onChange={(e) => setNumberSymbol(e.target.value)} error={form.errors.numberSymbol} />
          <DateField name="issueDate" label={field('issueDate')} value={issueDate} onChange={setIssueDate} error={form.errors.issueDate} />
        </div>
        <TextField name="placeName" label={field('placeName')} hint={t('plans.placeHint')} value={placeName} onChange={(e) => setPlaceName(e.target.value)} error={form.errors.placeName} required />
        <TextAreaField name="subject" label={field('subject')} rows={2} value={subject} onChange={(e) => setSubject(e.target.value)} error={form.errors.subject} required />
        <div className="field-row">
          <TextField name="periodFromYear" label={field('periodFromYear')} inputMode="numeric" maxLength={4} value={fromYear} onChange={(e) => setFromYear(e.target.value)} error={form.errors.periodFromYear} required />
          <TextField name="periodToYear" label={field('periodToYear')} inputMode="numeric" maxLength={4} value={toYear} onChange={(e) => setToYear(e.target.value)} error={form.errors.periodToYear} required />
        </div>
        <SelectField name="status" label={field('status')} value={status} onChange={(e) => setStatus(e.target.value as TPlan['status'])} error={form.errors.status}>
          <option value="draft">{t('plans.status.draft')}</option>
          <option value="issued">{t('plans.status.issued')}</option>
          <option value="superseded">{t('plans.status.superseded')}</option>
        </SelectField>
      </fieldset>
      <fieldset>
        <legend>{t('plans.field.signer')}</legend>
        <SelectField name="signingMode" label={field('signingMode')} value={signingMode} onChange={(e) => setSigningMode(e.target.value as TPlan['signingMode'])} error={form.errors.signingMode}>
          <option value="TM">{t('plans.signing.TM')}</option>
          <option value="KT">{t('plans.signing.KT')}</option>
        </SelectField>
        <div className="field-row">
          <TextField name="signerTitle" label={field('signerTitle')} hint={t('plans.signerTitleHint')} value={signerTitle} onChange={(e) => setSignerTitle(e.target.value)} error={form.errors.signerTitle} />
          <TextField name="signerName" label={field('signerName')} value={signerName} onChange={(e) => setSignerName(e.target.value)} error={form.errors.signerName} />
        </div>
        <TextAreaField name="recipients" label={field('recipients')} hint={t('plans.recipientsHint')} rows={5} value={recipients} onChange={(e) => setRecipients(e.target.value)} error={form.errors.recipients} />
      </fieldset>
      <fieldset>
        <legend>{field('reportingCalendar')}</legend>
        <p className="hint">{t('plans.calendar.hint')}</p>
        <div className="field-row field-row-3">
          {CALENDAR_KEYS.map((k) => (
            <TextField
              key={k}
              name={`reportingCalendar.${k}`}
              label={field(k)}
              placeholder="dd/mm"
              inputMode="numeric"
              maxLength={5}
              value={calendar[k]}
              onChange={(e) => setCalendar({ ...calendar, [k]: e.target.value })}
              error={form.errors[`reportingCalendar.${k}`]}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('plans.info.texts')}</legend>
        {text('preamble')}
        {text('purposes')}
        {text('requirements')}
        {text('generalObjective', 4)}
        {text('budget')}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
