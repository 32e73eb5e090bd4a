import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';

/**
 * iCalendar injection (issue 14 §1.7): a line break in an event title or a space name stays text in
 * every calendar file (per event, the space's feed, the one e-mailed to registrants) — it never
 * starts a property of its own. Titles and names stored before line breaks were refused are the case.
 */
let t: TestApp;
let lead: Client;
let spaceId: string;
let eventId: string;

const TITLE = 'Byastämma\r\nX-INJECTED-TITLE:1\r\nATTENDEE:mailto:evil@example.org';
const SPACE = 'Arena; med, komma\nX-INJECTED-SPACE:1';

/** Content lines after unfolding (RFC 5545 §3.1). */
function contentLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

function expectNoInjection(ics: string) {
  const lines = contentLines(ics);
  for (const l of lines) expect(l, l).toMatch(/^[A-Z][A-Z0-9-]*(;[^:]*)?:/);
  expect(lines.filter((l) => l.startsWith('X-INJECTED'))).toEqual([]);
  expect(lines.filter((l) => l.includes('evil@example.org') && l.startsWith('ATTENDEE'))).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  lead = (await t.user()).client;
  spaceId = (await lead.post('/api/spaces', { name: 'Kalender', kind: 'project', visibility: 'public', municipalityCodes: ['2039'] })).body
    .id;
  const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  const endsAt = new Date(t.clock.now().getTime() + 90_000_000).toISOString();
  const event = await lead.post(`/api/spaces/${spaceId}/events`, { kind: 'village_forum', title: 'Byastämma', startsAt, endsAt });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventId = event.body.id;
  // As stored before the contract refused line breaks in one-line names.
  await t.deps.db.updateTable('events').set({ title: TITLE }).where('id', '=', eventId).execute();
  await t.deps.db.updateTable('spaces').set({ name: SPACE }).where('id', '=', spaceId).execute();
});
afterAll(() => t.close());

describe('calendar files', () => {
  it("escape an event's title in its own .ics (NAME, X-WR-CALNAME and SUMMARY)", async () => {
    const answer = await t.client().get(`/api/events/${eventId}/calendar.ics`);
    expect(answer.status).toBe(200);
    const ics = answer.body as string;
    expectNoInjection(ics);
    const lines = contentLines(ics);
    const escaped = 'Byastämma\\nX-INJECTED-TITLE:1\\nATTENDEE:mailto:evil@example.org';
    expect(lines).toContain(`NAME:${escaped}`);
    expect(lines).toContain(`X-WR-CALNAME:${escaped}`);
    expect(lines).toContain(`SUMMARY:${escaped}`);
  });

  it("escape the space's name in its feed", async () => {
    const answer = await t.client().get(`/api/spaces/${spaceId}/calendar.ics`);
    expect(answer.status).toBe(200);
    expectNoInjection(answer.body as string);
    expect(contentLines(answer.body as string)).toContain('X-WR-CALNAME:Arena\\; med\\, komma\\nX-INJECTED-SPACE:1');
  });

  it('escape the title in the calendar file e-mailed to a registrant', async () => {
    const answer = await t
      .client()
      .post(`/api/events/${eventId}/registrations`, { name: 'Anna Andersson', email: 'anna.kalender@example.org' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const mails = await t.deps.db.selectFrom('outbox').selectAll().execute();
    const mail = mails.find((m) => m.recipients.includes('anna.kalender@example.org'));
    const calendar = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(calendar).toBeDefined();
    const ics = Buffer.from(calendar!.content, 'base64').toString('utf8');
    expectNoInjection(ics);
    expect(contentLines(ics).filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
  });
});
