import { endpoint, endpoints } from '@samhandling/contracts';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { Client, createTestApp, TEST_DATABASE_URL, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports ok, the database kind and the version', async () => {
    const answer = await t.client().get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', database: TEST_DATABASE_URL ? 'postgres' : 'pglite', version: 'test' });
  });
});

describe('GET /api/settings', () => {
  it('tells the web app whether OIDC and a basemap are configured', async () => {
    const answer = await t.client().call(endpoints.getSettings);
    expect(answer.body).toMatchObject({ mapStyleUrl: null, oidc: null });
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing the fixed routes with their schemas', async () => {
    const answer = await t.client().get('/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    const paths = answer.body.paths;
    for (const path of ['/api/health', '/api/auth/sign-in', '/api/me', '/api/counties', '/api/municipalities', '/api/municipalities/{code}', '/api/spaces', '/api/spaces/{id}', '/api/spaces/{id}/members', '/api/admin/outbox']) {
      expect(paths, path).toHaveProperty([path]);
    }
    const createSpace = paths['/api/spaces'].post;
    expect(createSpace.requestBody.content['application/json'].schema.properties).toHaveProperty('municipalityCodes');
    expect(createSpace.requestBody.content['application/json'].schema.properties.kind.enum).toEqual(['project', 'municipal', 'regional', 'alliance']);
    expect(paths['/api/spaces/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and a referrer policy', async () => {
    const answer = await t.client().get('/api/health');
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks answers that may hold personal data as not to be stored', async () => {
    const { client } = await t.user();
    const answer = await client.get('/api/me');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

describe('bad requests', () => {
  it('answers an unknown API path with a translated 404 error body', async () => {
    const answer = await t.client().get('/api/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'not_found', message: 'Det finns ingen sådan adress i API:et.', fields: {} });
  });

  it('refuses a body over the size limit with 413', async () => {
    const answer = await t.client().post('/api/auth/sign-in', { email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('payload_too_large');
  });

  it('refuses a body of the wrong content type with 415', async () => {
    const answer = await t.client().request('POST', '/api/auth/sign-in', '<xml/>', { 'content-type': 'application/xml' });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
    const csv = await t.client().request('POST', '/api/auth/sign-in', 'email,password', { 'content-type': 'text/csv' });
    expect(csv.status).toBe(415);
  });

  it('refuses malformed JSON with a clear message', async () => {
    const answer = await t.client().request('POST', '/api/auth/sign-in', '{"email":', { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Innehållet är inte giltig JSON.');
  });

  it('reports every invalid field at once, in Swedish by default and English on request', async () => {
    const { client } = await t.user();
    const sv = await client.post('/api/spaces', { name: 'x', kind: 'club', visibility: 'secret', municipalityCodes: ['12'] });
    expect(sv.status).toBe(400);
    expect(sv.body.error.code).toBe('invalid');
    expect(Object.keys(sv.body.error.fields).sort()).toEqual(['kind', 'municipalityCodes.0', 'name', 'visibility']);
    expect(sv.body.error.fields.name).toBe('Måste vara minst 2 tecken.');
    const en = await t.client({ language: 'en-GB,en;q=0.8' }).post('/api/auth/sign-in', { email: 'not-an-address' });
    expect(en.body.error.fields).toEqual({ email: 'Enter a valid e-mail address.', password: 'This field is required.' });
  });
});

describe('the OpenAPI document', () => {
  it('passes an OpenAPI 3.1 schema validator', async () => {
    const answer = await t.client().get('/api/openapi.json');
    const validator = new Validator();
    const result = await validator.validate(answer.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does refuse a broken document (a parameter in no valid place).
    const broken = structuredClone(answer.body);
    broken.paths['/api/spaces/{id}'].get.parameters[0].in = 'body';
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('describes every endpoint of the contract table once, with the same operation as the server serves', async () => {
    const answer = await t.client().get('/api/openapi.json');
    const operations = Object.entries(answer.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const declared = Object.values(endpoints).map((e) => `${e.method} ${e.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect(operations.sort()).toEqual(declared.sort());
  });
});

describe('answers checked against their endpoint contract (tests and development)', () => {
  const probe = endpoint({ method: 'GET', path: '/api/probe', access: 'public', summary: 'probe', tags: ['test'], response: z.object({ count: z.number() }) });
  const noSchema = endpoint({ method: 'GET', path: '/api/probe-plain', access: 'public', summary: 'probe', tags: ['test'] });
  const appWith = (answer: unknown, validateResponses?: boolean) =>
    buildApp(t.deps, {
      logger: false,
      ...(validateResponses === undefined ? {} : { validateResponses }),
      routes: [
        // Deliberately wrong answers: the types are bypassed as a buggy handler's would be at run time.
        defineRoute(probe, { handler: async () => answer as { count: number } }),
        defineRoute(noSchema, { handler: async () => answer as void }),
      ],
    });

  it('passes an answer of the declared shape', async () => {
    const app = await appWith({ count: 3 });
    const answer = await new Client(app).get('/api/probe');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ count: 3 });
    await app.close();
  });

  it('fails loudly (500 naming the endpoint and the field) on an answer of another shape or with undeclared fields', async () => {
    const app = await appWith({ count: 'three' });
    const answer = await new Client(app).get('/api/probe');
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('internal');
    expect(answer.body.error.contract).toMatch(/^GET \/api\/probe: .*count/s);
    const extra = await appWith({ count: 3, passwordHash: 'x' });
    const leaked = await new Client(extra).get('/api/probe');
    expect(leaked.status).toBe(500);
    expect(leaked.body.error.contract).toContain('fields the schema does not declare: passwordHash');
    await extra.close();
    const plain = await new Client(app).get('/api/probe-plain');
    expect(plain.status).toBe(500);
    expect(plain.body.error.contract).toContain('declares no response schema');
    await app.close();
  });

  it('is not checked when switched off (production)', async () => {
    const app = await appWith({ count: 'three' }, false);
    const answer = await new Client(app).get('/api/probe');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ count: 'three' });
    await app.close();
  });
});
