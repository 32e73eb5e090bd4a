import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/app.ts';

/**
 * Every stored web address is http(s) only, through one shared schema (issue 14 §1.6):
 * `javascript:`, `data:` and `vbscript:` are refused with a translated message and nothing is stored.
 */
let t: TestApp;
let lead: Client;
let spaceId: string;

const BAD = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'https://',
];

beforeAll(async () => {
  t = await createTestApp();
  lead = (await t.user()).client;
  spaceId = (await lead.post('/api/spaces', { name: 'Länkar', kind: 'project', visibility: 'public', municipalityCodes: ['2039'] })).body
    .id;
});
afterAll(() => t.close());

describe('web addresses', () => {
  it("refuse other schemes than http(s) for an organisation's website, in Swedish and English", async () => {
    const org = { name: 'Byalaget', sector: 'civil_society', type: 'association', level: 'local', municipalityCode: '2039' };
    for (const website of BAD) {
      const answer = await lead.post('/api/organisations', { ...org, website });
      expect(answer.status, website).toBe(400);
      expect(answer.body.error.fields.website).toBe('Ange en webbadress som börjar med https:// eller http://.');
    }
    const en = (await t.user()).client;
    expect((await en.patch('/api/me', { language: 'en' })).status).toBe(200);
    const english = await en.post('/api/organisations', { ...org, website: 'javascript:alert(1)' });
    expect(english.body.error.fields.website).toBe('Enter a web address starting with https:// or http://.');
    const created = await lead.post('/api/organisations', { ...org, website: 'https://byalaget.example.se/om-oss' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const patched = await lead.patch(`/api/organisations/${created.body.id}`, { website: 'data:text/html,x' });
    expect(patched.status).toBe(400);
    expect((await lead.get(`/api/organisations/${created.body.id}`)).body.website).toBe('https://byalaget.example.se/om-oss');
  });

  it("refuse them for a plan's links and an event's online link", async () => {
    const plan = await lead.post(`/api/spaces/${spaceId}/service-plans`, {
      title: 'Serviceplan',
      municipalityCode: '2039',
      periodStart: 2026,
      periodEnd: 2029,
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    for (const url of BAD) {
      const answer = await lead.patch(`/api/service-plans/${plan.body.id}`, { links: [{ title: 'Mer', url }] });
      expect(answer.status, url).toBe(400);
      expect(answer.body.error.fields['links.0.url']).toBe('Ange en webbadress som börjar med https:// eller http://.');
    }
    expect(
      (await lead.patch(`/api/service-plans/${plan.body.id}`, { links: [{ title: 'Mer', url: 'http://kommun.example.se/plan' }] })).status,
    ).toBe(200);
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const endsAt = new Date(t.clock.now().getTime() + 90_000_000).toISOString();
    const event = await lead.post(`/api/spaces/${spaceId}/events`, {
      kind: 'seminar',
      title: 'Webbinarium',
      startsAt,
      endsAt,
      onlineUrl: 'vbscript:msgbox(1)',
    });
    expect(event.status).toBe(400);
    expect(event.body.error.fields.onlineUrl).toBe('Ange en webbadress som börjar med https:// eller http://.');
  });
});
