import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/app.ts';
import { allRoutes } from './routes.ts';

/** No request crashes the server: arbitrary input to every route gives a 2xx/3xx or a clear 4xx. */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user({ isAdmin: true })).client;
});
afterAll(() => t.close());

const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('2422', '0', '-1', '..', '%00'));
const query = fc.dictionary(fc.constantFrom('limit', 'offset', 'q', 'codes', 'county', 'dryRun', 'archived', 'mine', 'from', 'action', 'to'), fc.string({ maxLength: 30 }), { maxKeys: 3 });
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ email: fc.string(), password: fc.string(), name: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] }));

describe('arbitrary input', () => {
  it('never gets a 5xx answer and always gets the error shape on 4xx', async () => {
    const routes = allRoutes(t.deps).filter((r) => !r.url.includes('sign-out') && !r.url.includes('/oidc/'));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 3, maxLength: 3 }), query, body, async (segments, params, payload) => {
          let i = 0;
          const path = route.url.replace(/:\w+/g, () => encodeURIComponent(segments[i++] ?? 'x'));
          const search = new URLSearchParams(params).toString();
          const answer = await admin.request(route.method, path + (search ? `?${search}` : ''), route.method === 'GET' ? undefined : payload);
          expect(answer.status, `${route.method} ${path}`).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.body.error.code).toEqual(expect.any(String));
            expect(answer.body.error.message).toEqual(expect.any(String));
          }
        }),
        { numRuns: 8 },
      );
    }
    expect((await admin.get('/api/health')).status).toBe(200);
  }, 300_000);
});
