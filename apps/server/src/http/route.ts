import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { RequestContext } from '../platform/actor.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The coarse gate checked before the handler runs. Resource-level rules (may this user edit
 * this space?) are policies called by the services.
 */
export type Access = 'public' | 'signed_in' | 'admin';

export interface RouteInput<P, Q, B> {
  ctx: RequestContext;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  url: string;
  access: Access;
  /** Only with a browser session, never with an API token (token, session and password management). */
  sessionOnly?: boolean;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Body content types this route accepts besides JSON (e.g. text/csv). */
  accepts?: string[];
  /** A multipart/form-data upload: the file field's name (read it with `readUpload`, http/upload.ts). */
  upload?: { field: string; description: string; maxBytes: number };
  status?: number;
  /** Whether the answer may hold personal data (default: yes unless the route is public). */
  personal?: boolean;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
  /**
   * Also answers WebSocket upgrades on this GET route (the plain GET stays as it is). Access and
   * params are checked as for the GET; the socket's own messages are the handler's to validate.
   */
  websocket?(input: SocketInput<z.output<P>, z.output<Q>>): void;
}

export interface SocketInput<P, Q> {
  ctx: RequestContext;
  params: P;
  query: Q;
  socket: WebSocket;
  request: FastifyRequest;
}

/** Identity function that keeps the zod types flowing into the handler. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition {
  return route as unknown as RouteDefinition;
}
