// GET /api/spaces/:id/network and …/metrics for a space of 5,000 organisations and 20,000
// collaborations (deterministic), through the real HTTP stack on PGlite. Run with:
//   npx tsx bench/server/network-metrics.ts
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { openMemoryDatabase } from '../../apps/server/src/db/database.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import { allRoutes } from '../../apps/server/src/http/routes.ts';
import { ensureGeography } from '../../apps/server/src/modules/geography/reference-data.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { Mailer } from '../../apps/server/src/platform/mail.ts';
import { createLocalRealtime } from '../../apps/server/src/platform/realtime.ts';
import { JobQueue } from '../../apps/server/src/platform/jobs.ts';
import { testConfig } from '../../apps/server/src/test/app.ts';
import { mulberry32 } from '../engine/generate.ts';

const ORGANISATIONS = Number(process.env.ORGANISATIONS ?? 5000);
const COLLABORATIONS = Number(process.env.COLLABORATIONS ?? 20000);
const RUNS = Number(process.env.RUNS ?? 5);

// mulberry32: a small deterministic generator (integer arithmetic only, so it never degenerates).
const random = mulberry32(42);

const handle = await openMemoryDatabase();
await migrateToLatest(handle.db);
await ensureGeography(handle.db);
const config = testConfig();
const deps = { db: handle.db, dbKind: handle.kind, config, clock: systemClock, mailer: new Mailer(handle.db, systemClock, undefined, config.mailFrom), realtime: createLocalRealtime(), jobs: new JobQueue(handle.db), version: 'bench' };
const app = await buildApp(deps, { routes: allRoutes(deps), logger: false });

const now = new Date();
const { id: spaceId } = await handle.db
  .insertInto('spaces')
  .values({ name: 'Benchmark', description: '', kind: 'regional', visibility: 'public', created_by: null, created_at: now, updated_at: now })
  .returning('id')
  .executeTakeFirstOrThrow();
const sectors = ['public', 'private', 'civil_society', 'academia'] as const;
const ids: string[] = [];
for (let i = 0; i < ORGANISATIONS; i += 500) {
  const rows = await handle.db
    .insertInto('organisations')
    .values(
      Array.from({ length: Math.min(500, ORGANISATIONS - i) }, (_, j) => ({
        name: `Organisation ${i + j}`,
        sector: sectors[Math.floor(random() * 4)]!,
        type: 'other',
        level: 'local' as const,
        municipality_code: null,
        created_by: null,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  ids.push(...rows.map((r) => r.id));
}
for (let i = 0; i < ids.length; i += 1000) {
  await handle.db.insertInto('space_organisations').values(ids.slice(i, i + 1000).map((id) => ({ space_id: spaceId, organisation_id: id, added_at: now }))).execute();
}
// Clustered ties: mostly within groups of 50 (like municipalities), some across.
const pairs = new Set<string>();
while (pairs.size < COLLABORATIONS) {
  const a = Math.floor(random() * ids.length);
  const b = random() < 0.8 ? Math.floor(a / 50) * 50 + Math.floor(random() * 50) : Math.floor(random() * ids.length);
  if (a === b || b >= ids.length) continue;
  const [x, y] = ids[a]! < ids[b]! ? [ids[a]!, ids[b]!] : [ids[b]!, ids[a]!];
  pairs.add(`${x}|${y}`);
}
const pairList = [...pairs];
for (let i = 0; i < pairList.length; i += 1000) {
  await handle.db
    .insertInto('collaborations')
    .values(pairList.slice(i, i + 1000).map((p) => {
      const [org_a, org_b] = p.split('|') as [string, string];
      return { org_a, org_b, type: 'partnership', source: 'manual' as const, level: null, start_date: null, end_date: null, frequency: null, survey_id: null, created_by: null };
    }))
    .execute();
}

async function time(url: string, fresh = false) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    // A cold run needs a network the cache has not seen: a new tie each time changes the content.
    if (fresh) await addTie(i);
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    bytes = res.body.length;
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(times.length / 2)]!), minMs: Math.round(times[0]!), bytes };
}

async function addTie(i: number) {
  const [a, b] = [ids[i]!, ids[ids.length - 1 - i]!];
  const [org_a, org_b] = a < b ? [a, b] : [b, a];
  await handle.db
    .insertInto('collaborations')
    .values({ org_a, org_b, type: 'funding', source: 'manual', level: null, start_date: null, end_date: null, frequency: null, survey_id: null, created_by: null })
    .execute();
}

const result = {
  organisations: ORGANISATIONS,
  collaborations: COLLABORATIONS,
  runs: RUNS,
  network: await time(`/api/spaces/${spaceId}/network`),
  metricsCold: await time(`/api/spaces/${spaceId}/network/metrics`, true),
  metricsWarm: await time(`/api/spaces/${spaceId}/network/metrics`),
};
console.log(JSON.stringify(result, null, 2));
await app.close();
await handle.close();
