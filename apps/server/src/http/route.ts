import type { Access, Endpoint, EndpointParsed, EndpointResponse, HttpMethod, Upload } from '@samhandling/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { RequestContext } from '../platform/actor.ts';

export type { Access, HttpMethod };

export interface RouteInput<P, Q, B> {
  ctx: RequestContext;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * What a handler may return: the endpoint's JSON answer (type-checked against its response
 * schema), or — for an endpoint without one (a file, a redirect, 204) — the reply it sent.
 */
export type HandlerResult<E extends Endpoint> = E extends { response: z.ZodType } ? EndpointResponse<E> : FastifyReply | void;

/** The server's half of a route: how it answers the endpoint declared in packages/contracts. */
type Awaitable<T> = T | Promise<T>;

export interface RouteImplementation<E extends Endpoint> {
  /** Whether the answer may hold personal data (default: yes unless the route is public). */
  personal?: boolean;
  handler(input: RouteInput<EndpointParsed<E, 'params'>, EndpointParsed<E, 'query'>, EndpointParsed<E, 'body'>>): Awaitable<HandlerResult<E>>;
  /**
   * Also answers WebSocket upgrades on this GET route (the plain GET stays as it is). Access and
   * params are checked as for the GET; the socket's own messages are the handler's to validate.
   */
  websocket?(input: SocketInput<EndpointParsed<E, 'params'>, EndpointParsed<E, 'query'>>): void;
}

/** A route as the HTTP shell, OpenAPI, the policy matrix and the fuzz test see it: endpoint + implementation. */
export interface RouteDefinition {
  endpoint: Endpoint;
  method: HttpMethod;
  url: string;
  access: Access;
  /** Only with a browser session, never with an API token (token, session and password management). */
  sessionOnly?: boolean | undefined;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  body?: z.ZodType | undefined;
  response?: z.ZodType | undefined;
  accepts?: readonly string[] | undefined;
  upload?: Upload | undefined;
  status?: number | undefined;
  personal?: boolean | undefined;
  handler(input: RouteInput<any, any, any>): Promise<unknown>;
  websocket?(input: SocketInput<any, any>): void;
}

export interface SocketInput<P, Q> {
  ctx: RequestContext;
  params: P;
  query: Q;
  socket: WebSocket;
  request: FastifyRequest;
}

/** Binds an endpoint of the contract table to its handler; the handler's types come from the endpoint. */
export function defineRoute<E extends Endpoint>(endpoint: E, implementation: RouteImplementation<E>): RouteDefinition {
  const { path, ...rest } = endpoint;
  return {
    ...rest,
    endpoint,
    url: path,
    personal: implementation.personal,
    handler: async (input) => implementation.handler(input),
    ...(implementation.websocket ? { websocket: implementation.websocket as RouteDefinition['websocket'] } : {}),
  };
}
