import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage, fieldLabel, localizedIssueMessage, parseDateVi, type TFieldError } from '@pcmd/contracts';
import { currentLocale } from '../app/i18n';
import { translate } from '../app/messages';
import { ApiError, toApiError } from './api-client';

export type FieldErrors = Record<string, string>;

const pathParts = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** dd/mm/yyyy as typed by a person: also d/m/yyyy, dd.mm.yyyy, dd-mm-yyyy, ddmmyyyy (phone keypads) and yyyy-mm-dd. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  if (/^\d{8}$/.test(s)) return parseDateVi(`${s.slice(0, 2)}/${s.slice(2, 4)}/${s.slice(4)}`);
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(s)) return parseDateVi(s.replace(/[.-]/g, '/'));
  return parseDateVi(s);
}

/** Reads an optional date field into yyyy-mm-dd; a date that cannot be read is added to `errors` under `path`. */
export function readDate(text: string, path: string, errors: TFieldError[]): string | undefined {
  if (!text.trim()) return undefined;
  const iso = parseDateInput(text);
  if (!iso) errors.push({ path, message: translate(currentLocale(), 'form.dateInvalid', { field: fieldLabel(pathParts(path), currentLocale()) }) });
  return iso ?? undefined;
}

/** "«Đơn vị cấp trên» là bắt buộc", worded as zod words it, for a choice the form checks itself. */
export function missingField(path: string): TFieldError {
  const issue = { code: 'invalid_type', expected: 'number', input: undefined, path: pathParts(path) };
  return { path, message: localizedIssueMessage(issue as Parameters<typeof localizedIssueMessage>[0], currentLocale()) };
}

/**
 * Checks form input with the same zod schema the server uses, so the user sees the server's (localized) messages
 * before a round trip. Throws an ApiError shaped like the server's VALIDATION_FAILED answer.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, earlier: TFieldError[] = []): z.output<S> {
  const result = schema.safeParse(input);
  const fields = [...earlier];
  if (!result.success)
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!fields.some((f) => f.path === path)) fields.push({ path, message: issue.message });
    }
  if (fields.length) throw new ApiError(400, 'VALIDATION_FAILED', errorMessage('VALIDATION_FAILED', currentLocale()), fields);
  return (result as { data: z.output<S> }).data;
}

/** Submission state of a form: busy flag, the last failure, and its per-field messages. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const errors: FieldErrors = {};
  for (const f of failure?.fields ?? []) errors[f.path] ??= f.message;

  /** Runs the action; returns true when it succeeded. */
  async function run(action: () => Promise<void>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (err) {
      setFailure(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, errors, run };
}

/**
 * A number as typed by a Vietnamese user: "87,5" or "87.5" for a decimal, "1.234" or "1 234" grouped thousands.
 * Returns undefined for an empty field and NaN for text that is not a number.
 */
export function parseNumberInput(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return undefined;
  // Dots followed by exactly three digits are thousands separators (1.234.567); a comma is the decimal mark.
  const normalized = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** Reads a number field into `errors` under `path` when it is not a number; undefined when empty. */
export function readNumber(text: string, path: string, label: string, errors: TFieldError[]): number | undefined {
  const n = parseNumberInput(text);
  if (n !== undefined && Number.isNaN(n)) {
    errors.push({ path, message: translate(currentLocale(), 'form.numberInvalid', { field: label }) });
    return undefined;
  }
  return n;
}

/** The day after an ISO date: the server keeps period ends exclusive, people type the last day. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
