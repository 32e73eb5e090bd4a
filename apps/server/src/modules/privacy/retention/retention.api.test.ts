import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { enforceRetention, RETENTION_JOB } from './retention.service.ts';

/**
 * Retention (issue 14 §2): the daily job enforces each period of the configuration. The clock
 * is moved forward past each limit; every rule is checked just before and just after it.
 */
let t: TestApp;
let lead: { client: Client; id: string; email: string };
let spaceId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i samverkan', kind: 'municipal', visibility: 'public', municipalityCodes: ['2422'] })).body.id;
});
afterAll(() => t.close());

async function eventEndingIn(days: number, title: string) {
  const now = t.clock.now().getTime();
  const { id } = await t.deps.db
    .insertInto('events')
    .values({
      space_id: spaceId,
      kind: 'workshop',
      title,
      starts_at: new Date(now + days * DAY - 2 * 3_600_000),
      ends_at: new Date(now + days * DAY),
      municipality_code: null,
      working_group_id: null,
      place_name: null,
      address: null,
      lon: null,
      lat: null,
      online_url: null,
      capacity: null,
      online_capacity: null,
      questions: '["dietary_needs","accessibility_needs"]',
      agenda: '[]',
      cancel_reason: null,
      ical_uid: `${title}@test`,
      created_by: null,
      updated_at: new Date(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('the retention job', () => {
  it('deletes diet and accessibility answers 30 days after the event, and nothing else of the registration', async () => {
    const eventId = await eventEndingIn(1, 'Kostträff');
    const other = await eventEndingIn(20, 'Senare träff');
    const answer = await t.client().post(`/api/events/${eventId}/registrations`, { name: 'Anna', email: 'anna@example.org', dietaryNeeds: 'Vegan', accessibilityNeeds: 'Hörslinga' });
    expect(answer.status).toBe(201);
    const later = await t.client().post(`/api/events/${other}/registrations`, { name: 'Bo', email: 'bo@example.org', dietaryNeeds: 'Nötter' });
    const read = (id: string) => t.deps.db.selectFrom('registrations').select(['name', 'email', 'dietary_needs', 'accessibility_needs']).where('id', '=', id).executeTakeFirstOrThrow();

    t.clock.advance(31 * DAY - 60_000); // one minute short of 30 days after the end
    await enforceRetention(t.deps);
    expect(await read(answer.body.id)).toMatchObject({ dietary_needs: 'Vegan', accessibility_needs: 'Hörslinga' });

    t.clock.advance(2 * 60_000);
    const result = await enforceRetention(t.deps);
    expect(result.registrationAnswers).toBe(1);
    expect(await read(answer.body.id)).toEqual({ name: 'Anna', email: 'anna@example.org', dietary_needs: null, accessibility_needs: null });
    expect((await read(later.body.id)).dietary_needs).toBe('Nötter');
    expect((await enforceRetention(t.deps)).registrationAnswers).toBe(0);
  });

  it('deletes board participants’ names 90 days after the board closes (open boards keep them)', async () => {
    const eventId = await eventEndingIn(0, 'Tavelträff');
    const now = t.clock.now();
    const board = (status: 'open' | 'closed', code: string) =>
      t.deps.db
        .insertInto('boards')
        .values({ event_id: eventId, space_id: spaceId, code, title: 'Tavla', status, closed_at: status === 'closed' ? now : null, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
    const closed = await board('closed', 'RTNA01');
    const open = await board('open', 'RTNA02');
    for (const [boardId, name] of [[closed.id, 'Stina'], [open.id, 'Tore']] as const) {
      await t.deps.db.insertInto('board_participants').values({ board_id: boardId, token_hash: `h-${name}`, name, sector: 'civil_society', age_group: null, group_id: null }).execute();
    }
    const names = async () =>
      (await t.deps.db.selectFrom('board_participants').select(['name', 'sector']).where('board_id', 'in', [closed.id, open.id]).orderBy('token_hash').execute());

    t.clock.advance(90 * DAY - 60_000);
    await enforceRetention(t.deps);
    expect(await names()).toEqual([{ name: 'Stina', sector: 'civil_society' }, { name: 'Tore', sector: 'civil_society' }]);
    t.clock.advance(2 * 60_000);
    expect((await enforceRetention(t.deps)).boardNames).toBe(1);
    expect(await names()).toEqual([{ name: null, sector: 'civil_society' }, { name: 'Tore', sector: 'civil_society' }]);
  });

  it("removes volunteers' names and contacts 90 days after the call's day (the hours stay), and unconfirmed sign-ups after a week", async () => {
    const db = t.deps.db;
    const now = t.clock.now();
    const { id: organisationId } = await db.insertInto('organisations').values({ name: 'Byalaget (gallring)', sector: 'civil_society', type: 'association', level: 'local', municipality_code: '2422', created_by: null, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const { id: allianceId } = await db.insertInto('alliances').values({ space_id: spaceId, name: 'Allians (gallring)', created_by: null, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const { id: initiativeId } = await db
      .insertInto('initiatives')
      .values({ alliance_id: allianceId, space_id: spaceId, title: 'Städdag', lead_organisation_id: organisationId, municipality_code: null, lon: null, lat: null, start_date: null, end_date: null, indicators: '[]', created_by: null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const call = async (endsInDays: number) =>
      (await db.insertInto('volunteer_calls').values({ initiative_id: initiativeId, title: `Upprop ${endsInDays}`, starts_at: new Date(now.getTime() + endsInDays * DAY - 3_600_000), ends_at: new Date(now.getTime() + endsInDays * DAY), municipality_code: null, wanted: 10, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const soon = await call(1);
    const later = await call(30);
    const signup = async (callId: string, name: string, status: 'pending' | 'confirmed') =>
      (await db.insertInto('volunteer_signups').values({ call_id: callId, name, email: `${name.toLowerCase()}@example.org`, phone: '070-123 45 67', status, confirm_token_hash: `c-${name}`, cancel_token_hash: `x-${name}`, hours: status === 'confirmed' ? 3 : null, confirmed_at: status === 'confirmed' ? now : null }).returning('id').executeTakeFirstOrThrow()).id;
    const done = await signup(soon, 'Greta', 'confirmed');
    const coming = await signup(later, 'Hugo', 'confirmed');
    const unconfirmed = await signup(later, 'Ines', 'pending');
    const read = (id: string) => db.selectFrom('volunteer_signups').select(['name', 'email', 'phone', 'hours']).where('id', '=', id).executeTakeFirst();

    t.clock.advance(8 * DAY);
    expect((await enforceRetention(t.deps)).volunteerContacts).toBe(1);
    expect(await read(unconfirmed)).toBeUndefined();
    expect(await read(done)).toMatchObject({ name: 'Greta', phone: '070-123 45 67' });

    t.clock.advance(83 * DAY - 60_000); // one minute short of 90 days after the first call's day
    expect((await enforceRetention(t.deps)).volunteerContacts).toBe(0);
    t.clock.advance(2 * 60_000);
    expect((await enforceRetention(t.deps)).volunteerContacts).toBe(1);
    expect(await read(done)).toEqual({ name: 'borttagen användare', email: `${done}@deleted.invalid`, phone: null, hours: 3 });
    expect(await read(coming)).toMatchObject({ name: 'Hugo', email: 'hugo@example.org' });
    expect((await enforceRetention(t.deps)).volunteerContacts).toBe(0);
  });

  it('empties outbox messages after 90 days (body, attachments, recipients), but never one still waiting to go', async () => {
    const db = t.deps.db;
    const insert = (status: 'stored' | 'queued', to: string) =>
      db
        .insertInto('outbox')
        .values({ created_at: t.clock.now(), recipients: JSON.stringify([to]), subject: 'Ämne', text: 'Hej Ulla, här är din länk', attachments: '[{"filename":"a.ics","contentType":"text/calendar","content":"QQ=="}]', status, error: null })
        .returning('id')
        .executeTakeFirstOrThrow();
    const stored = await insert('stored', 'ulla@example.org');
    const queued = await insert('queued', 'ulf@example.org');
    const read = (id: string) => db.selectFrom('outbox').select(['subject', 'text', 'recipients', 'attachments', 'purged_at']).where('id', '=', id).executeTakeFirstOrThrow();

    t.clock.advance(90 * DAY - 60_000);
    await enforceRetention(t.deps);
    expect((await read(stored.id)).text).toBe('Hej Ulla, här är din länk');
    t.clock.advance(2 * 60_000);
    const result = await enforceRetention(t.deps);
    expect(result.outboxMessages).toBeGreaterThanOrEqual(1);
    expect(await read(stored.id)).toMatchObject({ subject: 'Ämne', text: '', recipients: [], attachments: [] });
    expect((await read(stored.id)).purged_at).not.toBeNull();
    expect((await read(queued.id)).text).toBe('Hej Ulla, här är din länk');
  });

  it('keeps audit entries’ facts and drops their personal data after the configured years', async () => {
    const person = await t.user({ name: 'Granskad' });
    await person.client.patch('/api/me', { name: 'Granskad Igen' });
    const entries = () =>
      t.deps.db.selectFrom('audit_log').selectAll().where('resource_type', '=', 'user').where('resource_id', '=', person.id).orderBy('id').execute();
    const before = await entries();
    expect(before.map((e) => e.action)).toEqual(['user.create', 'user.update_self']);
    expect(before[1]!.actor_id).toBe(person.id);

    t.clock.advance(5 * 365 * DAY); // five years less a leap day or two
    await enforceRetention(t.deps);
    expect((await entries())[1]!.actor_id).toBe(person.id);
    t.clock.advance(3 * DAY);
    expect((await enforceRetention(t.deps)).auditEntries).toBeGreaterThanOrEqual(2);
    const after = await entries();
    expect(after.map((e) => ({ action: e.action, resource: e.resource_id, at: e.at.toISOString(), actor: e.actor_id, request: e.request_id, details: e.details }))).toEqual(
      before.map((e) => ({ action: e.action, resource: e.resource_id, at: e.at.toISOString(), actor: null, request: null, details: {} })),
    );
    expect(after.every((e) => e.redacted_at !== null)).toBe(true);
    // Still append-only for anything else: no forging, no deleting, not even of a redacted entry.
    await expect(t.deps.db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', after[0]!.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.deps.db.updateTable('audit_log').set({ redacted_at: null }).where('id', '=', after[0]!.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.deps.db.deleteFrom('audit_log').where('id', '=', after[0]!.id).execute()).rejects.toThrow(/append-only/);
    // Each run is audited with counts only.
    const runs = await t.deps.db.selectFrom('audit_log').select(['details', 'actor_id']).where('action', '=', 'privacy.retention').orderBy('id', 'desc').limit(1).execute();
    expect(runs[0]).toMatchObject({ actor_id: null, details: { auditEntries: expect.any(Number) } });
  });
});

describe('the daily schedule', () => {
  it('enqueues the retention job once per day however often it is checked, and the job enforces retention', async () => {
    const jobs = () => t.deps.db.selectFrom('jobs').select(['id', 'status', 'payload', 'result']).where('kind', '=', RETENTION_JOB).orderBy('created_at').execute();
    // 01:00 UTC of the next day, so the hour below stays within one day whenever the test runs (the
    // period is the UTC day; started after 23:00 UTC, an hour later would be tomorrow).
    const today = t.clock.now();
    t.clock.advance(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, 1) - today.getTime());
    const first = await t.deps.jobs.runSchedules(t.clock.now(), [RETENTION_JOB]);
    expect(first).toHaveLength(1);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [RETENTION_JOB])).toEqual([]);
    t.clock.advance(3_600_000);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [RETENTION_JOB])).toEqual([]);
    await t.deps.jobs.idle();
    const [job] = await jobs();
    expect(job).toMatchObject({ status: 'done', payload: { period: t.clock.now().toISOString().slice(0, 10) } });
    expect(job!.result).toMatchObject({ registrationAnswers: 0, boardNames: 0, outboxMessages: expect.any(Number), auditEntries: expect.any(Number) });
    t.clock.advance(DAY);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [RETENTION_JOB])).toHaveLength(1);
    await t.deps.jobs.idle();
    expect((await jobs()).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('enqueues one job however many checks run at once', async () => {
    t.clock.advance(7 * DAY);
    const now = t.clock.now();
    const made = await Promise.all(Array.from({ length: 8 }, () => t.deps.jobs.runSchedules(now, [RETENTION_JOB])));
    expect(made.flat()).toHaveLength(1);
    const rows = await t.deps.db.selectFrom('job_schedule').selectAll().where('name', '=', RETENTION_JOB).where('period', '=', now.toISOString().slice(0, 10)).execute();
    expect(rows.map((r) => r.job_id)).toEqual(made.flat());
    await t.deps.jobs.idle();
  });
});
