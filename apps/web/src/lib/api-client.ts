import type { TErrorResponse, TFieldError } from '@pcmd/contracts';
import { currentLocale } from '../app/i18n';
import { translate } from '../app/messages';

export type TImportRowError = NonNullable<TErrorResponse['error']['rows']>[number];

/** A failed API call in the server's one error shape, so a form can place `fields` next to its inputs. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: TFieldError[] = [],
    readonly rows: TImportRowError[] = [],
    readonly requestId = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

let onUnauthenticated: (() => void) | null = null;

/** The session provider learns here that the server no longer knows the session (expired, or ended elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** `/api/units/search?q=…`, leaving out empty values so the server applies its defaults. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-pcmd-locale': currentLocale() };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK', translate(currentLocale(), 'error.network'));
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  if (response.ok) return payload as T;

  const error = (payload as Partial<TErrorResponse> | null)?.error;
  if (!error) throw new ApiError(response.status, `HTTP_${response.status}`, translate(currentLocale(), 'error.http', { status: response.status }));
  if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  throw new ApiError(response.status, error.code, error.message, error.fields, error.rows, error.requestId);
}

/** Typed calls to the PCMD API (JSON, same-origin session cookie, the user's locale for server messages). */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, json: unknown = {}) => request<T>('POST', path, { json }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  put: <T>(path: string, json: unknown) => request<T>('PUT', path, { json }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};

/** Anything thrown by a call, as an ApiError the UI can show. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'CLIENT', err instanceof Error ? err.message : String(err));
}
