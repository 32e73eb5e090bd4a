import { endpoints, type Endpoint, type EndpointInput, type EndpointResult, type Endpoints, type HttpMethod } from '@samhandling/contracts';
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

interface RequestOptions {
  method: HttpMethod;
  /** A JSON body, sent as application/json. */
  json?: unknown;
  /** A raw text body (e.g. CSV) with its content type. */
  text?: { body: string; contentType: string } | undefined;
  /** A multipart/form-data body (file uploads); the browser sets its boundary. */
  form?: FormData | undefined;
  query?: Record<string, unknown> | undefined;
  signal?: AbortSignal | undefined;
  /** Extra request headers (e.g. a board participant's token). */
  headers?: Record<string, string> | undefined;
}

/**
 * Every call to the API goes through here: same-origin fetch with the session cookie, so the
 * browser adds the Origin header the server's CSRF check needs; JSON in and out; the UI language
 * as Accept-Language so that the server's messages come in the same language.
 */
async function send(url: string, options: RequestOptions): Promise<unknown> {
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
  const search = queryString(options.query);
  let response: Response;
  try {
    response = await fetch(search ? `${url}?${search}` : url, {
      method: options.method,
      headers,
      body,
      credentials: 'same-origin',
      mode: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network'), fields: {} });
  }
  if (response.status === 204) return undefined;
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
  return data;
}

function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** An endpoint's path with its `:name` segments filled in (each encoded). */
export function pathOf(endpoint: Endpoint, params: Record<string, unknown> = {}): string {
  return endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

/** One part of a call's options: absent when the endpoint has none, optional when everything in it is. */
type Slot<Name extends string, T> = [T] extends [undefined]
  ? { [P in Name]?: never }
  : object extends T
    ? { [P in Name]?: T }
    : { [P in Name]: T };

/**
 * A body as a form may send it: every field typed as the contract says, but a required one (at any
 * depth) may be left out — the server then names each missing field in the user's language, as it does for any
 * other mistake, so forms need not repeat its rules.
 */
export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { [K in keyof T]?: Draft<T[K]> } : T;

/**
 * A query as a page may send it: the endpoint's own keys, with values as they come from the
 * address or a filter (strings, numbers, booleans; empty ones are left out). The server parses and
 * checks them and names any wrong one.
 */
export type QueryDraft<T> = T extends object ? { [K in keyof T]?: T[K] | string | number | boolean | null } : T;

/** What a call sends: the endpoint's params, query and body as its schemas accept them. */
export type CallOptions<E extends Endpoint> = Slot<'params', EndpointInput<E, 'params'>> &
  Slot<'query', QueryDraft<EndpointInput<E, 'query'>>> &
  (E extends { upload: object }
    ? { form: FormData }
    : E extends { accepts: readonly string[] }
      ? { body?: Draft<EndpointInput<E, 'body'>>; text?: { body: string; contentType: E['accepts'][number] } }
      : Slot<'body', Draft<EndpointInput<E, 'body'>>>) & {
    signal?: AbortSignal | undefined;
    headers?: Record<string, string> | undefined;
  };

/** What a call answers: the endpoint's response (nothing for 204). */
export type CallResult<E extends Endpoint> = EndpointResult<E> extends undefined ? void : EndpointResult<E>;

export type Call<E extends Endpoint> =
  object extends CallOptions<E>
    ? (options?: CallOptions<E>) => Promise<CallResult<E>>
    : (options: CallOptions<E>) => Promise<CallResult<E>>;

export type Client = { [K in keyof Endpoints]: Call<Endpoints[K]> };

function callOf(endpoint: Endpoint) {
  return (
    options: {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
      form?: FormData;
      text?: { body: string; contentType: string };
      signal?: AbortSignal;
      headers?: Record<string, string>;
    } = {},
  ) =>
    send(pathOf(endpoint, options.params), {
      method: endpoint.method,
      json: options.form || options.text ? undefined : (options.body ?? (endpoint.body ? {} : undefined)),
      text: options.text,
      form: options.form,
      query: options.query,
      signal: options.signal,
      headers: options.headers,
    });
}

/**
 * The typed API client, one function per endpoint of the contract table (packages/contracts):
 * `api.getSpace({ params: { id } })` answers a `Space`. No URLs, no casts: a wrong field, a
 * missing param or a misspelt endpoint fails typecheck.
 */
export const api = Object.fromEntries(Object.entries(endpoints).map(([name, endpoint]) => [name, callOf(endpoint)])) as unknown as Client;
