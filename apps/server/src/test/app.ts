import { randomBytes } from 'node:crypto';
import type { Endpoint, EndpointInput, EndpointResult } from '@samhandling/contracts';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, openMemoryDatabase, type DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import { allRoutes } from '../http/routes.ts';
import { anonymous } from '../platform/actor.ts';
import { ManualClock } from '../platform/clock.ts';
import type { Deps } from '../platform/deps.ts';
import { JobQueue } from '../platform/jobs.ts';
import { Mailer } from '../platform/mail.ts';
import { createRealtime } from '../platform/realtime.ts';
import { registerJobHandlers } from '../jobs.ts';
import { createUser } from '../modules/accounts/user/user.service.ts';
import { createPostgresDatabase, dropPostgresDatabase, pgliteTemplateData } from './template.ts';

/** Set by CI's second API run: the same suite against a real PostgreSQL server. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const ORIGIN = 'http://localhost:3000';
export const PASSWORD = 'correct-horse-battery';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    publicUrl: ORIGIN,
    sessionSecret: 'test-secret-test-secret-test-secret-1234',
    smtpUrl: undefined,
    mailFrom: 'Samhandling <no-reply@example.org>',
    oidc: undefined,
    mapStyleUrl: undefined,
    demo: false,
    logLevel: 'silent',
    ...overrides,
  };
}

/** A fresh, empty database: in-memory PGlite, or a new database on the PostgreSQL server of TEST_DATABASE_URL. */
export async function freshDatabase(): Promise<DatabaseHandle> {
  if (!TEST_DATABASE_URL) return openMemoryDatabase();
  return newPostgresDatabase(false);
}

/**
 * A fresh database with every migration and the geography, copied from a template built once
 * (test/template.ts): what createTestApp starts from.
 */
export async function migratedDatabase(): Promise<DatabaseHandle> {
  if (!TEST_DATABASE_URL) return openMemoryDatabase({ loadDataDir: await pgliteTemplateData() });
  return newPostgresDatabase(true);
}

async function newPostgresDatabase(migrated: boolean): Promise<DatabaseHandle> {
  const serverUrl = TEST_DATABASE_URL!;
  const name = `samhandling_test_${randomBytes(6).toString('hex')}`;
  const handle = await createPostgresDatabase(serverUrl, name, migrated);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropPostgresDatabase(serverUrl, name);
    },
  };
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client: keeps its cookie, sends our Origin on state changes. */
export class Client {
  cookie: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    readonly options: { token?: string; origin?: string | null; language?: string; /** The client address the server sees. */ ip?: string } = {},
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const stateChanging = method !== 'GET' && method !== 'HEAD';
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookie) allHeaders.cookie = this.cookie;
    if (this.options.token) allHeaders.authorization = `Bearer ${this.options.token}`;
    if (this.options.language) allHeaders['accept-language'] = this.options.language;
    if (stateChanging && this.options.origin !== null && !('origin' in headers)) allHeaders.origin = this.options.origin ?? ORIGIN;
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    if (body !== undefined && !isRaw) allHeaders['content-type'] ??= 'application/json';
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: allHeaders,
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
      ...(body !== undefined ? { payload: isRaw ? (body as string | Buffer) : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers['set-cookie'];
    // A cookie jar by name (the session cookie and the browser's device cookie), sent as one header.
    const jar = new Map((this.cookie ?? '').split('; ').filter(Boolean).map((pair) => [pair.split('=')[0]!, pair] as const));
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = jar.size > 0 ? [...jar.values()].join('; ') : undefined;
    let parsed: unknown = response.body;
    if (String(response.headers['content-type'] ?? '').includes('json') && response.body) parsed = JSON.parse(response.body);
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }
  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body ?? {}, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
  /** Calls an endpoint of the contract table: its path filled from `params`, the answer typed by its response schema. */
  call<E extends Endpoint>(
    endpoint: E,
    options: { params?: EndpointInput<E, 'params'>; query?: Record<string, string | number | boolean>; body?: EndpointInput<E, 'body'>; headers?: Record<string, string> } = {},
  ): Promise<Answer<EndpointResult<E>>> {
    const params = (options.params ?? {}) as Record<string, unknown>;
    const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
    const search = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const body = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : (options.body ?? {});
    return this.request<EndpointResult<E>>(endpoint.method, search ? `${path}?${search}` : path, body, options.headers);
  }
}

export interface TestApp {
  app: FastifyInstance;
  /** The PostgreSQL database's connection string (none on PGlite), for a second instance on it. */
  databaseUrl: string | undefined;
  deps: Deps;
  clock: ManualClock;
  client(options?: ConstructorParameters<typeof Client>[1]): Client;
  /** Creates an account and returns a client signed in as it. */
  user(options?: { email?: string; name?: string; isAdmin?: boolean }): Promise<{ client: Client; id: string; email: string }>;
  signIn(email: string, password?: string): Promise<Client>;
  outboxFor(email: string): Promise<{ subject: string; text: string }[]>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  options: {
    config?: Partial<Config>;
    webRoot?: string;
    /** A second app instance on the first one's PostgreSQL database (its clock starts at the first's time). */
    sameDatabaseAs?: TestApp;
  } = {},
): Promise<TestApp> {
  const shared = options.sameDatabaseAs;
  if (shared && !shared.databaseUrl) throw new Error('sameDatabaseAs needs PostgreSQL (TEST_DATABASE_URL)');
  const handle = shared ? { ...(await openDatabase({ databaseUrl: shared.databaseUrl, dataDir: '/nonexistent' })), url: shared.databaseUrl } : await migratedDatabase();
  const clock = new ManualClock(shared ? shared.clock.now() : new Date());
  const config = testConfig(options.config);
  const deps: Deps = {
    db: handle.db,
    dbKind: handle.kind,
    config,
    clock,
    mailer: new Mailer(handle.db, clock, config.smtpUrl, config.mailFrom, { origin: config.publicUrl ?? `http://localhost:${config.port}`, secret: config.sessionSecret }),
    realtime: createRealtime(handle.url),
    jobs: new JobQueue(handle.db),
    version: 'test',
  };
  registerJobHandlers(deps);
  deps.jobs.start();
  const app = await buildApp(deps, { routes: allRoutes(deps), webRoot: options.webRoot, logger: false });
  await app.ready();
  const origin = new URL(config.publicUrl ?? ORIGIN).origin;
  const signIn = async (email: string, password = PASSWORD) => {
    const client = new Client(app, { origin });
    const answer = await client.post('/api/auth/sign-in', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return client;
  };
  return {
    app,
    databaseUrl: handle.url,
    deps,
    clock,
    client: (clientOptions) => new Client(app, { origin, ...clientOptions }),
    async user(userOptions = {}) {
      counter += 1;
      const email = userOptions.email ?? `user${counter}-${randomBytes(3).toString('hex')}@example.org`;
      const created = await createUser(deps, { actor: anonymous, requestId: null }, {
        email,
        name: userOptions.name ?? `Testperson ${counter}`,
        password: PASSWORD,
        isAdmin: userOptions.isAdmin ?? false,
      });
      return { client: await signIn(email), id: created.id, email };
    },
    signIn,
    async outboxFor(email: string) {
      const rows = await deps.db.selectFrom('outbox').select(['subject', 'text', 'recipients']).orderBy('created_at', 'desc').execute();
      return rows.filter((r) => r.recipients.includes(email));
    },
    async close() {
      await deps.jobs.stop();
      await app.close();
      await deps.realtime.close();
      await handle.close();
    },
  };
}

/** The one-time token from a link in an e-mail (…#token=XYZ). */
export function tokenFromMail(text: string): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no token link in: ${text}`);
  return match[1]!;
}

/** A multipart/form-data body with one file in the field `file` (uploads: population, road networks, points). */
export function multipartFile(fileName: string, content: string | Buffer, field = 'file'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----samhandling${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
