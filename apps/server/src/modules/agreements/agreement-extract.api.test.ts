import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agreementEndpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../test/app.ts';
import { buildOrganisation, buildSignedInUser, buildSpace, type BuiltUser } from '../../test/factories.ts';

/** An adoption's protocol extract (issue 10 §1): uploaded by those who record the decision, checked by content, one per decision. */
let t: TestApp;
let dataDir: string;
let lead: BuiltUser & { client: Client };
let member: BuiltUser & { client: Client };
let representative: BuiltUser & { client: Client };
let outsider: BuiltUser & { client: Client };
let spaceId: string;
let region: { id: string };
let lansstyrelsen: { id: string };
let samforma: { id: string };

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const extractsDir = () => path.join(dataDir, 'uploads', 'agreements');
const stored = async () => (await readdir(extractsDir()).catch(() => [] as string[])).sort();
const upload = (client: Client, agreementId: string, adoptionId: string, content: Buffer, fileName = 'Protokollsutdrag styrelsen.pdf') => {
  const { body, headers } = multipartFile(fileName, content);
  return client.post(`/api/agreements/${agreementId}/adoptions/${adoptionId}/extract`, body, headers);
};
const download = (client: Client, agreementId: string, adoptionId: string) =>
  client.get(`/api/agreements/${agreementId}/adoptions/${adoptionId}/extract`);
const adoption = (organisationId: string, extra: Record<string, unknown> = {}) => ({
  organisationId,
  decisionBody: 'Styrelsen',
  decidedOn: '2026-01-29',
  minuteReference: '§ 4',
  ...extra,
});
type Party = {
  organisationId: string;
  decision: { id: string; extract: { fileName: string; size: number } | null } | null;
  allowedActions: string[];
};
const partyOf = (body: { parties: Party[] }, organisationId: string) => body.parties.find((p) => p.organisationId === organisationId)!;

let agreementId: string;
let samformaAdoption: string;
let lansstyrelsenAdoption: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-extracts-'));
  t = await createTestApp({ config: { dataDir } });
  [lead, member, representative, outsider] = await Promise.all([
    buildSignedInUser(t, { name: 'Lena Ledare' }),
    buildSignedInUser(t),
    buildSignedInUser(t, { name: 'Rut Representant' }),
    buildSignedInUser(t),
  ]);
  spaceId = (
    await buildSpace(t, {
      visibility: 'members',
      members: [
        { user: lead, role: 'facilitator' },
        { user: member, role: 'member' },
      ],
    })
  ).id;
  [region, lansstyrelsen, samforma] = await Promise.all([
    buildOrganisation(t, { name: 'Region Norrbotten', sector: 'public' }),
    buildOrganisation(t, { name: 'Länsstyrelsen i Norrbottens län', sector: 'public' }),
    buildOrganisation(t, { name: 'Samforma', sector: 'civil_society' }),
  ]);
  await t.deps.db
    .insertInto('organisation_representatives')
    .values({
      organisation_id: lansstyrelsen.id,
      user_id: representative.id,
      role: 'Handläggare',
      status: 'confirmed',
      requested_at: t.clock.now(),
    })
    .execute();
  const created = await lead.client.post(`/api/spaces/${spaceId}/agreements`, {
    title: 'Överenskommelse med protokoll',
    sections: [{ heading: 'Syfte', text: 'Samverkan.' }],
  });
  agreementId = created.body.id;
  for (const organisationId of [samforma.id, lansstyrelsen.id, region.id])
    expect((await lead.client.post(`/api/agreements/${agreementId}/parties`, { organisationId, role: 'party' })).status).toBe(201);
  expect((await lead.client.patch(`/api/agreements/${agreementId}`, { status: 'adoption' })).status).toBe(200);
  const first = await lead.client.post(`/api/agreements/${agreementId}/adoptions`, adoption(samforma.id));
  samformaAdoption = partyOf(first.body, samforma.id).decision!.id;
  const second = await representative.client.post(
    `/api/agreements/${agreementId}/adoptions`,
    adoption(lansstyrelsen.id, { decisionBody: 'Ledningsgruppen' }),
  );
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  lansstyrelsenAdoption = partyOf(second.body, lansstyrelsen.id).decision!.id;
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("an adoption's protocol extract", () => {
  it('refuses HTML named .pdf with 415 and keeps nothing (no row, no file)', async () => {
    const html = await upload(
      lead.client,
      agreementId,
      samformaAdoption,
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'protokoll.pdf',
    );
    expect(html.status).toBe(415);
    expect(html.body.error.message).toContain('Filtypen är inte tillåten');
    expect(await t.deps.db.selectFrom('agreement_adoption_extracts').selectAll().execute()).toHaveLength(0);
    expect(await stored()).toEqual([]);
    expect((await download(lead.client, agreementId, samformaAdoption)).status).toBe(404);
  });

  it('is uploaded by a leader, listed with the decision and downloaded with the same bytes by those who see the agreement', async () => {
    const content = pdf('Samforma styrelse 2026-01-29 § 4');
    const answer = await upload(lead.client, agreementId, samformaAdoption, content);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(partyOf(answer.body, samforma.id).decision!.extract).toMatchObject({
      fileName: 'Protokollsutdrag styrelsen.pdf',
      contentType: 'application/pdf',
      size: content.length,
    });
    expect(partyOf(answer.body, samforma.id).allowedActions).toEqual(['upload_extract']);
    expect(answer.body.allowedActions).toContain('upload_extract');
    // The adoptions list carries it too; a party without an extract says null.
    expect(answer.body.adoptions.find((a: { id: string }) => a.id === samformaAdoption).extract).not.toBeNull();
    expect(partyOf(answer.body, lansstyrelsen.id).decision!.extract).toBeNull();

    // A member sees it but may not upload.
    const seen = await member.client.call(agreementEndpoints.getAgreement, { params: { id: agreementId } });
    expect(partyOf(seen.body, samforma.id)).toMatchObject({
      decision: { extract: { fileName: 'Protokollsutdrag styrelsen.pdf' } },
      allowedActions: [],
    });
    expect(seen.body.allowedActions).not.toContain('upload_extract');
    const file = await download(member.client, agreementId, samformaAdoption);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain('attachment;');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('Protokollsutdrag styrelsen.pdf'));
    // The same bytes (the test PDF is ASCII).
    expect(file.body).toBe(content.toString());
    expect(file.headers['content-length']).toBe(String(content.length));
    expect(await stored()).toHaveLength(1);

    // Not yet in force: outsiders and the anonymous are told it does not exist.
    expect((await download(outsider.client, agreementId, samformaAdoption)).status).toBe(404);
    expect((await download(t.client(), agreementId, samformaAdoption)).status).toBe(404);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('resource_id', '=', agreementId)
      .where('action', '=', 'agreement.extract_upload')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: lead.id,
      details: { adoptionId: samformaAdoption, organisationId: samforma.id, replaced: false },
    });
  });

  it("refuses another party's representative, members and outsiders; a representative uploads for its own organisation", async () => {
    const content = pdf('obehörig');
    expect((await upload(representative.client, agreementId, samformaAdoption, content)).status).toBe(403);
    expect((await upload(member.client, agreementId, samformaAdoption, content)).status).toBe(403);
    expect((await upload(outsider.client, agreementId, samformaAdoption, content)).status).toBe(404);
    expect((await upload(t.client(), agreementId, samformaAdoption, content)).status).toBe(401);
    // An unknown decision (or another agreement's) does not exist.
    expect((await upload(lead.client, agreementId, '00000000-0000-4000-8000-000000000000', content)).status).toBe(404);
    expect(await stored()).toHaveLength(1);

    const own = await representative.client.call(agreementEndpoints.getAgreement, { params: { id: agreementId } });
    expect(partyOf(own.body, lansstyrelsen.id).allowedActions).toEqual(['upload_extract']);
    expect(partyOf(own.body, samforma.id).allowedActions).toEqual([]);
    const answer = await upload(representative.client, agreementId, lansstyrelsenAdoption, pdf('Ledningsgruppen'), 'Utdrag.pdf');
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(partyOf(answer.body, lansstyrelsen.id).decision!.extract).toMatchObject({ fileName: 'Utdrag.pdf' });
    expect(await stored()).toHaveLength(2);
  });

  it('replaces the extract on a new upload and removes the old file', async () => {
    const before = await t.deps.db
      .selectFrom('agreement_adoption_extracts')
      .select('stored_name')
      .where('adoption_id', '=', samformaAdoption)
      .executeTakeFirstOrThrow();
    const content = pdf('Justerat protokoll');
    const answer = await upload(lead.client, agreementId, samformaAdoption, content, 'Justerat protokoll.pdf');
    expect(answer.status).toBe(201);
    expect(partyOf(answer.body, samforma.id).decision!.extract).toMatchObject({ fileName: 'Justerat protokoll.pdf', size: content.length });
    const after = await t.deps.db
      .selectFrom('agreement_adoption_extracts')
      .select('stored_name')
      .where('adoption_id', '=', samformaAdoption)
      .execute();
    expect(after).toHaveLength(1);
    expect(after[0]!.stored_name).not.toBe(before.stored_name);
    const files = await stored();
    expect(files).toHaveLength(2);
    expect(files).not.toContain(before.stored_name);
    expect(files).toContain(after[0]!.stored_name);
    expect((await download(lead.client, agreementId, samformaAdoption)).body).toBe(content.toString());
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('resource_id', '=', agreementId)
      .where('action', '=', 'agreement.extract_upload')
      .orderBy('at')
      .execute();
    expect(audit.at(-1)).toMatchObject({ details: { replaced: true } });
  });

  it('refuses a file over 20 MB with 413 and keeps nothing', async () => {
    const big = Buffer.concat([pdf('stor'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const answer = await upload(lead.client, agreementId, samformaAdoption, big);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe('Filen är för stor (högst 20 MB).');
    expect(await stored()).toHaveLength(2);
  });

  it('is on the public page once the agreement is in force, for anyone', async () => {
    const third = await lead.client.post(
      `/api/agreements/${agreementId}/adoptions`,
      adoption(region.id, { decisionBody: 'Regionfullmäktige' }),
    );
    expect(third.body.status).toBe('in_force');
    const regionAdoption = partyOf(third.body, region.id).decision!.id;
    const page = await t.client().call(agreementEndpoints.getPublicAgreement, { params: { id: agreementId } });
    expect(page.status).toBe(200);
    expect(page.body.parties.find((p) => p.organisationId === samforma.id)).toMatchObject({
      adoptionId: samformaAdoption,
      extract: { fileName: 'Justerat protokoll.pdf' },
    });
    expect(page.body.parties.find((p) => p.organisationId === region.id)).toMatchObject({ adoptionId: regionAdoption, extract: null });
    const file = await download(t.client(), agreementId, samformaAdoption);
    expect(file.status).toBe(200);
    expect(file.body).toContain('Justerat protokoll');
    expect((await download(outsider.client, agreementId, regionAdoption)).status).toBe(404);
  });
});
