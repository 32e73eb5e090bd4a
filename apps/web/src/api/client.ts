import i18n from '../i18n/index.ts';

export interface ApiErrorBody {
  code: string;
  message: string;
  fields: Record<string, string>;
  requestId?: string;
}

/** An error answered by the API: its message and field messages are already translated. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly requestId: string | undefined;
  /** Anything more the API said, e.g. `duplicates` on a near-duplicate organisation. */
  readonly extra: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody & Record<string, unknown>) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.requestId = body.requestId;
    const { code: _c, message: _m, fields: _f, requestId: _r, ...extra } = body;
    this.extra = extra;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  /** A JSON body, sent as application/json. */
  json?: unknown;
  /** A raw text body (e.g. CSV) with its content type. */
  text?: { body: string; contentType: string };
  /** A multipart/form-data body (file uploads); the browser sets its boundary. */
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers (e.g. a board participant's token). */
  headers?: Record<string, string>;
}

/**
 * Every call to the API goes through here: same-origin fetch with the session cookie, so the
 * browser adds the Origin header the server's CSRF check needs; JSON in and out; the UI language
 * as Accept-Language so that the server's messages come in the same language.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'sv',
    ...options.headers,
  };
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.form) {
    body = options.form;
  }
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      mode: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network'), fields: {} });
  }
  if (response.status === 204) return undefined as T;
  const contentType = response.headers.get('content-type') ?? '';
  const data: unknown = contentType.includes('application/json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const err = (data as { error?: ApiErrorBody & Record<string, unknown> } | null)?.error;
    throw new ApiError(response.status, {
      ...err,
      code: err?.code ?? 'internal',
      message: err?.message ?? i18n.t('errors.unexpected'),
      fields: err?.fields ?? {},
      requestId: err?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    });
  }
  return data as T;
}
