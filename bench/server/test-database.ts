// What an API test file pays for its database before its first test, in a fresh process each time
// (as each vitest worker file is): built from nothing (initdb, every migration, the geography) or
// copied from the migrated template (apps/server/src/test/template.ts). The two alternate, so load
// from other work on the machine falls on both alike. Run with:
//   npx tsx bench/server/test-database.ts            (PGlite)
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/server/test-database.ts
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { ensureGeography } from '../../apps/server/src/modules/geography/reference-data.ts';
import { freshDatabase, migratedDatabase } from '../../apps/server/src/test/app.ts';
import { createPostgresTemplate, dropPostgresDatabase, pgliteTemplatePath, TEMPLATE_DB_ENV } from '../../apps/server/src/test/template.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const mode = process.argv[2];

if (mode === 'scratch' || mode === 'template') {
  // One sample: the time to a database the tests can use, then out.
  const started = performance.now();
  const handle = mode === 'template' ? await migratedDatabase() : await freshDatabase();
  if (mode === 'scratch') {
    await migrateToLatest(handle.db);
    await ensureGeography(handle.db);
  }
  const n = await handle.db.selectFrom('municipalities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  if (Number(n.n) !== 290) throw new Error('not migrated');
  const ms = performance.now() - started;
  await handle.close();
  console.log(JSON.stringify({ ms }));
  process.exit(0);
}

const serverUrl = process.env.TEST_DATABASE_URL;
// As the global setup does before a run.
let template: string | undefined;
if (serverUrl) template = await createPostgresTemplate(serverUrl);
else await pgliteTemplatePath();
const env = { ...process.env, ...(template ? { [TEMPLATE_DB_ENV]: template } : {}) };

const sample = (which: string) => {
  const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), which], { env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return (JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
};
const times: Record<string, number[]> = { scratch: [], template: [] };
const loads: number[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const which of ['scratch', 'template']) times[which]!.push(sample(which));
  loads.push(loadavg()[0]!);
}
if (serverUrl && template) await dropPostgresDatabase(serverUrl, template);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  JSON.stringify(
    {
      database: serverUrl ? 'postgres' : 'pglite',
      runs: RUNS,
      scratchMs: Math.round(median(times.scratch!)),
      templateMs: Math.round(median(times.template!)),
      scratchRuns: times.scratch!.map(Math.round),
      templateRuns: times.template!.map(Math.round),
      loadAverage: loads.map((l) => l.toFixed(1)),
    },
    null,
    2,
  ),
);
