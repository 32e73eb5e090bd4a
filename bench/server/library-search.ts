/**
 * The knowledge library's Swedish full-text search on 10,000 items, in-process on PGlite (or
 * PostgreSQL with TEST_DATABASE_URL): GET /api/library through the whole HTTP stack (validation,
 * visibility, ranking, highlights, facets), signed out, for a mix of searches with and without
 * filters. Items are generated from Swedish rural-development vocabulary (title, summary, a body of
 * ~150 words), spread over 20 spaces, 5 kinds, goals, targets, themes and municipalities.
 *
 *   npx tsx bench/server/library-search.ts        (RUNS=3 rounds of 200 requests; p50/p95 per round)
 *
 * Besides wall-clock times it reports the process's CPU time per request (process.cpuUsage: the
 * HTTP stack and PGlite run in this one process): on a shared, oversubscribed machine the wall
 * clock mostly measures waiting for a core, the CPU time what a request costs.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { TARGET_CODES } from '@samhandling/contracts';
import { createTestApp } from '../../apps/server/src/test/app.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const ITEMS = Number(process.env.ITEMS ?? 10_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);

const WORDS = (
  'byarådet servicepunkterna dagligvaror apoteksombud paketutlämning drivmedel laddstolpe kollektivtrafik anropsstyrd bussen skolskjuts ' +
  'kommunen regionen länsstyrelsen föreningen byalaget företagarna ungdomsrådet samverkan dialog kunskapsdialog arbetsgrupp överenskommelse ' +
  'serviceplan handlingsplan landsbygden fjällbyn skärgården glesbygd bredband mobiltäckning föreningslivet ideella volontärer engagemang ' +
  'folkhälsa äldreomsorg hemtjänst vårdcentral distriktssköterska ensamhet mötesplats bygdegården skolan förskolan biblioteket ' +
  'turism besöksnäring jordbruk skogsbruk renskötsel fiske klimat energi solceller återbruk hållbarhet mångfald jämställdhet delaktighet ' +
  'medborgardialog enkät workshop verkstad metod mall rapport erfarenheter lärdomar uppföljning indikator resultat finansiering bidrag'
).split(' ');
const QUERIES = ['byaråd', 'servicepunkt', 'apotek', 'kollektivtrafik buss', 'volontär', 'kunskapsdialog', 'hemtjänst ensamhet', 'laddstolpe', 'mötesplats', 'överenskommelse'];
const KINDS = ['method', 'material', 'good_example', 'report', 'template'] as const;
const THEMES = ['service', 'transport', 'housing', 'work_business', 'health_care', 'culture_leisure', 'democracy_participation'];
const MUNICIPALITIES = ['2506', '2422', '2421', '2463', '2021', '2039', '2418', '2480'];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
// Filler: 4,000 made-up words from Swedish syllables, so a topic word is in a few percent of the
// items (as in a real library), not in every one.
const SYLLABLES = ['an', 'be', 'by', 'da', 'ek', 'fö', 'ga', 'hå', 'in', 'ka', 'la', 'mö', 'na', 'or', 'pa', 'ra', 'sk', 'ta', 'ul', 'vä', 'ås', 'äl', 'ön'];
const FILLER = Array.from({ length: 4000 }, (_, i) => SYLLABLES[i % 23]! + SYLLABLES[Math.floor(i / 23) % 23]! + SYLLABLES[Math.floor(i / 529) % 23]! + 'en');
const words = (n: number, topical = 3) =>
  [...Array.from({ length: topical }, () => pick(WORDS)), ...Array.from({ length: n - topical }, () => pick(FILLER))].sort(() => random() - 0.5).join(' ');
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const median = (xs: number[]) => percentile(xs, 50);

const t = await createTestApp();
const db = t.deps.db;
const spaceIds: string[] = [];
for (let s = 0; s < 20; s++) {
  const { id } = await db
    .insertInto('spaces')
    .values({ name: `Bänkrum ${s}`, description: '', kind: 'project', visibility: s % 4 === 0 ? 'members' : 'public', created_by: null, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  spaceIds.push(id);
}
const started = performance.now();
for (let i = 0; i < ITEMS; i += 500) {
  const rows = Array.from({ length: Math.min(500, ITEMS - i) }, () => {
    const targets = [pick(TARGET_CODES), pick(TARGET_CODES)];
    return {
      space_id: pick(spaceIds),
      visibility: (random() < 0.8 ? 'public' : 'members') as 'public' | 'members',
      kind: pick(KINDS),
      title: words(4, 1).replace(/^./, (c) => c.toUpperCase()),
      summary: words(20, 2),
      body: words(150, 4),
      links: '[]',
      themes: [pick(THEMES)],
      goals: [Number(targets[0]!.split('.')[0])],
      targets,
      municipality_code: pick(MUNICIPALITIES),
      created_by: null,
      updated_at: new Date(Date.now() - Math.floor(random() * 1e10)),
    };
  });
  await db.insertInto('library_items').values(rows).execute();
}
await sql`analyze library_items`.execute(db);
const loadMs = Math.round(performance.now() - started);

const client = t.client();
const urls = () => {
  const q = encodeURIComponent(pick(QUERIES));
  const r = random();
  if (r < 0.5) return `/api/library?q=${q}`;
  if (r < 0.7) return `/api/library?q=${q}&kind=${pick(KINDS)}`;
  if (r < 0.85) return `/api/library?q=${q}&goal=${1 + Math.floor(random() * 17)}`;
  if (r < 0.95) return `/api/library?theme=${pick(THEMES)}`;
  return '/api/library';
};
for (let i = 0; i < 20; i++) await client.get(urls()); // warm-up
const rounds: { p50: number; p95: number; max: number; cpu50: number; cpu95: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = urls();
    const s = performance.now();
    const c = process.cpuUsage();
    const answer = await client.get(url);
    const used = process.cpuUsage(c);
    times.push(performance.now() - s);
    cpu.push((used.user + used.system) / 1000);
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
  }
  rounds.push({ p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), cpu50: percentile(cpu, 50), cpu95: percentile(cpu, 95) });
  const r = rounds.at(-1)!;
  console.log(`run ${run + 1}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; CPU per request p50 ${r.cpu50.toFixed(1)} ms, p95 ${r.cpu95.toFixed(1)} ms`);
}
const sample = await client.get('/api/library?q=byaråd');
console.log(`\n${ITEMS} items (${t.deps.dbKind}), loaded in ${loadMs} ms; "byaråd" finds ${sample.body.total}`);
console.log(`median of ${RUNS} runs × ${REQUESTS} requests: p50 ${median(rounds.map((r) => r.p50)).toFixed(1)} ms, p95 ${median(rounds.map((r) => r.p95)).toFixed(1)} ms`);
console.log(`CPU time per request, median of runs: p50 ${median(rounds.map((r) => r.cpu50)).toFixed(1)} ms, p95 ${median(rounds.map((r) => r.cpu95)).toFixed(1)} ms`);
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
await t.close();
