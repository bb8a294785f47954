import { z } from 'zod';
import { fieldLabel, type TLocale } from './i18n.js';

let localeSource: () => TLocale = () => 'vi';

/** The server reads the locale of the current request, the web its own setting. */
export function setValidationLocaleSource(source: () => TLocale): void {
  localeSource = source;
}

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'đúng/sai', en: 'true or false' },
  array: { vi: 'danh sách', en: 'a list' },
  object: { vi: 'đối tượng', en: 'an object' },
  date: { vi: 'ngày', en: 'a date' },
};

type RawIssue = z.core.$ZodRawIssue;

function describe(issue: RawIssue, locale: TLocale): string {
  const vi = locale === 'vi';
  const i = issue as RawIssue & Record<string, unknown>;
  const missing = issue.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code ?? '');
  if (missing) return vi ? 'là bắt buộc' : 'is required';
  if (issue.code === 'invalid_union' && typeof i.discriminator === 'string') {
    const given = (issue.input as Record<string, unknown> | undefined)?.[i.discriminator];
    if (given === undefined) return vi ? 'là bắt buộc' : 'is required';
    const options = ((i.options as unknown[]) ?? []).map(String).join(', ');
    return vi ? `phải là một trong: ${options}` : `must be one of: ${options}`;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const t = TYPE_NAMES[String(i.expected)]?.[locale] ?? String(i.expected);
      return vi ? `phải là ${t}` : `must be ${t}`;
    }
    case 'too_big':
      if (i.origin === 'string') return vi ? `dài tối đa ${i.maximum} ký tự` : `must be at most ${i.maximum} characters`;
      if (i.origin === 'array') return vi ? `có tối đa ${i.maximum} phần tử` : `must have at most ${i.maximum} items`;
      return vi ? `không được lớn hơn ${i.maximum}` : `must be at most ${i.maximum}`;
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1
          ? vi ? 'không được để trống' : 'must not be empty'
          : vi ? `dài ít nhất ${i.minimum} ký tự` : `must be at least ${i.minimum} characters`;
      if (i.origin === 'array') return vi ? `cần ít nhất ${i.minimum} phần tử` : `needs at least ${i.minimum} items`;
      return vi ? `không được nhỏ hơn ${i.minimum}` : `must be at least ${i.minimum}`;
    case 'invalid_value': {
      const values = (i.values as unknown[] | undefined)?.map(String).join(', ') ?? '';
      return vi ? `phải là một trong: ${values}` : `must be one of: ${values}`;
    }
    case 'invalid_format':
      if (i.format === 'regex' && typeof i.pattern !== 'undefined' && String(i.pattern).includes('\\d{4}-'))
        return vi ? 'phải là ngày dạng yyyy-mm-dd' : 'must be a date as yyyy-mm-dd';
      return vi ? 'không đúng định dạng' : 'has the wrong format';
    case 'unrecognized_keys': {
      const keys = (i.keys as string[]).join(', ');
      return vi ? `có trường không được phép: ${keys}` : `has fields that are not allowed: ${keys}`;
    }
    case 'custom':
      if ((i.params as { reason?: string } | undefined)?.reason === 'no_such_date') return vi ? 'không phải ngày có thật' : 'is not a real date';
      return String(i.message ?? (vi ? 'không hợp lệ' : 'is invalid'));
    default:
      return vi ? 'không hợp lệ' : 'is invalid';
  }
}

/** A message that names the field, e.g. «Tên đăng nhập» là bắt buộc. */
export function localizedIssueMessage(issue: RawIssue, locale: TLocale): string {
  return `«${fieldLabel(issue.path ?? [], locale)}» ${describe(issue, locale)}`;
}

z.config({ customError: (issue) => localizedIssueMessage(issue, localeSource()) });

/** One field error of a validation failure, with the path the form uses to place it. */
export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

/** A calendar date as yyyy-mm-dd (the UI shows dd/mm/yyyy). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    params: { reason: 'no_such_date' },
  });

/** A record id in a JSON body. */
export const ZId = z.number().int().positive().max(2_147_483_647);
/** A record id in a path or query string, where it arrives as text. */
export const ZIdParam = z.coerce.number().int().positive().max(2_147_483_647);
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
