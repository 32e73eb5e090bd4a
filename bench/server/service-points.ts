// Service point import, list and export for a county-sized inventory (deterministic CSV of 5,000
// points in Dalarna's bounding box), and the andorra OSM import, through the real HTTP stack on
// PGlite. Each run imports into a fresh space. Run with:
//   npx tsx bench/server/service-points.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { openMemoryDatabase } from '../../apps/server/src/db/database.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import { allRoutes } from '../../apps/server/src/http/routes.ts';
import { startSession } from '../../apps/server/src/modules/accounts/session/session.service.ts';
import { ensureGeography } from '../../apps/server/src/modules/geography/reference-data.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { Mailer } from '../../apps/server/src/platform/mail.ts';
import { createLocalRealtime } from '../../apps/server/src/platform/realtime.ts';
import { JobQueue } from '../../apps/server/src/platform/jobs.ts';
import { ORIGIN, testConfig } from '../../apps/server/src/test/app.ts';
import { mulberry32 } from '../engine/generate.ts';

const POINTS = Number(process.env.POINTS ?? 5000);
const RUNS = Number(process.env.RUNS ?? 3);
const TYPES = ['groceries', 'fuel', 'pharmacy', 'post', 'payment'];

// mulberry32: a small deterministic generator (integer arithmetic only, so it never degenerates).
const random = mulberry32(7);
const csv = ['id,type,lon,lat,name', ...Array.from({ length: POINTS }, (_, i) => `p${i},${TYPES[i % 5]},${(12.1 + random() * 4.3).toFixed(5)},${(59.8 + random() * 2.3).toFixed(5)},Punkt ${i}`)].join('\n');
const andorra = readFileSync(new URL('../../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url));

const handle = await openMemoryDatabase();
await migrateToLatest(handle.db);
await ensureGeography(handle.db);
const config = testConfig();
const deps = { db: handle.db, dbKind: handle.kind, config, clock: systemClock, mailer: new Mailer(handle.db, systemClock, undefined, config.mailFrom), realtime: createLocalRealtime(), jobs: new JobQueue(handle.db), version: 'bench' };
const app = await buildApp(deps, { routes: allRoutes(deps), logger: false });
const now = new Date();
const { id: userId } = await handle.db.insertInto('users').values({ email: 'bench@example.org', name: 'Bench', password_hash: null, is_admin: true, language: 'sv', created_at: now }).returning('id').executeTakeFirstOrThrow();
const session = await startSession(deps, { requestId: 'bench', userAgent: undefined }, userId, 'password');
const cookie = `samhandling_session=${session.token}`;

async function space(): Promise<string> {
  const { id } = await handle.db
    .insertInto('spaces')
    .values({ name: `Bench ${Math.random()}`, description: '', kind: 'regional', visibility: 'public', created_by: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db.insertInto('space_municipalities').values(['2039', '2085', '2080', '2021', '2023'].map((code) => ({ space_id: id, municipality_code: code }))).execute();
  return id;
}

function multipart(name: string, bytes: Buffer) {
  const boundary = 'benchboundary';
  return {
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, origin: ORIGIN },
  };
}

async function timed(fn: () => Promise<{ statusCode: number; body: string }>) {
  const start = performance.now();
  const res = await fn();
  const ms = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
  return { ms, body: res.body };
}
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

const results: Record<string, number[]> = { csvPreview: [], csvImport: [], reimportPreview: [], list: [], exportCsv: [], exportGeoJson: [], osmImport: [] };
for (let run = 0; run < RUNS; run++) {
  const id = await space();
  const url = `/api/spaces/${id}/service-points/import`;
  results.csvPreview!.push((await timed(() => app.inject({ method: 'POST', url: `${url}?dryRun=true`, ...multipart('p.csv', Buffer.from(csv)) }))).ms);
  const imported = await timed(() => app.inject({ method: 'POST', url, ...multipart('p.csv', Buffer.from(csv)) }));
  if (JSON.parse(imported.body).created !== POINTS) throw new Error('not all imported');
  results.csvImport!.push(imported.ms);
  results.reimportPreview!.push((await timed(() => app.inject({ method: 'POST', url: `${url}?dryRun=true`, ...multipart('p.csv', Buffer.from(csv)) }))).ms);
  results.list!.push((await timed(() => app.inject({ method: 'GET', url: `/api/spaces/${id}/service-points?limit=5000` }))).ms);
  results.exportCsv!.push((await timed(() => app.inject({ method: 'GET', url: `/api/spaces/${id}/service-points/export?format=csv` }))).ms);
  results.exportGeoJson!.push((await timed(() => app.inject({ method: 'GET', url: `/api/spaces/${id}/service-points/export?format=geojson` }))).ms);
  const osmSpace = await space();
  results.osmImport!.push((await timed(() => app.inject({ method: 'POST', url: `/api/spaces/${osmSpace}/service-points/import`, ...multipart('andorra.osm.pbf', andorra) }))).ms);
}
console.log(JSON.stringify({ points: POINTS, runs: RUNS, loadavg: loadavg().map((l) => l.toFixed(2)), medianMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)])), allMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map(Math.round)])) }, null, 2));
await app.close();
await handle.close();
