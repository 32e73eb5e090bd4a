// GET /api/spaces/:id/dashboard (and …/comparison) for a space of 11 municipalities with 50,000
// inputs and 5,000 events (≈ 27,000 registrations, ≈ 11,000 attended), 11 working groups and the
// TALKO process running in every municipality; deterministic data, through the real HTTP stack
// on PGlite, in-process. Run with:
//   npx tsx bench/server/dashboard.ts            (RUNS=7 by default)
// After loading, the app's hourly maintenance job (db/maintenance.ts: VACUUM of the busy tables,
// ANALYZE of all) runs once, as it would have on a server that has been up; MAINTENANCE=0 skips it
// (PGlite without statistics, as before that job existed).
import { loadavg } from 'node:os';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { maintainDatabase } from '../../apps/server/src/db/maintenance.ts';
import { openMemoryDatabase } from '../../apps/server/src/db/database.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import { allRoutes } from '../../apps/server/src/http/routes.ts';
import { ensureGeography } from '../../apps/server/src/modules/geography/reference-data.ts';
import { TALKO_TEMPLATE } from '../../apps/server/src/modules/processes/template/talko.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { Mailer } from '../../apps/server/src/platform/mail.ts';
import { createLocalRealtime } from '../../apps/server/src/platform/realtime.ts';
import { JobQueue } from '../../apps/server/src/platform/jobs.ts';
import { testConfig } from '../../apps/server/src/test/app.ts';
import { mulberry32 } from '../engine/generate.ts';

const INPUTS = Number(process.env.INPUTS ?? 50_000);
const EVENTS = Number(process.env.EVENTS ?? 5_000);
const RUNS = Number(process.env.RUNS ?? 7);
const COMPARISON_RUNS = Number(process.env.COMPARISON_RUNS ?? 3);
const CODES = ['2401', '2403', '2404', '2409', '2417', '2418', '2421', '2422', '2425', '2460', '2462'];
const random = mulberry32(12);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const handle = await openMemoryDatabase();
await migrateToLatest(handle.db);
await ensureGeography(handle.db);
const db = handle.db;
const config = testConfig();
const deps = { db, dbKind: handle.kind, config, clock: systemClock, mailer: new Mailer(db, systemClock, undefined, config.mailFrom), realtime: createLocalRealtime(), jobs: new JobQueue(db), version: 'bench' };
const app = await buildApp(deps, { routes: allRoutes(deps), logger: false });

const now = new Date();
const DAY = 86_400_000;
const { id: spaceId } = await db
  .insertInto('spaces')
  .values({ name: 'Benchmark', description: '', kind: 'project', visibility: 'public', created_by: null, created_at: now, updated_at: now })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('space_municipalities').values(CODES.map((code) => ({ space_id: spaceId, municipality_code: code }))).execute();

const t0 = Date.now();
const statuses = ['received', 'being_assessed', 'done', 'declined'] as const;
for (let i = 0; i < INPUTS; i += 1000) {
  const rows = Array.from({ length: Math.min(1000, INPUTS - i) }, (_, j) => {
    const created = new Date(now.getTime() - Math.floor(random() * 400) * DAY);
    return {
      space_id: spaceId,
      number: i + j + 1,
      text: 'Behov av service i byn',
      kind: 'need' as const,
      theme: null,
      service_type: null,
      municipality_code: pick(CODES),
      locality_id: null,
      lon: null,
      lat: null,
      source: 'form' as const,
      channel: null,
      source_ref: null,
      event_id: null,
      submitter_sector: null,
      submitter_age_group: null,
      submitter_email: null,
      status: pick(statuses),
      planned_ref_id: null,
      planned_ref_label: null,
      status_changed_at: created,
      entered_by: null,
      created_at: created,
      updated_at: created,
    };
  });
  const inserted = await db.insertInto('inputs').values(rows).returning(['id', 'status', 'created_at']).execute();
  const answered = inserted.filter((r) => r.status !== 'received');
  if (answered.length)
    await db
      .insertInto('input_status_changes')
      .values(answered.map((r) => ({ input_id: r.id, at: new Date(r.created_at.getTime() + Math.floor(random() * 30 + 1) * DAY), from_status: 'received', to_status: r.status, planned_ref_id: null, planned_ref_label: null, changed_by: null })))
      .execute();
}
console.error(`inputs in ${Date.now() - t0} ms`);
const kinds = ['kick_off', 'village_forum', 'knowledge_dialogue', 'workshop', 'test_session'] as const;
let registrations = 0;
for (let i = 0; i < EVENTS; i += 500) {
  const rows = Array.from({ length: Math.min(500, EVENTS - i) }, (_, j) => {
    const starts = new Date(now.getTime() + Math.floor(random() * 500 - 400) * DAY);
    return {
      space_id: spaceId,
      kind: pick(kinds),
      title: `Möte ${i + j}`,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 2 * 3_600_000),
      municipality_code: pick(CODES),
      working_group_id: null,
      place_name: 'Bygdegården',
      address: null,
      lon: null,
      lat: null,
      online_url: null,
      capacity: 40,
      online_capacity: null,
      questions: '[]',
      agenda: '[]',
      cancel_reason: null,
      ical_uid: `bench-${i + j}@samhandling`,
      created_by: null,
      updated_at: now,
    };
  });
  const events = await db.insertInto('events').values(rows).returning(['id', 'starts_at']).execute();
  const regs = events.flatMap((e) =>
    Array.from({ length: Math.floor(random() * 11) }, (_, k) => {
      registrations++;
      const attended = e.starts_at < now && random() < 0.8;
      return {
        event_id: e.id,
        user_id: null,
        name: 'Deltagare',
        email: `d${registrations}@example.org`,
        mode: random() < 0.2 ? ('online' as const) : ('on_site' as const),
        status: 'confirmed' as const,
        organisation_name: null,
        organisation_id: null,
        sector: pick(['resident', 'public', 'private', 'civil_society']),
        age_group: pick(['16_25', '26_64', '65_plus']),
        dietary_needs: null,
        accessibility_needs: null,
        cancel_token_hash: `c-${e.id}-${k}`,
        check_in_token_hash: `k-${e.id}-${k}`,
        checked_in_at: attended ? e.starts_at : null,
        check_in_method: attended ? ('manual' as const) : null,
      };
    }),
  );
  for (let k = 0; k < regs.length; k += 1000) await db.insertInto('registrations').values(regs.slice(k, k + 1000)).execute();
}
for (const code of CODES) {
  await db
    .insertInto('working_groups')
    .values({ space_id: spaceId, municipality_code: code, name: `Arbetsgrupp ${code}`, kind: 'local', targets: JSON.stringify({ public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 }), created_by: null, updated_at: now })
    .execute();
  await db
    .insertInto('processes')
    .values({ space_id: spaceId, template_id: null, name: 'TALKO', municipality_code: code, locality_id: null, starts_on: '2026-01-01', phases: JSON.stringify(TALKO_TEMPLATE.phases), created_by: null })
    .execute();
}
const loadMs = Date.now() - t0;
console.error(`loaded in ${loadMs} ms`);
const maintenance = process.env.MAINTENANCE === '0' ? null : await maintainDatabase(db);
if (maintenance) console.error(`maintenance (vacuum + analyze) in ${maintenance.ms} ms`);

// Wall time, and this process's CPU time (user + system; PGlite runs in this process): on a shared,
// loaded machine the CPU time is what the request costs, the wall time what a user waited here.
const cpuTimes = new Map<string, number[]>();
async function time(url: string, runs = RUNS, label = url) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    cpuTimes.set(label, [...(cpuTimes.get(label) ?? []), cpuMs]);
    console.error(`${url.replace(spaceId, ':id')}: ${Math.round(times.at(-1)!)} ms, cpu ${Math.round(cpuMs)} ms (load ${loadavg()[0]!.toFixed(1)})`);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, all: times.map((x) => Math.round(x)) };
}
const medianCpu = () =>
  Object.fromEntries([...cpuTimes].map(([label, xs]) => [label.replace(spaceId, ':id'), Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)]));

// Each figure alone (FIGURES=1), to see where the time goes.
if (process.env.FIGURES) {
  const { FIGURES } = await import('../../apps/server/src/modules/dashboards/dashboard/figures.ts');
  const ctx = { actor: { kind: 'anonymous' as const }, language: 'sv' as const, requestId: 'bench', ip: '127.0.0.1', userAgent: undefined, origin: '' };
  const scope = { kind: 'space' as const, spaceIds: [spaceId], municipalityCodes: null, municipalityCount: CODES.length, spaceId, now: new Date() };
  for (const f of FIGURES) {
    const start = performance.now();
    await f.compute(deps as never, ctx as never, scope);
    console.error(`figure ${f.key}: ${Math.round(performance.now() - start)} ms`);
  }
}
// Figures are cached on PGlite until a write (or the next event start/end): time the first
// request after a write too, which computes every figure afresh.
let written = INPUTS;
async function afterWrite(url: string, runs = RUNS) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    await db
      .insertInto('inputs')
      .values({ space_id: spaceId, number: ++written, text: 'Ny', kind: 'need', municipality_code: CODES[r % CODES.length]!, source: 'form', status: 'received', entered_by: null, created_at: new Date(), updated_at: new Date() } as never)
      .execute();
    times.push((await time(url, 1, `${url} after a write`)).median);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, all: times.map((x) => Math.round(x)) };
}
const dashboard = await time(`/api/spaces/${spaceId}/dashboard`);
const comparison = await time(`/api/spaces/${spaceId}/comparison`, COMPARISON_RUNS);
const municipality = await time(`/api/municipalities/2422/dashboard`);
const dashboardAfterWrite = await afterWrite(`/api/spaces/${spaceId}/dashboard`);
const comparisonAfterWrite = await afterWrite(`/api/spaces/${spaceId}/comparison`, COMPARISON_RUNS);
const municipalityAfterWrite = await afterWrite(`/api/municipalities/2422/dashboard`);
const body = JSON.parse((await app.inject({ method: 'GET', url: `/api/spaces/${spaceId}/dashboard` })).body) as { figures: { key: string; value: number | null }[] };
console.log(JSON.stringify({ inputs: INPUTS, events: EVENTS, registrations, loadMs, maintenanceMs: maintenance?.ms ?? null, loadavg: loadavg().map((l) => l.toFixed(2)), dashboard, comparison, municipality, dashboardAfterWrite, comparisonAfterWrite, municipalityAfterWrite, cpuMsMedian: medianCpu(), figures: Object.fromEntries(body.figures.map((f) => [f.key, f.value])) }, null, 2));
await app.close();
await handle.close();
