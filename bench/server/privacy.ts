/**
 * People's data at scale, in-process on PGlite (or PostgreSQL with TEST_DATABASE_URL):
 *  - the daily retention job over a year of events (36,500 registrations with diet and
 *    accessibility answers), 200,000 audit entries spread over six years, 50,000 outbox
 *    messages and 20,000 board participants: the first run (much to erase) and the next (nothing);
 *  - "download my data" for a busy person (365 registrations, 500 inputs, 5,000 audit
 *    entries): JSON, HTML and PDF.
 *
 *   npx tsx bench/server/privacy.ts            (RUNS=3 by default)
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { renderPersonalDataPdf } from '../../apps/server/src/modules/accounts/personal-data/personal-data-pdf.ts';
import { renderPersonalDataHtml } from '../../apps/server/src/modules/accounts/personal-data/personal-data.presenter.ts';
import { exportMyData } from '../../apps/server/src/modules/accounts/personal-data/personal-data.service.ts';
import { enforceRetention } from '../../apps/server/src/modules/privacy/retention/retention.service.ts';
import { createTestApp } from '../../apps/server/src/test/app.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(f: () => Promise<T>) => {
  const s = performance.now();
  const value = await f();
  return { ms: Math.round(performance.now() - s), value };
};

async function setup() {
  const t = await createTestApp();
  const db = t.deps.db;
  const me = await t.user({ name: 'Flitig Deltagare', email: 'flitig@example.org' });
  const { id: spaceId } = await db.insertInto('spaces').values({ name: 'Bänk', description: '', kind: 'project', visibility: 'public', created_by: null, updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const now = t.clock.now();
  // One event a day for the past year.
  await sql`insert into events (space_id, kind, title, starts_at, ends_at, questions, agenda, ical_uid, updated_at)
    select ${spaceId}, 'workshop', 'Träff ' || d, ${now}::timestamptz - (d || ' days')::interval - interval '2 hours', ${now}::timestamptz - (d || ' days')::interval, '[]', '[]', 'bench-' || d || '@x', ${now}
    from generate_series(1, 365) d`.execute(db);
  await sql`insert into registrations (event_id, user_id, name, email, mode, status, dietary_needs, accessibility_needs, cancel_token_hash, check_in_token_hash)
    select e.id, case when r = 1 then ${me.id}::uuid else null end, 'Deltagare ' || r, case when r = 1 then 'flitig@example.org' else 'p' || r || '-' || e.ical_uid end,
      'on_site', 'confirmed', 'Vegetariskt', 'Hörslinga', md5(e.id::text || r), md5(r || e.id::text)
    from events e, generate_series(1, 100) r where e.space_id = ${spaceId}`.execute(db);
  await sql`insert into inputs (space_id, number, text, kind, source, submitter_email, status_changed_at, updated_at)
    select ${spaceId}, n, 'Inspel nummer ' || n, 'need', 'form', 'flitig@example.org', ${now}, ${now} from generate_series(1, 500) n`.execute(db);
  await sql`insert into audit_log (at, actor_id, action, resource_type, resource_id, request_id, details)
    select ${now}::timestamptz - (n * 947 || ' seconds')::interval, case when n % 40 = 0 then ${me.id}::uuid else gen_random_uuid() end, 'bench.write', 'thing', n::text, 'req-' || n, '{"fields":["name"]}'
    from generate_series(1, 200000) n`.execute(db);
  await sql`insert into outbox (created_at, recipients, subject, text, attachments, status)
    select ${now}::timestamptz - (n * 300 || ' seconds')::interval, '["x@example.org"]', 'Ämne', repeat('Brödtext ', 50), '[]', 'stored' from generate_series(1, 50000) n`.execute(db);
  await sql`insert into boards (event_id, space_id, code, title, status, closed_at)
    select id, space_id, 'B' || lpad(row_number() over ()::text, 5, '0'), 'Tavla', 'closed', ends_at from events where space_id = ${spaceId} and ends_at < ${now}::timestamptz - interval '100 days' limit 200`.execute(db);
  await sql`insert into board_participants (board_id, token_hash, name) select b.id, md5(b.id::text || p), 'Namn ' || p from boards b, generate_series(1, 100) p`.execute(db);
  return { t, me };
}

const retentionRuns: { first: number; again: number; erased: Record<string, number> }[] = [];
const exportFigures: { json: number[]; html: number[]; pdf: number[]; sizes: Record<string, number> } = { json: [], html: [], pdf: [], sizes: {} };
for (let r = 0; r < RUNS; r++) {
  const { t, me } = await setup();
  try {
    const ctx = { actor: { kind: 'user' as const, user: { id: me.id, email: me.email, name: 'x', language: 'sv' as const, isAdmin: false }, via: 'session' as const, sessionId: null }, language: 'sv' as const, requestId: 'bench', ip: '127.0.0.1', userAgent: undefined, origin: 'http://localhost' };
    const json = await time(() => exportMyData(t.deps, ctx));
    const html = await time(async () => renderPersonalDataHtml(json.value, 'sv'));
    const pdf = await time(() => renderPersonalDataPdf(json.value, 'sv'));
    exportFigures.json.push(json.ms);
    exportFigures.html.push(html.ms);
    exportFigures.pdf.push(pdf.ms);
    exportFigures.sizes = {
      registrations: json.value.sections.registrations!.length,
      inputs: json.value.sections.inputs!.length,
      auditEntries: json.value.sections.auditEntries!.length,
      jsonBytes: JSON.stringify(json.value).length,
      htmlBytes: html.value.length,
      pdfBytes: pdf.value.length,
    };
    const first = await time(() => enforceRetention(t.deps));
    const again = await time(() => enforceRetention(t.deps));
    retentionRuns.push({ first: first.ms, again: again.ms, erased: { ...first.value } });
  } finally {
    await t.close();
  }
}
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version, database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite' },
      retention: { runs: retentionRuns, medianFirstMs: median(retentionRuns.map((x) => x.first)), medianAgainMs: median(retentionRuns.map((x) => x.again)) },
      export: { ...exportFigures, medianJsonMs: median(exportFigures.json), medianHtmlMs: median(exportFigures.html), medianPdfMs: median(exportFigures.pdf) },
    },
    null,
    2,
  ),
);
