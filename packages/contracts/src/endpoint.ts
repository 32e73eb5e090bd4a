import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The coarse gate checked before the handler runs. Resource-level rules (may this user edit
 * this space?) are policies called by the server's services.
 */
export type Access = 'public' | 'signed_in' | 'admin';

/** A multipart/form-data upload: one file in `field`, at most `maxBytes`. */
export interface Upload {
  field: string;
  description: string;
  maxBytes: number;
}

/**
 * One endpoint of the API, declared once: the server implements it (http/route.ts), the web calls
 * it through the typed client (apps/web/src/api/client.ts) and /api/openapi.json describes it.
 * A JSON answer must match `response`; tests and development check every answer against it.
 * An endpoint without `response` answers a file, a redirect or 204 No Content.
 */
export interface Endpoint {
  method: HttpMethod;
  /** `:name` segments are path parameters, described by `params`. */
  path: `/api/${string}`;
  access: Access;
  /** Only with a browser session, never with an API token: token, session and password management (403 for a token). */
  sessionOnly?: boolean;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Body content types accepted besides JSON (e.g. text/csv, handed to `body` as `{ csv }`). */
  accepts?: readonly string[];
  upload?: Upload;
  response?: z.ZodType;
  /** The success status (200 unless said). */
  status?: number;
}

/** Declares an endpoint, keeping its exact schema types for the server's handler and the web client. */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}

type SchemaOf<E, K extends 'params' | 'query' | 'body' | 'response'> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What a caller sends (before parsing): params, query and body as the schemas accept them. */
export type EndpointInput<E, K extends 'params' | 'query' | 'body'> =
  SchemaOf<E, K> extends z.ZodType ? z.input<SchemaOf<E, K>> : undefined;
/** What the server's handler receives (after parsing). */
export type EndpointParsed<E, K extends 'params' | 'query' | 'body'> =
  SchemaOf<E, K> extends z.ZodType ? z.output<SchemaOf<E, K>> : undefined;
/** The JSON answer of an endpoint (what the handler returns and the caller receives). */
export type EndpointResponse<E> = SchemaOf<E, 'response'> extends z.ZodType ? z.input<SchemaOf<E, 'response'>> : undefined;
/**
 * The answer as a caller reads it: the response schema's output. The server checks (outside
 * production) that every answer parses with the schema, so this is what arrives.
 */
export type EndpointResult<E> = SchemaOf<E, 'response'> extends z.ZodType ? z.output<SchemaOf<E, 'response'>> : undefined;
