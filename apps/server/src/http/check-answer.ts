import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteDefinition } from './route.ts';

/**
 * In tests and development every answer is checked against its endpoint's response schema, so
 * every API test also checks shapes. A mismatch is the server's bug: it answers 500 with the
 * problems (never in production, where answers are not checked) and logs one clear line.
 */
export function answerBreaksContract(route: RouteDefinition, answer: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  const problem = problemOf(route, answer);
  if (problem === undefined) return false;
  const where = `${route.method} ${route.url}`;
  request.log.error({ route: where, problem }, 'answer does not match its endpoint contract');
  // The test logger is silent: the problem also travels in the 500's body, for the failing test to show.
  void reply
    .status(500)
    .header('Cache-Control', 'no-store')
    .send({ error: { code: 'internal', message: `The answer does not match its endpoint contract`, fields: {}, requestId: request.id, contract: `${where}: ${problem}` } });
  return true;
}

function problemOf(route: RouteDefinition, answer: unknown): string | undefined {
  if (!route.response) {
    if (answer === undefined) return route.status === 204 ? undefined : 'no answer, but the endpoint is not 204 No Content';
    return 'a JSON answer, but the endpoint declares no response schema';
  }
  if (answer === undefined) return 'no answer, but the endpoint declares a response schema';
  // What the client receives: the answer as JSON (dates as strings, undefined fields gone).
  const json: unknown = JSON.parse(JSON.stringify(answer));
  const result = route.response.safeParse(json);
  if (!result.success) return z.prettifyError(result.error);
  // Parsing drops fields the schema does not declare; an answer must not carry any (they would
  // reach clients undocumented, and may hold what was never meant to leave the server).
  const extra = undeclared(json, result.data, '');
  return extra.length > 0 ? `fields the schema does not declare: ${extra.slice(0, 10).join(', ')}` : undefined;
}

function undeclared(answer: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(answer) && Array.isArray(parsed)) return answer.flatMap((item, i) => undeclared(item, parsed[i], `${path}[${i}]`));
  if (!isPlainObject(answer) || !isPlainObject(parsed)) return [];
  return Object.keys(answer).flatMap((key) => {
    const at = path ? `${path}.${key}` : key;
    return key in parsed ? undeclared(answer[key], parsed[key], at) : [at];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
