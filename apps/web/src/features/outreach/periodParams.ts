import { formatDateVi, type TFieldError } from '@pcmd/contracts';
import { missingField, parseDateInput } from '../../lib/forms';
import type { PeriodInput } from './components/PeriodFields';
import { isPreset, resolvePeriod, vnToday, type Period, type PeriodPreset } from './periods';

const isIso = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The period in a page's address: `period=month`, or `period=custom&from=…&to=…` (ISO dates, `to` inclusive). */
export function readPeriodParams(params: URLSearchParams, fallback: PeriodPreset | ''): { input: PeriodInput; period: Period | null } {
  const raw = params.get('period');
  const preset: PeriodPreset | '' = raw === 'all' ? '' : isPreset(raw) ? raw : fallback;
  const from = params.get('from');
  const to = params.get('to');
  const input: PeriodInput = { preset, from: isIso(from) ? formatDateVi(from) : '', to: isIso(to) ? formatDateVi(to) : '' };
  if (!preset) return { input, period: null };
  return { input, period: resolvePeriod(preset, vnToday(), isIso(from) ? from : undefined, isIso(to) ? to : undefined) };
}

/** Writes a period chosen in the form into `p`; a custom period with dates that cannot be read adds to `errors`. */
export function writePeriodParams(p: URLSearchParams, input: PeriodInput, errors: TFieldError[]) {
  p.set('period', input.preset || 'all');
  if (input.preset !== 'custom') return;
  const from = parseDateInput(input.from);
  const to = parseDateInput(input.to);
  if (!from) errors.push(missingField('from'));
  if (!to) errors.push(missingField('to'));
  if (from) p.set('from', from);
  if (to) p.set('to', to);
}
