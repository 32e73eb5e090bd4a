import fc from 'fast-check';
import { sql } from 'kysely';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDemo } from '../demo/seed.ts';
import { createTestApp, type Client, type TestApp } from '../test/app.ts';
import type { RouteDefinition } from './route.ts';
import { allRoutes } from './routes.ts';

/**
 * No request crashes the server and a refused one changes nothing (issue 14 §4): every route gets
 * at least CASES arbitrary requests — path ids of real demo records, the route's own query and body
 * fields with hostile values (control characters, lone surrogates, formulas, oversized text),
 * arbitrary JSON — and answers 2xx/3xx or a clear 4xx. After every 4xx no table has changed: a
 * trigger on every table counts committed row writes (bookkeeping tables aside, listed below).
 */
const CASES = Number(process.env.FUZZ_CASES ?? 100);
/** Written on refused requests by design: sessions seen, rate limits and failed sign-ins, the job queue. */
const BOOKKEEPING = new Set([
  'sessions',
  'rate_limit_hits',
  'sign_in_failures',
  'jobs',
  'kysely_migration',
  'kysely_migration_lock',
  'fuzz_writes',
]);
const DEMO_PASSWORD = 'fuzz-demo-password';

let t: TestApp;
let dataDir: string;
let admin: Client;
let anonymousClient: Client;
/** Ids of real rows, per table, so path parameters reach the handlers and not only 404. */
const idsByTable = new Map<string, string[]>();
let allIds: string[] = [];

async function writeCount(): Promise<{ n: number; last: string }> {
  const { rows } = await sql<{ n: string; last: string }>`select n, last from fuzz_writes`.execute(t.deps.db);
  return { n: Number(rows[0]!.n), last: rows[0]!.last };
}

beforeAll(async () => {
  // The demo stores files (library material, event and initiative documents) under DATA_DIR/uploads.
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-demo-'));
  t = await createTestApp({ config: { dataDir } });
  await seedDemo(t.deps, { password: DEMO_PASSWORD });
  admin = await t.signIn('admin@example.org', DEMO_PASSWORD);
  anonymousClient = t.client();
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.deps.db);
  // A transactional counter of rows written: a write rolled back (a refused request) does not count.
  await sql`create table fuzz_writes (n bigint not null, last text not null)`.execute(t.deps.db);
  await sql`insert into fuzz_writes values (0, '')`.execute(t.deps.db);
  await sql`create function fuzz_count_write() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1, last = TG_OP || ' ' || TG_TABLE_NAME; return null; end $$`.execute(
    t.deps.db,
  );
  for (const { table_name: table } of tables) {
    if (BOOKKEEPING.has(table)) continue;
    await sql`create trigger fuzz_count_write after insert or update or delete on ${sql.table(table)} for each row execute function fuzz_count_write()`.execute(
      t.deps.db,
    );
    const { rows: columns } = await sql<{ data_type: string }>`
      select data_type from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = 'id'`.execute(
      t.deps.db,
    );
    if (columns[0]?.data_type !== 'uuid') continue;
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} limit 20`.execute(t.deps.db);
    idsByTable.set(
      table,
      rows.map((r) => r.id),
    );
  }
  allIds = [...idsByTable.values()].flat();
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The table a route's `:id` most likely names: /api/service-points/:id → service_points. */
function idsFor(url: string): string[] {
  const segment = url.split('/')[2] ?? '';
  const table = segment.replace(/-/g, '_');
  const candidates = [
    table,
    `${table}s`,
    table.replace(/s$/, ''),
    table === 'groups' ? 'working_groups' : '',
    table === 'networks' ? 'road_networks' : '',
  ];
  for (const name of candidates) {
    const ids = idsByTable.get(name);
    if (ids?.length) return ids;
  }
  return allIds;
}

/** The field names of a zod object schema (through optional/pipe/refine wrappers), else none. */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  let current: unknown = schema;
  for (let i = 0; i < 6 && current; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in ?? def?.schema;
  }
  return [];
}

/** Longer than any text field allows (the longest, a plan's background, takes 20,000). */
const BIG = 'å'.repeat(25_000);
const HUGE = 'x'.repeat(1_100_000);
const hostileChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u000b',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\ud800',
  '\udfff',
  '\ufeff',
  '=',
  '@',
  '"',
  "'",
  '\\',
  '<',
  '%',
  'ö',
  '😀',
);
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ unit: fc.oneof(hostileChar, fc.constantFrom('a', 'b', ' ', '1')), maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2039',
      '2026-12-01T10:00:00Z',
      '2026-12-01',
      'https://example.se',
      'javascript:alert(1)',
      '=HYPERLINK("http://x")',
      'admin@example.org',
      'true',
      '-1',
      '1e309',
      'NaN',
      '%00',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      "' or 1=1 --",
    ),
  },
  { weight: 1, arbitrary: fc.constant(BIG) },
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.nat().map((n) => allIds[n % allIds.length] ?? '00000000-0000-4000-8000-000000000000') },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

function bodyFor(route: RouteDefinition): fc.Arbitrary<unknown> {
  const fields = fieldsOf(route.body);
  const keyed = fields.length
    ? fc.dictionary(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: hostileString }), value, {
        maxKeys: Math.min(8, fields.length + 1),
      })
    : fc.constant({});
  return fc.oneof(
    { weight: 6, arbitrary: keyed },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom('{"unterminated": ', HUGE, '\u0000', 'name,sector\n"=cmd,\u0000\n') },
  );
}

function queryFor(route: RouteDefinition): fc.Arbitrary<Record<string, string>> {
  const fields = fieldsOf(route.query);
  const keys = fields.length
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) })
    : fc.string({ maxLength: 8 });
  const text = fc.oneof(
    hostileString.filter((s) => s.length < 2000),
    fc.constantFrom('true', 'false', '0', '10', '-5', '2039', 'csv', 'all'),
  );
  return fc.dictionary(keys, text, { maxKeys: 4 });
}

function segmentFor(url: string): fc.Arbitrary<string> {
  const ids = idsFor(url);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.oneof(
        hostileString.filter((s) => s.length < 200),
        fc.constantFrom('2039', '0', '-1', '..', '%00', 'organisations', 'csv'),
      ),
    },
  );
}

/** A path segment as sent; a lone surrogate (no UTF-8 form) goes as the invalid bytes it would be. */
function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return '%ED%A0%80';
  }
}

/** The multipart upload a route with `upload` expects, with its file or a wrong field or two files. */
function multipart(field: string, parts: { name: string; file?: string; content: string }[]) {
  const boundary = '----fuzz';
  const body = parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.file !== undefined ? `; filename="${p.file}"` : ''}\r\n\r\n${p.content}\r\n`,
    )
    .join('');
  return {
    body: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    field,
  };
}
const uploadParts = fc.array(
  fc.record({
    name: fc.constantFrom('file', 'bilaga', 'title', 'kind', '\u0000'),
    file: fc.option(fc.constantFrom('a.csv', 'b.osm', 'c.pdf', '\u0000.csv', ''), { nil: undefined }),
    content: hostileString.filter((s) => s.length < 5000),
  }),
  { minLength: 0, maxLength: 3 },
);

describe('arbitrary input', () => {
  it(`never gets a 5xx answer and changes nothing when refused (${CASES} cases per route)`, async () => {
    const routes = allRoutes(t.deps).filter((r) => !r.url.includes('sign-out') && !r.url.includes('/oidc/'));
    const started = Date.now();
    let requests = 0;
    // The demo's own jobs (network builds, analyses) and any write still on its way finish first:
    // the count must stand still before a refused request is held to it.
    let known = await writeCount();
    for (let settled = 0, tries = 0; settled < 2 && tries < 40; tries++) {
      await t.deps.jobs.idle();
      await t.deps.mailer.deliverPending();
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await writeCount();
      settled = now.n === known.n ? settled + 1 : 0;
      known = now;
    }
    const timing: [string, number][] = [];
    for (const route of routes) {
      const routeStarted = Date.now();
      const params = fc.array(segmentFor(route.url), { minLength: 3, maxLength: 3 });
      const payload = route.upload ? uploadParts.map((parts) => ({ multipart: parts })) : bodyFor(route);
      await fc.assert(
        fc.asyncProperty(params, queryFor(route), payload, fc.nat(9), async (segments, query, body, who) => {
          let i = 0;
          const path = route.url.replace(/:\w+/g, () => encodeSegment(segments[i++] ?? 'x'));
          const search = new URLSearchParams(query).toString();
          const url = path + (search ? `?${search}` : '');
          const client = who === 0 ? anonymousClient : admin;
          let answer;
          if (route.method === 'GET' || route.method === 'DELETE') answer = await client.request(route.method, url);
          else if (body && typeof body === 'object' && 'multipart' in body) {
            const form = multipart(
              route.upload!.field,
              (body as { multipart: { name: string; file?: string; content: string }[] }).multipart,
            );
            answer = await client.request(route.method, url, form.body, form.headers);
          } else if (typeof body === 'string' && route.accepts)
            answer = await client.request(route.method, url, body, { 'content-type': 'text/csv' });
          else if (typeof body === 'string') answer = await client.request(route.method, url, body, { 'content-type': 'application/json' });
          else answer = await client.request(route.method, url, body ?? {});
          requests++;
          const what = `${route.method} ${route.url} → ${answer.status}`;
          expect(answer.status, what).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.body?.error?.code, what).toEqual(expect.any(String));
            expect(answer.body.error.message, what).toEqual(expect.any(String));
          } else {
            // A request that went through may start jobs (a read too, e.g. one that starts a
            // computation); let them finish before the next check, or their writes land during a
            // later refused request and are counted against it.
            await t.deps.jobs.idle();
          }
          const now = await writeCount();
          if (answer.status >= 400) expect(now.n, `${what}: a refused request wrote to the database (last: ${now.last})`).toBe(known.n);
          known = now;
        }),
        { numRuns: CASES },
      );
      // A request may have ended the admin's session (e.g. a password change): sign in again.
      if ((await admin.get('/api/me')).status !== 200) admin = await t.signIn('admin@example.org', DEMO_PASSWORD);
      timing.push([`${route.method} ${route.url}`, Date.now() - routeStarted]);
    }
    if (process.env.FUZZ_TIMING)
      console.log(
        timing
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([r, ms]) => `${ms} ms ${r}`)
          .join('\n'),
      );
    expect(requests).toBeGreaterThanOrEqual(routes.length * CASES);
    expect((await admin.get('/api/health')).status).toBe(200);
    console.log(`fuzz: ${routes.length} routes, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 1_200_000);
});
