import { useEffect, useRef, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import { formatDateVi } from '@pcmd/contracts';
import { useI18n } from '../app/i18n';
import type { ApiError } from '../lib/api-client';
import { parseDateInput } from '../lib/forms';

/** The element id of the input for an API field path, so server errors can link to it ("successors.0.code" → "f-successors-0-code"). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface ShellProps {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; 'aria-required'?: true }) => ReactNode;
}

/** Label, control, hint and error of one form field, wired for screen readers. */
export function FieldShell({ name, label, error, hint, required, children }: ShellProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {/* Screen readers hear "required" from aria-required; the star is for the eye only. */}
        {required && (
          <span className="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required ? true : undefined })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { name: string; label: string; error?: string; hint?: ReactNode; required?: boolean };

export function TextField({ name, label, error, hint, required, ...input }: Common & Omit<ComponentProps<'input'>, 'name' | 'id'>) {
  return (
    <FieldShell name={name} label={label} error={error} hint={hint} required={required}>
      {(control) => <input type="text" name={name} {...input} {...control} />}
    </FieldShell>
  );
}

/** Several lines of text (a section body, a note); grows with its content up to the CSS max-height. */
export function TextAreaField({ name, label, error, hint, required, rows = 4, ...area }: Common & Omit<ComponentProps<'textarea'>, 'name' | 'id'>) {
  return (
    <FieldShell name={name} label={label} error={error} hint={hint} required={required}>
      {(control) => <textarea name={name} rows={rows} {...area} {...control} />}
    </FieldShell>
  );
}

export function SelectField({ name, label, error, hint, required, children, ...select }: Common & Omit<ComponentProps<'select'>, 'name' | 'id'>) {
  return (
    <FieldShell name={name} label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <select name={name} {...select} {...control}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

/** A date typed as dd/mm/yyyy (the same on every browser and locale); tidied to dd/mm/yyyy when the field is left. */
export function DateField({ value, onChange, ...rest }: Common & { value: string; onChange: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <TextField
      {...rest}
      value={value}
      hint={rest.hint ?? t('form.dateHint')}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const iso = parseDateInput(value);
        if (iso) onChange(formatDateVi(iso));
      }}
    />
  );
}

export function CheckboxField({ name, label, error, ...input }: { name: string; label: string; error?: string } & Omit<ComponentProps<'input'>, 'name' | 'id' | 'type'>) {
  const id = fieldId(name);
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input type="checkbox" id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, path: string) {
  const target = document.getElementById(fieldId(path));
  if (!target) return;
  // Focus the input itself (a fragment jump only scrolls) and keep the router's URL untouched.
  event.preventDefault();
  target.focus();
}

/**
 * The error summary at the top of a form (GOV.UK pattern): the server's message and every field message, each linking
 * to its input; it takes focus so the failure is announced. Messages of fields the form has no input for appear only here.
 */
export function FormErrors({ failure }: { failure: ApiError | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice-title">{failure.message}</p>
      {failure.fields.length > 0 && (
        <ul>
          {failure.fields.map((f, i) => (
            <li key={i}>
              <a href={`#${fieldId(f.path)}`} onClick={(e) => focusField(e, f.path)}>
                {f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {failure.requestId && failure.status >= 500 && <p className="muted small">{t('error.requestId', { id: failure.requestId })}</p>}
    </div>
  );
}
