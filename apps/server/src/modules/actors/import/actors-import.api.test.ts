import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let lead: Client;
let spaceId: string;
const csv = (client: Client, kind: string, body: string, dryRun: boolean) =>
  client.request('POST', `/api/spaces/${spaceId}/import/${kind}?dryRun=${dryRun}`, body, { 'content-type': 'text/csv' });

beforeAll(async () => {
  t = await createTestApp();
  lead = (await t.user()).client;
  spaceId = (await lead.post('/api/spaces', { name: 'Importarena', kind: 'municipal', visibility: 'members', municipalityCodes: ['2422'] })).body.id;
});
afterAll(() => t.close());

describe('CSV import into a space', () => {
  it('previews organisations, lists every bad row, and changes nothing until a clean file is confirmed', async () => {
    const bad = [
      'namn;organisationsnummer;sektor;typ;nivå;kommunkod',
      'Sorsele kommun;212000-2742;offentlig;municipality;municipal;2422',
      'Fel nummer AB;212000-2743;privat;company;local;2422',
      'Okänd sektor;;kyrka;association;local;2422',
      'Okänd kommun;;ideell;association;local;9999',
      'Sorsele kommun igen;212000-2742;offentlig;municipality;municipal;2422',
    ].join('\n');
    const preview = await csv(lead, 'organisations', bad, false);
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6]);
    expect(preview.body.errors[0].message).toContain('kontrollsiffran');
    expect(preview.body.errors[1].message).toMatch(/^sector: /);
    expect(preview.body.errors[2].message).toContain('Okänd kommunkod');
    expect(preview.body.errors[3].message).toBe('Samma post finns redan på rad 2.');
    expect((await lead.get(`/api/spaces/${spaceId}/organisations`)).body).toHaveLength(0);

    const clean = 'name,org_number,sector,type,level,municipality_code,tags\nSorsele kommun,212000-2742,public,municipality,municipal,2422,kommun\nAmmarnäs byaförening,,civil_society,village_association,local,2422,by;fjäll\n';
    const dry = await csv(lead, 'organisations', clean, true);
    expect(dry.body).toEqual({ dryRun: true, created: 2, updated: 0, errors: [] });
    const applied = await csv(lead, 'organisations', clean, false);
    expect(applied.body).toEqual({ dryRun: false, created: 2, updated: 0, errors: [] });
    const organisations = (await lead.get(`/api/spaces/${spaceId}/organisations`)).body;
    expect(organisations.map((o: { name: string }) => o.name).sort()).toEqual(['Ammarnäs byaförening', 'Sorsele kommun']);
    expect(organisations.find((o: { name: string }) => o.name === 'Ammarnäs byaförening').tags).toEqual(['by', 'fjäll']);
    // The same file again finds them in the registry instead of duplicating them.
    expect((await csv(lead, 'organisations', clean, false)).body).toMatchObject({ created: 0, updated: 2 });
    // A merely similar name is never merged into an existing organisation: it is reported.
    const similar = await csv(lead, 'organisations', 'name,sector,type,level,municipality_code\nAmmarnäs byaföreningen,civil_society,association,local,2422\n', false);
    expect(similar.body.dryRun).toBe(true);
    expect(similar.body.errors).toEqual([{ line: 2, message: expect.stringContaining('Liknar den befintliga organisationen "Ammarnäs byaförening"') }]);
  });

  it('imports collaborations between organisations named by number or exact name', async () => {
    const bad = 'organisation_a,organisation_b,type,frequency\n212000-2742,Ammarnäs byaförening,partnership,regular\nSorsele kommun,Finns inte,funding,\n';
    const preview = await csv(lead, 'collaborations', bad, false);
    expect(preview.body.errors).toEqual([{ line: 3, message: 'organisation_b: Organisationen "Finns inte" finns inte i arenan (ange organisationsnummer eller exakt namn).' }]);
    expect((await lead.get(`/api/collaborations?space=${spaceId}`)).body).toHaveLength(0);
    const good = 'organisation_a,organisation_b,type,frequency,start_date\n212000-2742,ammarnäs byaförening,partnership,regular,2025-03-01\n';
    expect((await csv(lead, 'collaborations', good, false)).body).toEqual({ dryRun: false, created: 1, updated: 0, errors: [] });
    const network = await lead.get(`/api/spaces/${spaceId}/network`);
    expect(network.body.edges).toHaveLength(1);
    expect(network.body.edges[0]).toMatchObject({ type: 'partnership', origin: 'manual', frequency: 'regular' });
  });

  it('imports people only with consent, into the space', async () => {
    const bad = 'namn;e-post;organisation;roll;samtycke_syfte;samtycke_metod;samtycke_version\nFiktiv Ett;ett@example.org;Sorsele kommun;handläggare;Arbetsgrupp;muntligt;1\n';
    const preview = await csv(lead, 'people', bad, false);
    expect(preview.body.errors).toHaveLength(1);
    expect(preview.body.errors[0].message).toMatch(/^consent\.method: /);
    expect((await lead.get(`/api/people?space=${spaceId}`)).body).toHaveLength(0);
    const good = 'namn;e-post;organisation;roll;ungdom;samtycke_syfte;samtycke_metod;samtycke_version\nFiktiv Ett;ett@example.org;Sorsele kommun;handläggare;nej;Arbetsgrupp;verbal;1\nFiktiv Två;;;;ja;Arbetsgrupp;paper;1\n';
    expect((await csv(lead, 'people', good, false)).body).toMatchObject({ dryRun: false, created: 2, errors: [] });
    const people = (await lead.get(`/api/people?space=${spaceId}`)).body;
    expect(people.map((p: { name: string }) => p.name)).toEqual(['Fiktiv Ett', 'Fiktiv Två']);
    expect(people[0].affiliations[0]).toMatchObject({ organisationName: 'Sorsele kommun', role: 'handläggare' });
    expect(people[1].youthRepresentative).toBe(true);
  });

  it('is for the space’s leaders only', async () => {
    const other = await t.user();
    expect((await csv(other.client, 'organisations', 'name,sector,type,level\nX,public,other,local\n', true)).status).toBe(404);
  });
});
