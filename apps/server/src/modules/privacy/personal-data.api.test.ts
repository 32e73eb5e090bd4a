import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/user/user.service.ts';
import { anonymous } from '../../platform/actor.ts';
import { consentToken } from '../../platform/consent-link.ts';
import { Client, createTestApp, PASSWORD, type TestApp } from '../../test/app.ts';

/**
 * People's data (issue 14 §2): download my data, delete my account, consent withdrawal by link
 * and by a leader, the privacy page and the register of processing.
 */
let t: TestApp;
let lead: { client: Client; id: string; email: string };
let spaceId: string;

const day = 86_400_000;
const at = (offsetDays: number, hour = 18) => {
  const d = new Date(t.clock.now().getTime() + offsetDays * day);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d.toISOString();
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare Lena' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'TALKO Lappland', kind: 'project', visibility: 'public', municipalityCodes: ['2422'] })).body.id;
});
afterAll(() => t.close());

async function newEvent(overrides: Record<string, unknown> = {}) {
  const answer = await lead.client.post(`/api/spaces/${spaceId}/events`, {
    kind: 'village_forum',
    title: 'Byaforum i Ammarnäs',
    startsAt: at(10),
    endsAt: at(10, 20),
    placeName: 'Bygdegården',
    capacity: 1,
    questions: ['dietary_needs', 'accessibility_needs'],
    ...overrides,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string };
}

/** The consent-withdrawal token from the link in an e-mail (…/consent#token=…). */
function consentTokenFromMail(text: string): string {
  const match = /\/consent#token=([A-Za-z0-9._-]+)/.exec(text);
  if (!match) throw new Error(`no consent link in: ${text}`);
  return match[1]!;
}

describe('download my data', () => {
  it('gives the signed-in person everything about them as JSON: account, memberships, registrations (by account and by e-mail), inputs, people records, tokens, sessions, audit', async () => {
    const me = await t.user({ name: 'Maja Exempel' });
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: me.id, role: 'member', created_at: t.clock.now() }).execute();
    const event = await newEvent({ capacity: 10 });
    // Registered once signed in and once without an account, with the same address in capitals.
    expect((await me.client.post(`/api/events/${event.id}/registrations`, { name: 'Maja Exempel', email: me.email, dietaryNeeds: 'Glutenfritt' })).status).toBe(201);
    const other = await newEvent({ title: 'Andra träffen', capacity: 10 });
    expect((await t.client().post(`/api/events/${other.id}/registrations`, { name: 'Maja E', email: me.email.toUpperCase() })).status).toBe(201);
    expect((await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: 'Vi behöver en brevlåda i byn', kind: 'need', submitterEmail: me.email })).status).toBe(201);
    expect((await lead.client.post('/api/people', { spaceId, name: 'Maja Exempel', email: me.email, consent: { purpose: 'Arbetsgrupp', textVersion: 'v1', method: 'paper' } })).status).toBe(201);
    expect((await me.client.post('/api/me/tokens', { name: 'Kalkylark' })).status).toBe(201);
    // Someone else's data never shows.
    const stranger = await t.user();
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Annan', email: stranger.email });

    const answer = await me.client.get('/api/me/data');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="samhandling-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const data = answer.body;
    expect(data).toMatchObject({ format: 'samhandling-personal-data', version: 1, subject: { userId: me.id, email: me.email } });
    const s = data.sections;
    expect(Object.keys(s)).toEqual([
      'account', 'profile', 'sessions', 'apiTokens', 'emailLinks', 'signups', 'memberships', 'invitations', 'joinRequests', 'groupMemberships', 'processTicks', 'people',
      'surveyInvitations', 'registrations', 'volunteerSignups', 'inputs', 'planComments', 'agreements', 'boardNotes', 'libraryItems',
      'collaborationModels', 'newsPosts', 'follows', 'auditEntries', 'emails',
    ]);
    expect(s.account).toEqual([expect.objectContaining({ id: me.id, email: me.email, name: 'Maja Exempel', hasPassword: true })]);
    expect(s.memberships).toEqual([expect.objectContaining({ space: { id: spaceId, name: 'TALKO Lappland' }, role: 'member' })]);
    expect(s.registrations.map((r: { event: { title: string } }) => r.event.title).sort()).toEqual(['Andra träffen', 'Byaforum i Ammarnäs']);
    expect(s.registrations.find((r: { dietaryNeeds: string | null }) => r.dietaryNeeds)).toMatchObject({ dietaryNeeds: 'Glutenfritt' });
    expect(s.inputs).toEqual([expect.objectContaining({ text: 'Vi behöver en brevlåda i byn', role: 'submitter', noticeEmail: me.email })]);
    expect(s.people).toEqual([expect.objectContaining({ name: 'Maja Exempel', consents: [expect.objectContaining({ purpose: 'Arbetsgrupp', method: 'paper', withdrawnAt: null })] })]);
    expect(s.apiTokens).toEqual([expect.objectContaining({ name: 'Kalkylark' })]);
    expect(s.sessions.length).toBeGreaterThanOrEqual(1);
    expect(s.auditEntries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.create', 'session.start', 'api_token.create']));
    expect(s.emails.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(data);
    expect(text).not.toContain(stranger.email);
    expect(text).not.toMatch(/password_hash|token_hash|\$argon2/);
    // Downloading is itself recorded.
    const log = await t.deps.db.selectFrom('audit_log').select('action').where('actor_id', '=', me.id).where('action', '=', 'user.export_data').execute();
    expect(log).toHaveLength(1);
  });

  it('also as a printable HTML page in the person’s language, with every value escaped, and as a PDF', async () => {
    const me = await t.user({ name: '<script>alert(1)</script> Nils' });
    const answer = await me.client.get('/api/me/data?format=html');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toContain('<h1>Mina uppgifter i Samhandling</h1>');
    expect(answer.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Nils');
    expect(answer.body).not.toContain('<script>');
    await me.client.patch('/api/me', { language: 'en' });
    expect((await me.client.get('/api/me/data?format=html')).body).toContain('<h1>My data in Samhandling</h1>');
    expect((await me.client.get('/api/me/data?format=xml')).status).toBe(400);
    const pdf = await me.client.get('/api/me/data?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="samhandling-mina-uppgifter-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
  });

  it('is for the person signed in with a session: not anonymous, not through an API token', async () => {
    expect((await t.client().get('/api/me/data')).status).toBe(401);
    const me = await t.user();
    const token = (await me.client.post('/api/me/tokens', { name: 'Skript' })).body.token as string;
    expect((await t.client({ token }).get('/api/me/data')).status).toBe(403);
    expect((await t.client({ token }).get('/api/me/deletion')).status).toBe(403);
    expect((await t.client({ token }).post('/api/me/delete', { password: PASSWORD })).status).toBe(403);
    expect((await t.deps.db.selectFrom('users').select('deleted_at').where('id', '=', me.id).executeTakeFirstOrThrow()).deleted_at).toBeNull();
  });
});

describe('delete my account', () => {
  it('asks for the password again; a wrong one changes nothing', async () => {
    const me = await t.user();
    const preview = await me.client.get('/api/me/deletion');
    expect(preview.body).toMatchObject({ needsPassword: true, soleLeaderOf: [], lastPlatformAdmin: false });
    const wrong = await me.client.post('/api/me/delete', { password: 'not-my-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual({ password: 'Fel e-postadress eller lösenord.' });
    expect((await me.client.post('/api/me/delete', {})).status).toBe(400);
    expect((await me.client.get('/api/me')).body.user.email).toBe(me.email);
  });

  it('tells a space’s only admin to hand over first, and lets them go once someone else is admin', async () => {
    const me = await t.user({ name: 'Ensam Admin' });
    const space = (await me.client.post('/api/spaces', { name: 'Byalaget Gargnäs', kind: 'alliance', visibility: 'public', municipalityCodes: ['2422'] })).body.id;
    expect((await me.client.get('/api/me/deletion')).body.soleLeaderOf).toEqual([{ id: space, name: 'Byalaget Gargnäs' }]);
    const refused = await me.client.post('/api/me/delete', { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Du är ensam administratör för Byalaget Gargnäs. Ge rollen till någon annan (eller arkivera arenan) innan du raderar ditt konto.');
    expect(refused.body.error.spaces).toEqual([{ id: space, name: 'Byalaget Gargnäs' }]);
    const heir = await t.user();
    await t.deps.db.insertInto('memberships').values({ space_id: space, user_id: heir.id, role: 'space_admin', created_at: t.clock.now() }).execute();
    expect((await me.client.post('/api/me/delete', { password: PASSWORD })).status).toBe(204);
    expect((await heir.client.get(`/api/spaces/${space}`)).status).toBe(200);
  });

  it('keeps the last platform admin', async () => {
    const admins = await t.deps.db.selectFrom('users').select('id').where('is_admin', '=', true).execute();
    expect(admins).toHaveLength(0);
    const admin = await t.user({ isAdmin: true });
    const refused = await admin.client.post('/api/me/delete', { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Du är den enda plattformsadministratören. Utse en till innan du raderar ditt konto.');
    await t.deps.db.updateTable('users').set({ is_admin: false }).where('id', '=', admin.id).execute();
  });

  it('erases the person and keeps what others rely on as "borttagen användare", audited without personal data', async () => {
    const me = await t.user({ name: 'Greta Raderas' });
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: me.id, role: 'facilitator', created_at: t.clock.now() }).execute();
    const event = await newEvent({ capacity: 1, title: 'Fullsatt träff' });
    expect((await me.client.post(`/api/events/${event.id}/registrations`, { name: 'Greta Raderas', email: me.email, accessibilityNeeds: 'Rullstol' })).body.status).toBe('confirmed');
    const waiting = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Väntande Viktor', email: 'viktor@example.org' });
    expect(waiting.body.status).toBe('waitlisted');
    const input = (await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: 'Bättre busstider till Sorsele', kind: 'need', submitterEmail: me.email })).body;
    const entered = (await me.client.post(`/api/spaces/${spaceId}/inputs`, { text: 'Inspel från telefonsamtal', kind: 'idea', source: 'facilitator', channel: 'phone' })).body;
    const person = (await lead.client.post('/api/people', { spaceId, name: 'Greta Raderas', email: me.email, phone: '070-1234567', consent: { purpose: 'Kontaktlista', textVersion: 'v2', method: 'form' } })).body;
    await me.client.post('/api/me/tokens', { name: 'Nyckel' });
    const session = await t.signIn(me.email);

    const deleted = await me.client.post('/api/me/delete', { password: PASSWORD });
    expect(deleted.status).toBe(204);
    expect(deleted.headers['set-cookie']).toBeDefined();
    // Signed out everywhere, and the account cannot come back by password, link or token.
    expect((await me.client.get('/api/me')).body.user).toBeNull();
    expect((await session.get('/api/me')).body.user).toBeNull();
    expect((await t.client().post('/api/auth/sign-in', { email: me.email, password: PASSWORD })).status).toBe(401);
    const db = t.deps.db;
    const row = await db.selectFrom('users').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'borttagen användare', email: `${me.id}@deleted.invalid`, password_hash: null, is_admin: false });
    expect(row.deleted_at).not.toBeNull();
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', me.id).execute()).toHaveLength(0);
    expect(await db.selectFrom('api_tokens').select('id').where('user_id', '=', me.id).execute()).toHaveLength(0);
    expect(await db.selectFrom('memberships').select('space_id').where('user_id', '=', me.id).execute()).toHaveLength(0);
    // The registration is cancelled and anonymous; its seat went to the waitlist.
    const registration = await db.selectFrom('registrations').selectAll().where('event_id', '=', event.id).where('consent_withdrawn_at', 'is not', null).executeTakeFirstOrThrow();
    expect(registration).toMatchObject({ status: 'cancelled', name: 'borttagen användare', email: `${registration.id}@deleted.invalid`, user_id: null, accessibility_needs: null, consent_withdrawal_method: 'account_deletion' });
    expect((await db.selectFrom('registrations').select('status').where('id', '=', waiting.body.id).executeTakeFirstOrThrow()).status).toBe('confirmed');
    // The input stays; its address is gone. The input they entered for someone else stays, by "borttagen användare".
    const inputRow = await db.selectFrom('inputs').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    expect(inputRow).toMatchObject({ submitter_email: null, notice_consent_withdrawal_method: 'account_deletion', text: 'Bättre busstider till Sorsele' });
    expect((await db.selectFrom('inputs').select('entered_by').where('id', '=', entered.id).executeTakeFirstOrThrow()).entered_by).toBe(me.id);
    // The people record is erased, its consent withdrawn beside it.
    const shown = (await lead.client.get(`/api/people/${person.id}`)).body;
    expect(shown).toMatchObject({ name: 'borttagen användare', email: null, phone: null });
    expect(shown.consents[0].withdrawnAt).not.toBeNull();
    // No e-mail to the address survives, and none of this is in the audit log.
    const mails = await t.outboxFor(me.email);
    expect(mails).toHaveLength(0);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.delete_self').where('resource_id', '=', me.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ erased: expect.objectContaining({ registrations: 1, inputs: 1, people: 1, memberships: 1 }) });
    const everyAuditLine = JSON.stringify(await db.selectFrom('audit_log').select(['details']).execute());
    expect(everyAuditLine).not.toContain(me.email);
    expect(everyAuditLine).not.toContain('Greta');
    // The whole database holds the address nowhere any more.
    for (const [table, column] of [['users', 'email'], ['registrations', 'email'], ['inputs', 'submitter_email'], ['people', 'email'], ['invitations', 'email']] as const) {
      const hits = await db.selectFrom(table).select(column).where(column, '=', me.email).execute();
      expect(hits, table).toHaveLength(0);
    }
  });

  it('asks an account without a password (OIDC, magic link) to type its e-mail address instead', async () => {
    const created = await createUser(t.deps, { actor: anonymous, requestId: null }, { email: 'oidc.person@example.org', name: 'OIDC Person' });
    const { startSession } = await import('../accounts/session/session.service.ts');
    const session = await startSession(t.deps, { requestId: 'test', userAgent: undefined }, created.id, 'oidc');
    const client = t.client();
    client.cookie = `samhandling_session=${session.token}`;
    expect((await client.get('/api/me/deletion')).body.needsPassword).toBe(false);
    const wrong = await client.post('/api/me/delete', { confirmEmail: 'someone.else@example.org' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual({ confirmEmail: 'Skriv din e-postadress exakt som den står för att bekräfta.' });
    expect((await client.post('/api/me/delete', { confirmEmail: ' OIDC.Person@example.org ' })).status).toBe(204);
  });
});

describe('consent withdrawal', () => {
  it('through the link in a registration e-mail, without an account: cancels, erases and records it beside the consent', async () => {
    const event = await newEvent({ capacity: 1, title: 'Workshop om post' });
    const first = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Karin Karlsson', email: 'karin@example.org', dietaryNeeds: 'Laktosfritt' });
    const second = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Olle Olsson', email: 'olle@example.org' });
    expect(second.body.status).toBe('waitlisted');
    const [mail] = await t.outboxFor('karin@example.org');
    const token = consentTokenFromMail(mail!.text);
    expect(mail!.text).toContain('Återkalla ditt samtycke här');

    const info = await t.client().post('/api/consents/link', { token });
    expect(info.body).toEqual({ kind: 'registration', title: 'Workshop om post', spaceName: null, active: true, withdrawnAt: null });
    const withdrawn = await t.client().post('/api/consents/link/withdraw', { token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ kind: 'registration', active: false, withdrawnAt: t.clock.now().toISOString() });

    const row = await t.deps.db.selectFrom('registrations').selectAll().where('id', '=', first.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', name: 'borttagen användare', email: `${first.body.id}@deleted.invalid`, dietary_needs: null, consent_withdrawal_method: 'link', consent_withdrawn_by: null });
    expect((await t.deps.db.selectFrom('registrations').select('status').where('id', '=', second.body.id).executeTakeFirstOrThrow()).status).toBe('confirmed');
    // From then on nothing goes to the address: cancelling the event mails the others only.
    const before = (await t.outboxFor('karin@example.org')).length;
    expect((await lead.client.post(`/api/events/${event.id}/cancel`, { reason: 'Sjukdom' })).status).toBe(200);
    expect(await t.outboxFor('karin@example.org')).toHaveLength(before);
    expect((await t.outboxFor('olle@example.org')).some((m) => /^Inställt: Workshop om post/.test(m.subject))).toBe(true);
    // Withdrawing twice changes nothing.
    expect((await t.client().post('/api/consents/link/withdraw', { token })).body.withdrawnAt).toBe(row.consent_withdrawn_at!.toISOString());
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'registration.consent_withdraw').where('resource_id', '=', first.body.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('karin');
  });

  it('through the link in an input receipt: the address is erased, no more notices go out', async () => {
    const input = (await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: 'Laddstolpe vid affären', kind: 'need', submitterEmail: 'sven@example.org' })).body;
    const [receipt] = await t.outboxFor('sven@example.org');
    const token = consentTokenFromMail(receipt!.text);
    expect((await t.client().post('/api/consents/link', { token })).body).toMatchObject({ kind: 'input', spaceName: 'TALKO Lappland', active: true });
    expect((await t.client().post('/api/consents/link/withdraw', { token })).status).toBe(200);
    const row = await t.deps.db.selectFrom('inputs').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ submitter_email: null, notice_consent_withdrawal_method: 'link' });
    expect(row.notice_consent_withdrawn_at).not.toBeNull();
    expect((await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed' })).status).toBe(200);
    expect(await t.outboxFor('sven@example.org')).toHaveLength(1);
  });

  it('through the link in a mapping survey: the contact is erased and not reminded; the organisation’s survey stays', async () => {
    const org = (await lead.client.post('/api/organisations', { name: 'Byalaget i Gargnäs', sector: 'civil_society', type: 'association', level: 'local', municipalityCode: '2422' })).body;
    expect((await lead.client.post(`/api/spaces/${spaceId}/organisations`, { organisationId: org.id })).status).toBe(201);
    const survey = await lead.client.post(`/api/spaces/${spaceId}/surveys`, { title: 'Vem samverkar ni med?', recipients: [{ organisationId: org.id, email: 'kontakt@gargnas.example' }] });
    expect(survey.status).toBe(201);
    const [mail] = await t.outboxFor('kontakt@gargnas.example');
    const token = consentTokenFromMail(mail!.text);
    expect((await t.client().post('/api/consents/link', { token })).body).toEqual({ kind: 'survey', title: 'Vem samverkar ni med?', spaceName: 'TALKO Lappland', active: true, withdrawnAt: null });
    expect((await t.client().post('/api/consents/link/withdraw', { token })).status).toBe(200);
    const recipient = await t.deps.db.selectFrom('survey_recipients').selectAll().where('survey_id', '=', survey.body.id).executeTakeFirstOrThrow();
    expect(recipient).toMatchObject({ email: '', consent_withdrawal_method: 'link' });
    expect((await lead.client.post(`/api/spaces/${spaceId}/surveys/${survey.body.id}/remind`)).body).toEqual({ reminded: 0 });
    expect(await t.outboxFor('kontakt@gargnas.example')).toHaveLength(1);
    expect((await lead.client.get(`/api/spaces/${spaceId}/surveys`)).body[0]).toMatchObject({ invited: 1 });
  });

  it('withdraws several registrations of an event that has taken place (they stay in its figures, anonymous)', async () => {
    const event = await newEvent({ capacity: 10, title: 'Träff som varit' });
    const ids: string[] = [];
    for (const who of ['ett', 'tva']) ids.push((await t.client().post(`/api/events/${event.id}/registrations`, { name: who, email: `${who}@example.org` })).body.id);
    await t.deps.db.updateTable('events').set({ starts_at: new Date(t.clock.now().getTime() - 3 * day), ends_at: new Date(t.clock.now().getTime() - 2 * day) }).where('id', '=', event.id).execute();
    for (const id of ids) expect((await lead.client.post(`/api/consents/registration/${id}/withdraw`)).status).toBe(204);
    const rows = await t.deps.db.selectFrom('registrations').select(['status', 'name']).where('event_id', '=', event.id).execute();
    expect(rows).toEqual([
      { status: 'confirmed', name: 'borttagen användare' },
      { status: 'confirmed', name: 'borttagen användare' },
    ]);
  });

  it('refuses a forged, altered or unknown link with a clear 404 and changes nothing', async () => {
    const registration = await t.client().post(`/api/events/${(await newEvent({ capacity: 5 })).id}/registrations`, { name: 'Eva', email: 'eva@example.org' });
    const good = consentToken(t.deps.config.sessionSecret, 'registration', registration.body.id);
    const forged = consentToken('another-secret-another-secret-123456', 'registration', registration.body.id);
    const unknown = consentToken(t.deps.config.sessionSecret, 'registration', '00000000-0000-4000-8000-000000000000');
    for (const token of [forged, unknown, good.slice(0, -2) + 'xx', `input.${good.split('.').slice(1).join('.')}`]) {
      const answer = await t.client().post('/api/consents/link/withdraw', { token });
      expect(answer.status, token).toBe(404);
      expect(answer.body.error.message).toBe('Länken för att återkalla samtycket är ogiltig.');
    }
    expect((await t.client().post('/api/consents/link/withdraw', { token: 'x' })).status).toBe(400);
    expect((await t.deps.db.selectFrom('registrations').select('email').where('id', '=', registration.body.id).executeTakeFirstOrThrow()).email).toBe('eva@example.org');
  });

  it('by a leader on the person’s behalf, recorded as such; others are told it does not exist', async () => {
    const person = (await lead.client.post('/api/people', { spaceId, name: 'Per Persson', email: 'per@example.org', consent: { purpose: 'Arbetsgrupp Sorsele', textVersion: 'v1', method: 'verbal' } })).body;
    const consentId = person.consents[0].id as string;
    const outsider = await t.user();
    expect((await outsider.client.post(`/api/consents/person/${consentId}/withdraw`)).status).toBe(404);
    expect((await t.client().post(`/api/consents/person/${consentId}/withdraw`)).status).toBe(401);
    expect((await lead.client.post(`/api/consents/person/00000000-0000-4000-8000-000000000000/withdraw`)).status).toBe(404);
    expect((await lead.client.post(`/api/consents/person/${consentId}/withdraw`)).status).toBe(204);
    const consent = await t.deps.db.selectFrom('person_consents').selectAll().where('id', '=', consentId).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ withdrawn_by: lead.id, withdrawal_method: 'leader' });
    expect((await lead.client.get(`/api/people/${person.id}`)).body).toMatchObject({ name: 'borttagen användare', email: null });

    const event = await newEvent({ capacity: 5 });
    const registration = (await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Rut', email: 'rut@example.org' })).body;
    expect((await outsider.client.post(`/api/consents/registration/${registration.id}/withdraw`)).status).toBe(404);
    expect((await lead.client.post(`/api/consents/registration/${registration.id}/withdraw`)).status).toBe(204);
    expect(await t.deps.db.selectFrom('registrations').select(['consent_withdrawal_method', 'consent_withdrawn_by']).where('id', '=', registration.id).executeTakeFirstOrThrow()).toEqual({
      consent_withdrawal_method: 'leader',
      consent_withdrawn_by: lead.id,
    });
    const input = (await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: 'Postombud behövs', kind: 'need', submitterEmail: 'ida@example.org' })).body;
    expect((await outsider.client.post(`/api/consents/input/${input.id}/withdraw`)).status).toBe(404);
    expect((await lead.client.post(`/api/consents/input/${input.id}/withdraw`)).status).toBe(204);
    expect((await lead.client.post(`/api/consents/other/${input.id}/withdraw`)).status).toBe(400);
  });
});

describe('privacy page and register of processing', () => {
  it('says the controller must be configured, and shows the retention periods in force', async () => {
    const page = await t.client().get('/api/privacy');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      language: 'sv',
      controller: { name: null, contact: null, configured: false },
      retention: { registrationAnswersDays: 30, boardNamesDays: 90, outboxDays: 90, auditYears: 5 },
    });
    expect(page.body.activities.map((a: { id: string }) => a.id)).toEqual(['accounts', 'registrations', 'inputs', 'people', 'surveys', 'boards', 'volunteers', 'consultation', 'email', 'follows', 'audit']);
    expect(page.body.activities.find((a: { id: string }) => a.id === 'registrations').retention).toContain('30 dagar efter träffen');
    const english = await t.client().get('/api/privacy?lang=en');
    expect(english.body.activities[0].name).toBe('User accounts and sign-in');
  });

  it('gives admins the Art. 30 register as JSON and CSV; others get 404', async () => {
    const admin = await t.user({ isAdmin: true });
    const json = await admin.client.get('/api/admin/privacy/register');
    expect(json.status).toBe(200);
    expect(json.body.activities).toHaveLength(11);
    const csv = await admin.client.get('/api/admin/privacy/register.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="registerforteckning.csv"');
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"Personuppgiftsansvarig","Behandling","Ändamål","Rättslig grund","Kategorier av registrerade","Kategorier av personuppgifter","Mottagare","Överföring till tredje land","Lagringstid","Säkerhetsåtgärder"');
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatch(/^"Inte inställt","Användarkonton och inloggning",/);
    expect((await lead.client.get('/api/admin/privacy/register')).status).toBe(404);
    expect((await lead.client.get('/api/admin/privacy/register.csv')).status).toBe(404);
    expect((await t.client().get('/api/admin/privacy/register')).status).toBe(401);
    await t.deps.db.updateTable('users').set({ is_admin: false }).where('id', '=', admin.id).execute();
  });
});

describe('privacy page from configuration', () => {
  it('names the configured controller, contact and retention periods', async () => {
    const configured = await createTestApp({
      config: {
        privacy: {
          controllerName: 'Region Exempel',
          controllerContact: '=HYPERLINK("x"), dataskydd@region.example',
          dpoContact: 'dso@region.example',
          retention: { registrationAnswersDays: 14, boardNamesDays: 60, outboxDays: 30, volunteerContactsDays: 45, auditYears: 10 },
        },
      },
    });
    try {
      const page = await configured.client().get('/api/privacy');
      expect(page.body.controller).toEqual({ name: 'Region Exempel', contact: '=HYPERLINK("x"), dataskydd@region.example', configured: true });
      expect(page.body.dpoContact).toBe('dso@region.example');
      expect(page.body.activities.find((a: { id: string }) => a.id === 'boards').retention).toBe('Deltagarnas namn raderas 60 dagar efter att tavlan stängts.');
      expect(page.body.activities.find((a: { id: string }) => a.id === 'volunteers').retention).toMatch(/^Namn, e-post och telefon tas bort 45 dagar efter uppropets dag/);
      const admin = await configured.user({ isAdmin: true });
      const csv = String((await admin.client.get('/api/admin/privacy/register.csv?lang=en')).body);
      // A controller contact that looks like a formula is neutralised in the CSV.
      expect(csv).toContain(`"Region Exempel, =HYPERLINK(""x""), dataskydd@region.example"`);
      expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF"Controller","Processing"/);
    } finally {
      await configured.close();
    }
  }, 180_000);
});
