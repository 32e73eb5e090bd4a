import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildMembership, buildSignedInUser } from '../../test/factories.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let spaceId: string;

const day = 86_400_000;
const at = (offsetDays: number, hour = 18) => {
  const d = new Date(t.clock.now().getTime() + offsetDays * day);
  d.setUTCHours(hour - 1, 0, 0, 0); // 18:00 in Stockholm in winter
  return d.toISOString();
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t, { name: 'Processledare' });
  member = await buildSignedInUser(t, { name: 'Medlem' });
  spaceId = (
    await lead.client.post('/api/spaces', { name: 'TALKO Lappland', kind: 'project', visibility: 'public', municipalityCodes: ['2422'] })
  ).body.id;
  const invited = await lead.client.post(`/api/spaces/${spaceId}/members`, { email: 'x@example.org', role: 'member' });
  expect(invited.status).toBe(201);
  await buildMembership(t, spaceId, member);
});
afterAll(() => t.close());

async function newEvent(overrides: Record<string, unknown> = {}) {
  const answer = await lead.client.post(`/api/spaces/${spaceId}/events`, {
    kind: 'kick_off',
    title: 'Uppstartsmöte i Sorsele',
    description: 'Vi startar den lokala arbetsgruppen.',
    startsAt: at(10),
    endsAt: at(10, 20),
    placeName: 'Folkets hus',
    address: 'Storgatan 1, Sorsele',
    lon: 17.53,
    lat: 65.53,
    capacity: 30,
    ...overrides,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; sequence: number; allowedActions: string[] };
}

describe('events', () => {
  it('creates, lists, shows and edits an event', async () => {
    const created = await newEvent({
      kind: 'knowledge_dialogue',
      title: 'Kunskapsdialog: service på landsbygden',
      onlineUrl: 'https://meet.example.org/sok',
      onlineCapacity: 70,
      agenda: [
        { startsAt: at(10, 19), title: 'Gruppsamtal' },
        { startsAt: at(10, 18), title: 'Välkomna' },
      ],
      questions: ['organisation', 'sector'],
    });
    const shown = await t.client().get(`/api/events/${created.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      kind: 'knowledge_dialogue',
      modes: ['on_site', 'online'],
      capacity: 30,
      onlineCapacity: 70,
      registrationOpen: true,
      questions: ['organisation', 'sector'],
      status: 'scheduled',
      sequence: 0,
    });
    expect(shown.body.agenda.map((a: { title: string }) => a.title)).toEqual(['Välkomna', 'Gruppsamtal']);
    expect(shown.body.allowedActions).toContain('register');
    expect(shown.body.allowedActions).not.toContain('update');
    expect((await lead.client.get(`/api/events/${created.id}`)).body.allowedActions).toEqual(
      expect.arrayContaining(['update', 'cancel', 'reschedule', 'check_in']),
    );
    const listed = await t.client().get(`/api/spaces/${spaceId}/events`);
    expect(listed.body.map((e: { id: string }) => e.id)).toContain(created.id);
    const patched = await lead.client.patch(`/api/events/${created.id}`, { title: 'Kunskapsdialog om service', capacity: 40 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Kunskapsdialog om service', capacity: 40, sequence: 0 });
  });

  it('refuses bad input with every problem named, in Swedish, and changes nothing', async () => {
    const before = (await t.client().get(`/api/spaces/${spaceId}/events`)).body.length;
    const answer = await lead.client.post(`/api/spaces/${spaceId}/events`, {
      kind: 'party',
      title: '',
      startsAt: at(3, 20),
      endsAt: at(3, 18),
      capacity: -1,
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(expect.arrayContaining(['kind', 'title', 'capacity']));
    const order = await lead.client.post(`/api/spaces/${spaceId}/events`, {
      kind: 'seminar',
      title: 'Fel ordning',
      startsAt: at(3, 20),
      endsAt: at(3, 18),
    });
    expect(order.body.error.fields.endsAt).toBe('Slutdatum kan inte vara före startdatum.');
    const noTz = await lead.client.post(`/api/spaces/${spaceId}/events`, {
      kind: 'seminar',
      title: 'Utan tidszon',
      startsAt: '2026-03-01T18:00:00',
      endsAt: '2026-03-01T20:00:00',
    });
    expect(noTz.status).toBe(400);
    expect((await t.client().get(`/api/spaces/${spaceId}/events`)).body.length).toBe(before);
  });

  it("shows a members-only space's event to outsiders only when it is public", async () => {
    const closed = (await lead.client.post('/api/spaces', { name: 'Slutet projekt', kind: 'project', visibility: 'members' })).body.id;
    const make = (title: string, isPublic: boolean) =>
      lead.client
        .post(`/api/spaces/${closed}/events`, { kind: 'seminar', title, public: isPublic, startsAt: at(4), endsAt: at(4, 20) })
        .then((a) => a.body.id as string);
    const open = await make('Öppet seminarium', true);
    const internal = await make('Internt möte', false);
    expect((await t.client().get(`/api/events/${open}`)).body).toMatchObject({
      title: 'Öppet seminarium',
      public: true,
      allowedActions: ['view', 'view_statistics', 'view_documents', 'register'],
    });
    expect((await t.client().post(`/api/events/${open}/registrations`, { name: 'Utomstående', email: 'ute@example.org' })).status).toBe(
      201,
    );
    expect((await t.client().get(`/api/events/${internal}`)).status).toBe(404);
    expect((await member.client.get(`/api/events/${internal}`)).status).toBe(404);
    expect((await t.client().post(`/api/events/${internal}/registrations`, { name: 'Utomstående', email: 'ute@example.org' })).status).toBe(
      404,
    );
    expect((await t.client().get(`/api/spaces/${closed}/events`)).status).toBe(404);
  });

  it('lets only those who lead the space plan events', async () => {
    const answer = await member.client.post(`/api/spaces/${spaceId}/events`, {
      kind: 'seminar',
      title: 'Mitt seminarium',
      startsAt: at(5),
      endsAt: at(5, 20),
    });
    expect(answer.status).toBe(403);
    const anonymous = await t
      .client()
      .post(`/api/spaces/${spaceId}/events`, { kind: 'seminar', title: 'Anonymt', startsAt: at(5), endsAt: at(5, 20) });
    expect(anonymous.status).toBe(401);
  });
});

describe('registration', () => {
  it('gives exactly the seats there are to 50 people registering at once, the rest in arrival order on the waitlist', async () => {
    const event = await newEvent({ title: 'Tio platser', capacity: 10 });
    const answers = await Promise.all(
      // Fifty people on fifty connections (one address is limited, see registration-limits.ts).
      Array.from({ length: 50 }, (_, i) =>
        t.client({ ip: `198.51.100.${i + 1}` }).post(`/api/events/${event.id}/registrations`, { name: `Deltagare ${i}`, email: `deltagare${i}@example.org` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const statuses = answers.map((a) => a.body.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
    const positions = answers
      .filter((a) => a.body.status === 'waitlisted')
      .map((a) => a.body.waitlistPosition)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const stored = await t.deps.db.selectFrom('registrations').select(['status']).where('event_id', '=', event.id).execute();
    expect(stored.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    const shown = await t.client().get(`/api/events/${event.id}`);
    expect(shown.body.seats.on_site).toEqual({ capacity: 10, confirmed: 10, waitlisted: 40, available: 0 });
  });

  it('confirms by e-mail with a link, a calendar file and a QR; the link shows the registration and cancels it', async () => {
    const event = await newEvent({ title: 'Byaforum i Ammarnäs', kind: 'village_forum' });
    const answer = await t.client().post(`/api/events/${event.id}/registrations`, {
      name: 'Anna Andersson',
      email: 'Anna@Example.org',
      sector: 'civil_society',
      ageGroup: '26_64',
      dietaryNeeds: 'Vegetariskt',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'confirmed', mode: 'on_site', waitlistPosition: null });
    const mails = await t.deps.db.selectFrom('outbox').selectAll().where('subject', 'like', '%Byaforum i Ammarnäs%').execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.recipients).toEqual(['anna@example.org']);
    expect(mail.text).toContain(`/registrations/${answer.body.id}#token=${answer.body.cancelToken}`);
    expect(mail.attachments.map((a) => a.contentType.split(';')[0])).toEqual(['text/calendar', 'image/png']);
    const again = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Anna igen', email: 'anna@example.org' });
    expect(again.status).toBe(409);
    const hidden = await t.client().get(`/api/registrations/${answer.body.id}`);
    expect(hidden.status).toBe(404);
    const wrong = await t.client().get(`/api/registrations/${answer.body.id}?token=${'x'.repeat(43)}`);
    expect(wrong.status).toBe(404);
    const own = await t.client().get(`/api/registrations/${answer.body.id}?token=${answer.body.cancelToken}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ name: 'Anna Andersson', status: 'confirmed', checkedIn: false });
    expect(own.body.checkInQrSvg).toContain('<svg');
    expect((await t.client().delete(`/api/registrations/${answer.body.id}?token=${'y'.repeat(43)}`)).status).toBe(404);
    expect((await t.client().delete(`/api/registrations/${answer.body.id}?token=${answer.body.cancelToken}`)).status).toBe(204);
    expect((await t.client().get(`/api/registrations/${answer.body.id}?token=${answer.body.cancelToken}`)).body.status).toBe('cancelled');
    // Twice is the same as once.
    expect((await t.client().delete(`/api/registrations/${answer.body.id}?token=${answer.body.cancelToken}`)).status).toBe(204);
  });

  it('promotes the first on the waitlist when someone cancels and e-mails them', async () => {
    const event = await newEvent({ title: 'Två platser', capacity: 2 });
    const register = (i: number) =>
      t.client().post(`/api/events/${event.id}/registrations`, { name: `Person ${i}`, email: `vantar${i}@example.org` });
    const first = await register(1);
    await register(2);
    const third = await register(3);
    const fourth = await register(4);
    expect([third.body.status, fourth.body.status]).toEqual(['waitlisted', 'waitlisted']);
    expect(fourth.body.waitlistPosition).toBe(2);
    expect((await t.client().delete(`/api/registrations/${first.body.id}?token=${first.body.cancelToken}`)).status).toBe(204);
    const promoted = await t.client().get(`/api/registrations/${third.body.id}?token=${third.body.cancelToken}`);
    expect(promoted.body.status).toBe('confirmed');
    const still = await t.client().get(`/api/registrations/${fourth.body.id}?token=${fourth.body.cancelToken}`);
    expect(still.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const mails = await t.outboxFor('vantar3@example.org');
    expect(mails.map((m) => m.subject).sort()).toEqual(['Du har fått en plats: Två platser', 'Du står på väntelistan: Två platser']);
    expect(mails.find((m) => m.subject.startsWith('Du har fått'))!.text).toContain(`#token=${third.body.cancelToken}`);
    expect((await t.outboxFor('vantar4@example.org')).map((m) => m.subject)).toEqual(['Du står på väntelistan: Två platser']);
  });

  it('promotes the waitlist when seats are added', async () => {
    const event = await newEvent({ title: 'En plats', capacity: 1 });
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Först', email: 'forst@example.org' });
    const second = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Sedan', email: 'sedan@example.org' });
    expect(second.body.status).toBe('waitlisted');
    await lead.client.patch(`/api/events/${event.id}`, { capacity: 2 });
    expect((await t.client().get(`/api/registrations/${second.body.id}?token=${second.body.cancelToken}`)).body.status).toBe('confirmed');
  });

  it('keeps on-site and online places apart and refuses a mode the event does not offer', async () => {
    const event = await newEvent({ title: 'Hybrid', capacity: 1, onlineUrl: 'https://meet.example.org/hybrid', onlineCapacity: 1 });
    const a = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'A', email: 'a-hybrid@example.org', mode: 'on_site' });
    const b = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'B', email: 'b-hybrid@example.org', mode: 'online' });
    const c = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'C', email: 'c-hybrid@example.org', mode: 'online' });
    expect([a.body.status, b.body.status, c.body.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const onSiteOnly = await newEvent({ title: 'Bara på plats' });
    const online = await t
      .client()
      .post(`/api/events/${onSiteOnly.id}/registrations`, { name: 'D', email: 'd@example.org', mode: 'online' });
    expect(online.status).toBe(400);
    expect(online.body.error.fields.mode).toBe('Träffen erbjuder inte det sättet att delta.');
  });

  it('registers a signed-in user too, and shows the leaders who registered', async () => {
    const event = await newEvent({ title: 'Inloggad anmälan' });
    const answer = await member.client.post(`/api/events/${event.id}/registrations`, {
      name: 'Medlem',
      email: 'medlem-inloggad@example.org',
    });
    expect(answer.status).toBe(201);
    const list = await lead.client.get(`/api/events/${event.id}/registrations`);
    expect(list.body).toEqual([expect.objectContaining({ name: 'Medlem', signedIn: true, status: 'confirmed' })]);
    expect((await member.client.get(`/api/events/${event.id}/registrations`)).status).toBe(403);
  });

  it('an edit that moves the time raises SEQUENCE and e-mails registrants; other edits do not', async () => {
    const event = await newEvent({ title: 'Ändras' });
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Eva', email: 'eva-andras@example.org' });
    const retitled = await lead.client.patch(`/api/events/${event.id}`, { description: 'Ny beskrivning' });
    expect(retitled.body.sequence).toBe(0);
    const moved = await lead.client.patch(`/api/events/${event.id}`, { startsAt: at(11), endsAt: at(11, 20) });
    expect(moved.body.sequence).toBe(1);
    const subjects = (await t.outboxFor('eva-andras@example.org')).map((m) => m.subject).sort();
    expect(subjects).toEqual(['Anmälan bekräftad: Ändras', 'Ny tid: Ändras']);
  });

  it('answers any registration body with a clear answer and never gives out more seats than there are', async () => {
    const event = await newEvent({ title: 'Slumpad indata', capacity: 3, onlineUrl: 'https://meet.example.org/x', onlineCapacity: 2 });
    const body = fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('Namn'), fc.integer()),
        email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })),
        mode: fc.oneof(fc.constantFrom('on_site', 'online', 'hybrid'), fc.anything({ maxDepth: 0 })),
        sector: fc.oneof(fc.constantFrom('public', 'private', 'x'), fc.constant(null)),
        ageGroup: fc.constantFrom('16_25', '99', null),
        organisationId: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
        extra: fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const answer = await t.client().post(`/api/events/${event.id}/registrations`, payload);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.body.error.message).toEqual(expect.any(String));
      }),
      { numRuns: 60 },
    );
    const seats = (await t.client().get(`/api/events/${event.id}`)).body.seats;
    expect(seats.on_site.confirmed).toBeLessThanOrEqual(3);
    expect(seats.online.confirmed).toBeLessThanOrEqual(2);
  });

  it('refuses registrations outside the registration window', async () => {
    const event = await newEvent({ title: 'Inte öppen än', registrationOpensAt: at(2), registrationClosesAt: at(8) });
    const early = await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Tidig', email: 'tidig@example.org' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Anmälan till träffen är stängd.');
    t.clock.advance(3 * day);
    try {
      expect((await t.client().post(`/api/events/${event.id}/registrations`, { name: 'I tid', email: 'itid@example.org' })).status).toBe(
        201,
      );
    } finally {
      t.clock.advance(-3 * day);
    }
  });
});

describe('the space\'s event list', () => {
  // On PGlite the list is kept in memory between writes (event-list-cache.ts): every answer must
  // still be what the database says now, after registrations, edits, new events and time passing.
  it('answers with what is true now: seats after a registration, a new event, an edit, and an event that has ended', async () => {
    const list = async (when: 'upcoming' | 'past' | 'all' = 'upcoming') => {
      const answer = await t.client().get(`/api/spaces/${spaceId}/events?when=${when}`);
      expect(answer.status).toBe(200);
      return answer.body as { id: string; title: string; seats: { on_site: { confirmed: number } } }[];
    };
    const soon = await newEvent({ title: 'Byastämma i Ammarnäs', startsAt: at(1), endsAt: at(1, 20) });
    const before = (await list()).find((e) => e.id === soon.id)!;
    expect(before.seats.on_site.confirmed).toBe(0);
    expect((await t.client().post(`/api/events/${soon.id}/registrations`, { name: 'Elin', email: 'elin@example.org' })).status).toBe(201);
    expect((await list()).find((e) => e.id === soon.id)!.seats.on_site.confirmed).toBe(1);

    const later = await newEvent({ title: 'Uppföljning i Gargnäs', startsAt: at(20), endsAt: at(20, 20) });
    const upcoming = await list();
    expect(upcoming.map((e) => e.id)).toContain(later.id);
    // Start order: the event tomorrow comes before the one in twenty days.
    expect(upcoming.findIndex((e) => e.id === soon.id)).toBeLessThan(upcoming.findIndex((e) => e.id === later.id));
    expect((await lead.client.patch(`/api/events/${later.id}`, { title: 'Uppföljning i Gargnäs bygdegård' })).status).toBe(200);
    expect((await list()).find((e) => e.id === later.id)!.title).toBe('Uppföljning i Gargnäs bygdegård');

    // Two days on, tomorrow's event has ended: it leaves the upcoming list for the past one.
    t.clock.advance(2 * day);
    try {
      expect((await list()).map((e) => e.id)).not.toContain(soon.id);
      const past = await list('past');
      expect(past.map((e) => e.id)).toContain(soon.id);
      expect(past.map((e) => e.id)).not.toContain(later.id);
    } finally {
      t.clock.advance(-2 * day);
    }
    expect((await list()).map((e) => e.id)).toContain(soon.id);
    expect((await list('all')).map((e) => e.id)).toEqual(expect.arrayContaining([soon.id, later.id]));
  });
});

function icsField(ics: string, name: string): string | undefined {
  return new RegExp(`^${name}[^:]*:(.*)$`, 'm').exec(ics.replace(/\r\n /g, ''))?.[1]?.trim();
}
function icsOf(content: string) {
  return Buffer.from(content, 'base64').toString('utf8');
}

describe('cancel and reschedule', () => {
  it('reschedule e-mails everyone registered with a calendar file whose UID is kept and SEQUENCE raised', async () => {
    const event = await newEvent({ title: 'SÖK kunskapsdialog', kind: 'knowledge_dialogue', capacity: 1 });
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Bo', email: 'bo-flytt@example.org' });
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Cia', email: 'cia-flytt@example.org' });
    const before = (await t.client().get(`/api/events/${event.id}/calendar.ics`)).body as string;
    const uid = icsField(before, 'UID');
    expect(icsField(before, 'SEQUENCE')).toBe('0');
    const moved = await lead.client.post(`/api/events/${event.id}/reschedule`, {
      startsAt: at(20),
      endsAt: at(20, 21),
      reason: 'Pandemin',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsAt: at(20) });
    for (const email of ['bo-flytt@example.org', 'cia-flytt@example.org']) {
      const rows = await t.deps.db.selectFrom('outbox').selectAll().where('subject', '=', 'Ny tid: SÖK kunskapsdialog').execute();
      const mail = rows.find((r) => r.recipients.includes(email));
      expect(mail, email).toBeDefined();
      expect(mail!.text).toContain('Anledning: Pandemin');
      const ics = icsOf(mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content);
      expect(icsField(ics, 'UID')).toBe(uid);
      expect(Number(icsField(ics, 'SEQUENCE'))).toBeGreaterThan(0);
      expect(icsField(ics, 'METHOD')).toBe('REQUEST');
      expect(icsField(ics, 'DTSTART')).toBe(at(20).replace(/[-:]/g, '').replace('.000', ''));
    }
    const after = (await t.client().get(`/api/events/${event.id}/calendar.ics`)).body as string;
    expect(icsField(after, 'UID')).toBe(uid);
    expect(icsField(after, 'SEQUENCE')).toBe('1');
  });

  it('cancel e-mails every registrant a cancelling calendar file and closes registration', async () => {
    const event = await newEvent({ title: 'Inställt seminarium', kind: 'seminar' });
    await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Dan', email: 'dan-inst@example.org' });
    const cancelled = await lead.client.post(`/api/events/${event.id}/cancel`, { reason: 'För få anmälda' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'För få anmälda', sequence: 1, registrationOpen: false });
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('subject', '=', 'Inställt: Inställt seminarium').execute();
    expect(rows.map((r) => r.recipients)).toEqual([['dan-inst@example.org']]);
    const ics = icsOf(rows[0]!.attachments[0]!.content);
    expect(icsField(ics, 'METHOD')).toBe('CANCEL');
    expect(icsField(ics, 'STATUS')).toBe('CANCELLED');
    expect(icsField(ics, 'SEQUENCE')).toBe('1');
    expect((await t.client().post(`/api/events/${event.id}/registrations`, { name: 'Sen', email: 'sen@example.org' })).status).toBe(409);
    expect((await lead.client.post(`/api/events/${event.id}/cancel`, {})).status).toBe(409);
    const feed = (await t.client().get(`/api/spaces/${spaceId}/calendar.ics`)).body as string;
    expect(feed).toContain('SUMMARY:Inställt seminarium');
    expect(feed.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(3);
  });
});
