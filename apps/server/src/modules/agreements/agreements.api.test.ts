import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildOrganisation, buildSignedInUser, buildSpace, type BuiltUser } from '../../test/factories.ts';
import { canonicalText } from './agreement/agreement-text.ts';

let t: TestApp;
let lead: BuiltUser & { client: Client };
let member: BuiltUser & { client: Client };
let representative: BuiltUser & { client: Client };
let outsider: BuiltUser & { client: Client };
let spaceId: string;
let region: { id: string; name: string };
let lansstyrelsen: { id: string; name: string };
let samforma: { id: string; name: string };
let stranger: { id: string; name: string };

const SECTIONS = [
  { heading: 'Syfte', text: 'Parterna samverkar för ett starkt civilsamhälle i Norrbotten.' },
  { heading: 'Åtaganden', text: 'Parterna träffas två gånger per år.' },
];

beforeAll(async () => {
  t = await createTestApp();
  [lead, member, representative, outsider] = await Promise.all([buildSignedInUser(t, { name: 'Lena Ledare' }), buildSignedInUser(t), buildSignedInUser(t, { name: 'Rut Representant' }), buildSignedInUser(t)]);
  spaceId = (
    await buildSpace(t, {
      name: 'SÖK Samverkan Norrbotten',
      visibility: 'members',
      municipalityCodes: ['2580'],
      members: [
        { user: lead, role: 'facilitator' },
        { user: member, role: 'member' },
      ],
    })
  ).id;
  [region, lansstyrelsen, samforma, stranger] = await Promise.all([
    buildOrganisation(t, { name: 'Region Norrbotten', sector: 'public' }),
    buildOrganisation(t, { name: 'Länsstyrelsen i Norrbottens län', sector: 'public' }),
    buildOrganisation(t, { name: 'Samforma', sector: 'civil_society' }),
    buildOrganisation(t, { name: 'Utomstående förening' }),
  ]);
  await t.deps.db.insertInto('organisation_representatives').values({ organisation_id: lansstyrelsen.id, user_id: representative.id, role: 'Handläggare', status: 'confirmed', requested_at: t.clock.now() }).execute();
}, 60_000);
afterAll(() => t.close());

async function agreementWithParties(title = 'Överenskommelse om samverkan') {
  const created = await lead.client.post(`/api/spaces/${spaceId}/agreements`, { title, summary: 'Mellan region, länsstyrelse och civilsamhälle', sections: SECTIONS });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const organisationId of [samforma.id, lansstyrelsen.id, region.id]) expect((await lead.client.post(`/api/agreements/${id}/parties`, { organisationId, role: 'party' })).status).toBe(201);
  return id;
}
const adoption = (organisationId: string, extra: Record<string, unknown> = {}) => ({ organisationId, decisionBody: 'Styrelsen', decidedOn: '2021-01-29', minuteReference: '§ 4', ...extra });

describe('agreements: drafting and versions', () => {
  it('keeps every saved change as a version (who, when) and compares them section by section', async () => {
    const id = await agreementWithParties('Versionerad överenskommelse');
    const edited = await lead.client.patch(`/api/agreements/${id}`, { baseVersion: 1, sections: [SECTIONS[0], { heading: 'Åtaganden', text: 'Parterna träffas fyra gånger per år.' }, { heading: 'Uppföljning', text: 'Årligen.' }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', currentVersion: 2, partiesRequired: 3, partiesAdopted: 0 });
    expect(edited.body.versions.map((v: { number: number; createdByName: string }) => [v.number, v.createdByName])).toEqual([
      [1, 'Lena Ledare'],
      [2, 'Lena Ledare'],
    ]);
    // The hash is of the canonical text, so anyone can recompute it.
    expect(edited.body.sha256).toBe(createHash('sha256').update(canonicalText(edited.body.sections)).digest('hex'));
    // Saving from a version that is no longer the current one is a conflict, not a silent overwrite.
    expect((await lead.client.patch(`/api/agreements/${id}`, { baseVersion: 1, sections: SECTIONS })).status).toBe(409);
    // Saving the same text again makes no new version.
    expect((await lead.client.patch(`/api/agreements/${id}`, { baseVersion: 2, sections: edited.body.sections })).body.currentVersion).toBe(2);
  });

  it('lets only leaders draft, and hides a members-only space’s agreements from outsiders', async () => {
    expect((await member.client.post(`/api/spaces/${spaceId}/agreements`, { title: 'Medlemmens utkast' })).status).toBe(403);
    const id = await agreementWithParties('Dold överenskommelse');
    expect((await member.client.patch(`/api/agreements/${id}`, { title: 'Ändrad' })).status).toBe(403);
    expect((await member.client.get(`/api/agreements/${id}`)).status).toBe(200);
    expect((await outsider.client.get(`/api/agreements/${id}`)).status).toBe(404);
    expect((await t.client().get(`/api/agreements/${id}/public`)).status).toBe(404);
    expect((await outsider.client.get(`/api/spaces/${spaceId}/agreements`)).status).toBe(404);
    const bad = await lead.client.post(`/api/spaces/${spaceId}/agreements`, { title: 'x', sections: [{ heading: '', text: 1 }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['sections.0.heading', 'sections.0.text', 'title']);
  });
});

describe('agreements: adoption by every party', () => {
  it('is in force exactly when every required party adopted the same version, with every rule on the way', async () => {
    const id = await agreementWithParties();
    // Supporting organisations are not required.
    const support = await buildOrganisation(t, { name: 'Stödjande studieförbund' });
    await lead.client.post(`/api/agreements/${id}/parties`, { organisationId: support.id, role: 'supporting' });
    expect((await lead.client.post(`/api/agreements/${id}/parties`, { organisationId: samforma.id, role: 'party' })).status).toBe(409);
    // Not out for adoption yet.
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id))).status).toBe(409);
    expect((await lead.client.patch(`/api/agreements/${id}`, { status: 'remiss' })).body.parties.map((p: { state: string }) => p.state)).toEqual(['reviewing', 'reviewing', 'reviewing', 'reviewing']);
    expect((await lead.client.patch(`/api/agreements/${id}`, { status: 'in_force' })).status).toBe(400);
    expect((await lead.client.patch(`/api/agreements/${id}`, { status: 'adoption' })).body.status).toBe('adoption');

    // A leader records Samforma's board decision.
    const first = await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: 'adoption', partiesAdopted: 1, partiesRequired: 3 });
    // A party adopts a version once.
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id))).status).toBe(409);
    // A plain member may not record a decision, nor may a representative for another organisation.
    expect((await member.client.post(`/api/agreements/${id}/adoptions`, adoption(region.id))).status).toBe(403);
    expect((await representative.client.post(`/api/agreements/${id}/adoptions`, adoption(region.id))).status).toBe(403);
    // A non-party cannot adopt.
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(stranger.id))).status).toBe(400);
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(support.id))).status).toBe(400);
    // Declining needs a reason.
    const noReason = await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(region.id, { decision: 'declined' }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
    // The organisation's confirmed representative records its own decision (not a member of the space).
    const second = await representative.client.post(`/api/agreements/${id}/adoptions`, adoption(lansstyrelsen.id, { decisionBody: 'Ledningsgruppen', decidedOn: '2021-03-10', minuteReference: 'Dnr 101-2021' }));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ status: 'adoption', partiesAdopted: 2, partiesRequired: 3 });
    // Out for adoption and never in force: not in the public lists, unless asked for with adoption=true,
    // and then only for those who may see the members-only space.
    const listed = async (client: ReturnType<typeof t.client>, query: string) => ((await client.get(`/api/public/agreements?${query}`)).body as { id: string; status: string }[]).filter((a) => a.id === id);
    expect(await listed(t.client(), 'municipality=2580')).toEqual([]);
    expect(await listed(t.client(), 'municipality=2580&adoption=true')).toEqual([]);
    expect(await listed(lead.client, 'municipality=2580')).toEqual([]);
    expect(await listed(lead.client, 'county=25&adoption=true')).toEqual([expect.objectContaining({ status: 'adoption' })]);
    expect((await t.client().get('/api/public/agreements?adoption=yes')).status).toBe(400);

    // An adopted version cannot be edited.
    expect((await lead.client.patch(`/api/agreements/${id}`, { sections: [...SECTIONS, { heading: 'Tillägg', text: 'Nytt.' }] })).status).toBe(409);

    const third = await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(region.id, { decisionBody: 'Regionfullmäktige', decidedOn: '2021-04-20', minuteReference: '§ 57' }));
    expect(third.body).toMatchObject({ status: 'in_force', partiesAdopted: 3, partiesRequired: 3, inForceVersion: 1 });
    expect(third.body.parties.find((p: { organisationId: string }) => p.organisationId === region.id)).toMatchObject({ state: 'adopted', decision: { decisionBody: 'Regionfullmäktige', decidedOn: '2021-04-20', minuteReference: '§ 57' } });

    // Everything is audited.
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('resource_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['agreement.create', 'agreement.add_party', 'agreement.update', 'agreement.adopt', 'agreement.in_force']));
    expect(audit.filter((a) => a.action === 'agreement.adopt').map((a) => a.actor_id)).toEqual([lead.id, representative.id, lead.id]);

    // The public page and lists show it, even though the space is members-only.
    const page = await t.client().get(`/api/agreements/${id}/public`);
    expect(page.status).toBe(200);
    expect(page.body.parties.map((p: { organisationName: string; decidedOn: string }) => [p.organisationName, p.decidedOn]).sort()).toEqual([
      ['Länsstyrelsen i Norrbottens län', '2021-03-10'],
      ['Region Norrbotten', '2021-04-20'],
      ['Samforma', '2021-01-29'],
    ]);
    expect((await t.client().get('/api/public/agreements?county=25')).body.map((a: { id: string }) => a.id)).toContain(id);
    expect((await t.client().get('/api/public/agreements?municipality=2580')).body.map((a: { id: string }) => a.id)).toContain(id);
    expect((await t.client().get('/api/public/agreements?county=01')).body.map((a: { id: string }) => a.id)).not.toContain(id);

    // A change after coming into force is a new version that every party must adopt again.
    expect((await lead.client.patch(`/api/agreements/${id}`, { sections: [...SECTIONS, { heading: 'Tillägg', text: 'Nytt.' }] })).status).toBe(409);
    const revised = await lead.client.patch(`/api/agreements/${id}`, { sections: [...SECTIONS, { heading: 'Tillägg', text: 'Nytt.' }], revise: true });
    expect(revised.body).toMatchObject({ status: 'adoption', currentVersion: 2, inForceVersion: 1, readoptionNeeded: true, partiesAdopted: 0 });
    expect(revised.body.versions[0].adoptedBy).toHaveLength(3);
    // Only the current version can be adopted now.
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id, { version: 1 }))).status).toBe(409);
    expect((await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id, { decidedOn: '2022-02-01' }))).status).toBe(201);
  });
});

describe('agreements: signing', () => {
  it('a named signatory signs the version their party adopted, with the SHA-256 of its text; an older version is marked', async () => {
    const id = await agreementWithParties('Undertecknad överenskommelse');
    const signer = await buildSignedInUser(t, { name: 'Sara Ordförande' });
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: signer.id, role: 'observer', created_at: t.clock.now() }).execute();
    await lead.client.patch(`/api/agreements/${id}`, { status: 'adoption' });
    expect((await member.client.post(`/api/agreements/${id}/signatories`, { organisationId: samforma.id, userId: signer.id, title: 'Ordförande' })).status).toBe(403);
    expect((await lead.client.post(`/api/agreements/${id}/signatories`, { organisationId: samforma.id, userId: outsider.id, title: 'Ordförande' })).status).toBe(400);
    expect((await lead.client.post(`/api/agreements/${id}/signatories`, { organisationId: samforma.id, userId: signer.id, title: 'Ordförande' })).status).toBe(201);
    // Nothing to sign before the party adopted.
    expect((await signer.client.post(`/api/agreements/${id}/signatures`, { organisationId: samforma.id })).status).toBe(409);
    await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id));
    // Only the one named for that party signs.
    expect((await signer.client.post(`/api/agreements/${id}/signatures`, { organisationId: region.id })).status).toBe(403);
    expect((await lead.client.post(`/api/agreements/${id}/signatures`, { organisationId: samforma.id })).status).toBe(403);
    const signed = await signer.client.post(`/api/agreements/${id}/signatures`, { organisationId: samforma.id });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.signatures).toEqual([expect.objectContaining({ name: 'Sara Ordförande', title: 'Ordförande', organisationName: 'Samforma', version: 1, sha256: signed.body.sha256, current: true, method: 'platform_session' })]);
    expect((await signer.client.post(`/api/agreements/${id}/signatures`, { organisationId: samforma.id })).status).toBe(409);
    for (const org of [lansstyrelsen, region]) await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(org.id));
    const revised = await lead.client.patch(`/api/agreements/${id}`, { sections: [{ heading: 'Nytt', text: 'Ny text.' }], revise: true });
    expect(revised.body.signatures[0]).toMatchObject({ version: 1, current: false });
  });
});

/** A file download as bytes, with the client's session. */
async function download(client: Client | null, url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: client?.cookie ? { cookie: client.cookie } : {} });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

async function inForce(title: string) {
  const id = await agreementWithParties(title);
  await lead.client.patch(`/api/agreements/${id}`, { status: 'adoption' });
  await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(samforma.id, { decisionBody: 'Samformas styrelse' }));
  await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(lansstyrelsen.id, { decisionBody: 'Länsstyrelsens ledningsgrupp', decidedOn: '2021-03-16', minuteReference: 'Dnr 101-1234' }));
  const last = await lead.client.post(`/api/agreements/${id}/adoptions`, adoption(region.id, { decisionBody: 'Regionfullmäktige', decidedOn: '2021-04-21', minuteReference: '§ 63' }));
  expect(last.body.status).toBe('in_force');
  return id;
}

describe('agreements: remiss comments', () => {
  it('a party’s representative comments per section on remiss, a leader answers, the log exports as CSV', async () => {
    const id = await agreementWithParties('Remissversion');
    expect((await representative.client.post(`/api/agreements/${id}/comments`, { organisationId: lansstyrelsen.id, section: 1, body: 'Förtydliga åtagandena.' })).status).toBe(409);
    await lead.client.patch(`/api/agreements/${id}`, { status: 'remiss' });
    // Only for the organisation they speak for, and only on a section that exists.
    expect((await representative.client.post(`/api/agreements/${id}/comments`, { organisationId: region.id, section: 1, body: 'Förtydliga åtagandena.' })).status).toBe(403);
    expect((await member.client.post(`/api/agreements/${id}/comments`, { organisationId: lansstyrelsen.id, section: 1, body: 'Förtydliga åtagandena.' })).status).toBe(403);
    expect((await representative.client.post(`/api/agreements/${id}/comments`, { organisationId: lansstyrelsen.id, section: 9, body: 'Förtydliga åtagandena.' })).status).toBe(400);
    const posted = await representative.client.post(`/api/agreements/${id}/comments`, { organisationId: lansstyrelsen.id, section: 1, body: '=Förtydliga åtagandena.' });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body).toMatchObject({ sectionHeading: 'Åtaganden', organisationName: 'Länsstyrelsen i Norrbottens län', authorName: 'Rut Representant', answer: null });
    expect((await representative.client.patch(`/api/agreement-comments/${posted.body.id}`, { answer: 'Tack.' })).status).toBe(403);
    const answered = await lead.client.patch(`/api/agreement-comments/${posted.body.id}`, { answer: 'Förtydligat i version 2.' });
    expect(answered.body.answer).toBe('Förtydligat i version 2.');
    const csv = await download(lead.client, `/api/agreements/${id}/comments.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('Länsstyrelsen i Norrbottens län');
    expect(text).toContain("'=Förtydliga åtagandena.");
    expect(text).toContain('Förtydligat i version 2.');
    expect((await outsider.client.get(`/api/agreements/${id}/comments`)).status).toBe(404);
  });
});

describe('agreements: accession', () => {
  it('once in force, an organisation applies; leaders approve and it becomes a party with its own adoption', async () => {
    const id = await agreementWithParties('Ej i kraft');
    expect((await outsider.client.post(`/api/agreements/${id}/accessions`, { organisationId: stranger.id, motivation: 'Vi vill vara med i samverkan.' })).status).toBe(404);
    const active = await inForce('Öppen för anslutning');
    const applied = await outsider.client.post(`/api/agreements/${active}/accessions`, { organisationId: stranger.id, motivation: 'Vi vill vara med i samverkan.' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect((await outsider.client.post(`/api/agreements/${active}/accessions`, { organisationId: stranger.id, motivation: 'Vi vill vara med i samverkan.' })).status).toBe(409);
    expect((await outsider.client.patch(`/api/agreement-accessions/${applied.body.id}`, { decision: 'approved' })).status).toBe(403);
    expect((await lead.client.patch(`/api/agreement-accessions/${applied.body.id}`, { decision: 'declined' })).status).toBe(400);
    const approved = await lead.client.patch(`/api/agreement-accessions/${applied.body.id}`, { decision: 'approved' });
    expect(approved.body.status).toBe('approved');
    const after = (await lead.client.get(`/api/agreements/${active}`)).body;
    // Joining does not put the agreement out of force; the new party records its own adoption.
    expect(after).toMatchObject({ status: 'in_force', partiesAdopted: 3, partiesRequired: 3 });
    expect(after.parties.find((p: { organisationId: string }) => p.organisationId === stranger.id)).toMatchObject({ acceded: true, state: 'reviewing' });
    expect((await lead.client.post(`/api/agreements/${active}/adoptions`, adoption(stranger.id, { decisionBody: 'Årsmötet' }))).status).toBe(201);
    expect((await lead.client.patch(`/api/agreement-accessions/${applied.body.id}`, { decision: 'declined', reason: 'Sent' })).status).toBe(409);
  });
});

describe('agreements: exports', () => {
  it('DOCX and PDF carry the text, every party and decision, and a signature page', async () => {
    const id = await inForce('Exporterad överenskommelse');
    const pdfText = async (url: string) => {
      const answer = await download(null, url);
      expect(answer.headers['content-type']).toBe('application/pdf');
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await getDocument({ data: new Uint8Array(answer.bytes), useSystemFonts: false, isEvalSupported: false }).promise;
      let text = '';
      for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
      await pdf.destroy();
      return text.replace(/\s+/g, '');
    };
    // Exported before anyone signs: then the signature page must show the signature (documents are
    // kept by their content, so a change is never served from an older copy).
    const unsigned = await pdfText(`/api/agreements/${id}/export.pdf`);
    expect(unsigned).toContain('Ingenharundertecknatän.');
    expect(unsigned).not.toContain('SigridSignatär');
    const signer = await buildSignedInUser(t, { name: 'Sigrid Signatär' });
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: signer.id, role: 'observer', created_at: t.clock.now() }).execute();
    await lead.client.post(`/api/agreements/${id}/signatories`, { organisationId: region.id, userId: signer.id, title: 'Regionstyrelsens ordförande' });
    const signed = await signer.client.post(`/api/agreements/${id}/signatures`, { organisationId: region.id });
    const sha = signed.body.sha256 as string;
    const expected = ['Exporterad överenskommelse', 'Syfte', 'Samforma', 'Samformas styrelse', 'Länsstyrelsens ledningsgrupp', 'Dnr 101-1234', 'Regionfullmäktige', '§ 63', '2021-04-21', 'Underskrifter', 'Sigrid Signatär', 'Regionstyrelsens ordförande', sha];

    const docx = await download(null, `/api/agreements/${id}/export.docx`);
    expect(docx.status).toBe(200);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    for (const text of expected) expect(xml, text).toContain(text.replace('&', '&amp;'));

    const text = await pdfText(`/api/agreements/${id}/export.pdf`);
    for (const value of expected) expect(text, value).toContain(value.replace(/\s+/g, ''));
    // A members-only agreement never in force has no export for outsiders.
    const draft = await agreementWithParties('Utkast utan export');
    expect((await download(null, `/api/agreements/${draft}/export.pdf`)).status).toBe(404);
  });
});
