import { ERRORS, type TErrorCode, type TFieldError } from '@pcmd/contracts';

/** A failure the user can act on; the error handler turns it into the API's one error shape. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly extra: { fields?: TFieldError[]; rows?: { row: number; messages: string[] }[]; message?: string } = {},
  ) {
    super(extra.message ?? code);
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const outOfScope = () => new AppError('OUT_OF_SCOPE');
/** A rule broken by one field: shown next to that field. */
export const fieldError = (path: string, message: string) => new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });

/** PostgreSQL's unique violation, whichever driver raised it. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
