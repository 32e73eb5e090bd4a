import { errorBody } from '@samhandling/contracts';
import { z } from 'zod';
import type { RouteDefinition } from './route.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

/** OpenAPI 3.1 generated from the same zod contracts that validate requests. */
export function buildOpenApi(routes: RouteDefinition[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: location, required: location === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    }
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: route.tags,
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      'x-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries([
                ['application/json', { schema: jsonSchema(route.body, 'input') }],
                ...(route.accepts ?? []).map((type) => [type, { schema: { type: 'string' } }]),
              ]),
            },
          }
        : {}),
      ...(route.upload
        ? {
            requestBody: {
              required: true,
              description: route.upload.description,
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', required: [route.upload.field], properties: { [route.upload.field]: { type: 'string', format: 'binary', maxLength: route.upload.maxBytes } } },
                },
              },
            },
          }
        : {}),
      responses: {
        [status]: route.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : { description: 'OK' },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Samhandling API',
      version,
      description:
        'The open API of Samhandling. Authenticate with the session cookie (browser; state changes need a same-origin Origin header) or with a personal API token as `Authorization: Bearer smh_…`. Errors answer `{ error: { code, message, fields } }` in Swedish or English (Accept-Language).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'samhandling_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: jsonSchema(errorBody, 'output') },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
