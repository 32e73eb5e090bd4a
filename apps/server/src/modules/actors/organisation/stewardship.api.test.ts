import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';

/**
 * Issue 14 §1.1: who keeps a registry organisation true. Its representatives (confirmed by a
 * leader of one of its spaces, an admin or another representative) and platform admins edit it;
 * a space leader only suggests; collaborations a leader records belong to their own space.
 */
let t: TestApp;
let admin: { client: Client; id: string };
let owner: { client: Client; id: string };
let kommunId: string;
let butikId: string;
let ownSpace: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user({ isAdmin: true, name: 'Plattformsadmin' });
  owner = await t.user({ name: 'Arenaledare Sorsele' });
  kommunId = (await admin.client.post('/api/organisations', { name: 'Sorsele kommun', sector: 'public', type: 'municipality', level: 'municipal', municipalityCode: '2422', contactEmail: 'kommun@sorsele.example.org' })).body.id;
  butikId = (await admin.client.post('/api/organisations', { name: 'Byabutiken Ammarnäs', sector: 'private', type: 'company', level: 'local', municipalityCode: '2422' })).body.id;
  ownSpace = (await owner.client.post('/api/spaces', { name: 'TALKO Sorsele', kind: 'project', visibility: 'members' })).body.id;
  for (const id of [kommunId, butikId]) expect((await owner.client.post(`/api/spaces/${ownSpace}/organisations`, { organisationId: id })).status).toBe(201);
});
afterAll(() => t.close());

async function attackerWithSpace() {
  const attacker = await t.user({ name: 'Någon annan' });
  const space = (await attacker.client.post('/api/spaces', { name: 'Egen arena', kind: 'project', visibility: 'public' })).body.id as string;
  for (const id of [kommunId, butikId]) expect((await attacker.client.post(`/api/spaces/${space}/organisations`, { organisationId: id })).status).toBe(201);
  return { ...attacker, space };
}

async function auditActions(resourceId: string) {
  return (await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', resourceId).orderBy('id').execute()).map((r) => r.action);
}

describe('an organisation cannot be taken over through a space', () => {
  it('a leader of a space the organisation is in may not edit it, only suggest a change', async () => {
    const attacker = await attackerWithSpace();
    const edit = await attacker.client.patch(`/api/organisations/${kommunId}`, { name: 'Kapad kommun', contactEmail: 'kapare@example.org' });
    expect(edit.status).toBe(403);
    const seen = await t.client().get(`/api/organisations/${kommunId}`);
    expect(seen.body).toMatchObject({ name: 'Sorsele kommun', contactEmail: 'kommun@sorsele.example.org' });
    expect(seen.body.allowedActions).toEqual([]);
    expect((await attacker.client.get(`/api/organisations/${kommunId}`)).body.allowedActions).toEqual(['suggest', 'represent']);

    const suggested = await attacker.client.post(`/api/organisations/${kommunId}/suggestions`, { changes: { contactEmail: 'kapare@example.org' }, comment: 'Ny adress' });
    expect(suggested.status).toBe(201);
    expect(suggested.body).toMatchObject({ organisationId: kommunId, status: 'pending', mine: true, changes: { contactEmail: 'kapare@example.org' }, allowedActions: [] });
    // The suggestion changes nothing until someone who keeps the organisation decides.
    expect((await t.client().get(`/api/organisations/${kommunId}`)).body.contactEmail).toBe('kommun@sorsele.example.org');
    expect((await attacker.client.post(`/api/organisation-suggestions/${suggested.body.id}/decision`, { decision: 'accept' })).status).toBe(403);
    // Strangers neither see nor decide it; an empty suggestion is refused.
    const stranger = await t.user();
    expect((await stranger.client.get(`/api/organisations/${kommunId}/suggestions`)).body).toEqual([]);
    expect((await stranger.client.post(`/api/organisations/${kommunId}/suggestions`, { changes: { name: 'Kapad kommun' } })).status).toBe(403);
    expect((await attacker.client.post(`/api/organisations/${kommunId}/suggestions`, { changes: { name: 'Sorsele kommun' } })).status).toBe(400);
    expect(await auditActions(suggested.body.id)).toEqual(['organisation.suggest']);
  });

  it('a leader records collaborations only as seen in their own space, and cannot delete another space’s', async () => {
    const attacker = await attackerWithSpace();
    // Without a space of their own, the tie would be the registry's: refused.
    expect((await attacker.client.post('/api/collaborations', { organisationIds: [kommunId, butikId], type: 'funding' })).status).toBe(403);
    const fake = await attacker.client.post('/api/collaborations', { organisationIds: [kommunId, butikId], type: 'funding', spaceId: attacker.space });
    expect(fake.status).toBe(201);
    expect(fake.body.spaceId).toBe(attacker.space);
    // Someone else's space: not theirs to record in.
    expect((await attacker.client.post('/api/collaborations', { organisationIds: [kommunId, butikId], type: 'funding', spaceId: ownSpace })).status).toBe(404);

    // The other space's network, its export and its snapshots do not show it.
    const network = await owner.client.get(`/api/spaces/${ownSpace}/network`);
    expect(network.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual([kommunId, butikId].sort());
    expect(network.body.edges.map((e: { id: string }) => e.id)).not.toContain(fake.body.id);
    const csv = await owner.client.get(`/api/spaces/${ownSpace}/network/export?format=collaborations.csv`);
    expect(csv.body).not.toContain(fake.body.id);
    expect((await owner.client.get(`/api/collaborations?space=${ownSpace}`)).body.map((c: { id: string }) => c.id)).not.toContain(fake.body.id);
    expect((await t.client().get('/api/network?municipality=2422')).body.network.edges.map((e: { id: string }) => e.id)).not.toContain(fake.body.id);
    // Its own space does.
    expect((await attacker.client.get(`/api/spaces/${attacker.space}/network`)).body.edges.map((e: { id: string }) => e.id)).toContain(fake.body.id);

    // The owner's own collaboration: the attacker cannot remove it (members-only: it does not exist for them).
    const real = await owner.client.post('/api/collaborations', { organisationIds: [kommunId, butikId], type: 'service_agreement', spaceId: ownSpace });
    expect(real.status).toBe(201);
    expect((await attacker.client.delete(`/api/collaborations/${real.body.id}`)).status).toBe(404);
    expect((await attacker.client.get(`/api/collaborations/${real.body.id}`)).status).toBe(404);
    // …and the owner cannot remove the attacker's (a public space: 403).
    expect((await owner.client.delete(`/api/collaborations/${fake.body.id}`)).status).toBe(403);
    expect((await owner.client.get(`/api/spaces/${ownSpace}/network`)).body.edges.map((e: { id: string }) => e.id)).toEqual([real.body.id]);
    expect((await attacker.client.delete(`/api/collaborations/${fake.body.id}`)).status).toBe(204);
    expect(await auditActions(fake.body.id)).toEqual(['collaboration.create', 'collaboration.delete']);
  });

  it('imports of collaborations and survey answers stay in their space', async () => {
    const attacker = await attackerWithSpace();
    const imported = await attacker.client.request('POST', `/api/spaces/${attacker.space}/import/collaborations?dryRun=false`, `organisation_a,organisation_b,type\nSorsele kommun,Byabutiken Ammarnäs,joint_project\n`, { 'content-type': 'text/csv' });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ dryRun: false, created: 1 });
    const importedRow = await t.deps.db.selectFrom('collaborations').select(['id', 'space_id']).where('type', '=', 'joint_project').executeTakeFirstOrThrow();
    expect(importedRow.space_id).toBe(attacker.space);
    expect((await owner.client.get(`/api/spaces/${ownSpace}/network`)).body.edges.map((e: { id: string }) => e.id)).not.toContain(importedRow.id);

    // Importing organisations reuses a registry entry as it is: a file cannot rewrite it.
    const orgs = await attacker.client.request('POST', `/api/spaces/${attacker.space}/import/organisations?dryRun=false`, `name,sector,type,level,municipality_code,email\nSorsele kommun,public,municipality,municipal,2422,kapare@example.org\n`, { 'content-type': 'text/csv' });
    expect(orgs.body).toMatchObject({ dryRun: false, created: 0, updated: 1 });
    expect((await t.client().get(`/api/organisations/${kommunId}`)).body.contactEmail).toBe('kommun@sorsele.example.org');

    // A survey the attacker sends to themselves speaks only in the attacker's space.
    const sent = await attacker.client.post(`/api/spaces/${attacker.space}/surveys`, { title: 'Vem samverkar ni med?', recipients: [{ organisationId: kommunId, email: 'kapare@example.org' }] });
    expect(sent.status).toBe(201);
    const token = /token=([A-Za-z0-9_-]+)/.exec((await t.outboxFor('kapare@example.org'))[0]!.text)![1]!;
    expect((await t.client().post('/api/surveys/answer', { token, answers: [{ organisationId: butikId, type: 'partnership', frequency: 'regular' }] })).status).toBe(200);
    const surveyRow = await t.deps.db.selectFrom('collaborations').select(['id', 'space_id']).where('source', '=', 'survey').executeTakeFirstOrThrow();
    expect(surveyRow.space_id).toBe(attacker.space);
    expect((await owner.client.get(`/api/spaces/${ownSpace}/network`)).body.edges.map((e: { id: string }) => e.id)).not.toContain(surveyRow.id);
  });
});

describe('the creator of a new organisation', () => {
  it('keeps it while it is only in spaces they lead and nobody represents it', async () => {
    const creator = await t.user({ name: 'Skapare' });
    const space = (await creator.client.post('/api/spaces', { name: 'Skaparens arena', kind: 'project', visibility: 'public' })).body.id;
    const org = (await creator.client.post('/api/organisations', { name: 'Nybyggets byalag', sector: 'civil_society', type: 'village_association', level: 'local' })).body;
    expect(org.allowedActions).toEqual(['update', 'delete', 'represent']);
    await creator.client.post(`/api/spaces/${space}/organisations`, { organisationId: org.id });
    expect((await creator.client.patch(`/api/organisations/${org.id}`, { description: 'Byalaget i Nybygget' })).status).toBe(200);
    // Another space relies on it now: the creator only suggests.
    const other = await t.user();
    const otherSpace = (await other.client.post('/api/spaces', { name: 'Annan arena', kind: 'project', visibility: 'public' })).body.id;
    await other.client.post(`/api/spaces/${otherSpace}/organisations`, { organisationId: org.id });
    expect((await creator.client.patch(`/api/organisations/${org.id}`, { name: 'Omdöpt' })).status).toBe(403);
    expect((await other.client.patch(`/api/organisations/${org.id}`, { name: 'Omdöpt' })).status).toBe(403);
    expect((await creator.client.get(`/api/organisations/${org.id}`)).body.allowedActions).toEqual(['suggest', 'represent']);
  });
});

describe('representatives keep their organisation', () => {
  it('a claim is confirmed by a leader of its space (never by oneself); the representative edits and decides suggestions', async () => {
    const rep = await t.user({ name: 'Kommunens representant' });
    const claim = await rep.client.post(`/api/organisations/${kommunId}/representatives`, { role: 'Näringslivschef' });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ userId: rep.id, name: 'Kommunens representant', role: 'Näringslivschef', status: 'pending' });
    expect((await rep.client.post(`/api/organisations/${kommunId}/representatives`, {})).status).toBe(409);
    // Pending: no rights yet, and the claimant cannot confirm themselves.
    expect((await rep.client.patch(`/api/organisations/${kommunId}`, { description: 'x' })).status).toBe(403);
    expect((await rep.client.post(`/api/organisations/${kommunId}/representatives/${rep.id}/confirm`)).status).toBe(403);
    // A signed-in stranger sees confirmed representatives only, not pending claims.
    const stranger = await t.user();
    expect((await stranger.client.get(`/api/organisations/${kommunId}/representatives`)).body).toEqual([]);
    // A leader of a space the organisation is in confirms.
    const seenByLeader = await owner.client.get(`/api/organisations/${kommunId}/representatives`);
    expect(seenByLeader.body).toEqual([expect.objectContaining({ userId: rep.id, status: 'pending', allowedActions: ['confirm', 'remove'] })]);
    const confirmed = await owner.client.post(`/api/organisations/${kommunId}/representatives/${rep.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedByName: 'Arenaledare Sorsele' });
    expect((await stranger.client.get(`/api/organisations/${kommunId}/representatives`)).body).toEqual([expect.objectContaining({ userId: rep.id, status: 'confirmed', allowedActions: [] })]);
    // The organisation hears of it at its contact address.
    expect((await t.outboxFor('kommun@sorsele.example.org'))[0]!.subject).toContain('Sorsele kommun');

    // Now the representative edits, and the organisation is the representatives' to keep: a
    // leader can no longer confirm new representatives, a representative can.
    expect((await rep.client.get(`/api/organisations/${kommunId}`)).body.allowedActions).toEqual(['update']);
    const edited = await rep.client.patch(`/api/organisations/${kommunId}`, { description: 'Kommunen i Lappland' });
    expect(edited.status).toBe(200);
    const second = await t.user({ name: 'Andra representanten' });
    await second.client.post(`/api/organisations/${kommunId}/representatives`, {});
    // (the claim is no longer the leader's to see: it does not exist for them)
    expect((await owner.client.post(`/api/organisations/${kommunId}/representatives/${second.id}/confirm`)).status).toBe(404);
    expect((await rep.client.post(`/api/organisations/${kommunId}/representatives/${second.id}/confirm`)).status).toBe(200);
    expect((await second.client.delete(`/api/organisations/${kommunId}/representatives/${second.id}`)).status).toBe(204);

    // A leader's suggestion reaches the representative, who accepts one and rejects another.
    const leaderSuggestion = await owner.client.post(`/api/organisations/${kommunId}/suggestions`, { changes: { contactPhone: '0952-140 00' }, comment: 'Växeln' });
    expect(leaderSuggestion.status).toBe(201);
    expect((await t.outboxFor(rep.email)).map((m) => m.subject)).toContainEqual(expect.stringContaining('Sorsele kommun'));
    const pending = await rep.client.get(`/api/organisations/${kommunId}/suggestions`);
    const ids = pending.body.filter((s: { status: string }) => s.status === 'pending').map((s: { id: string; allowedActions: string[] }) => [s.id, s.allowedActions]);
    expect(ids).toContainEqual([leaderSuggestion.body.id, ['accept', 'reject']]);
    const accepted = await rep.client.post(`/api/organisation-suggestions/${leaderSuggestion.body.id}/decision`, { decision: 'accept', note: 'Tack' });
    expect(accepted.body).toMatchObject({ status: 'accepted', decisionNote: 'Tack' });
    expect((await t.client().get(`/api/organisations/${kommunId}`)).body.contactPhone).toBe('0952-140 00');
    expect((await rep.client.post(`/api/organisation-suggestions/${leaderSuggestion.body.id}/decision`, { decision: 'reject' })).status).toBe(409);
    const earlier = pending.body.find((s: { changes: { contactEmail?: string } }) => s.changes.contactEmail === 'kapare@example.org');
    expect((await rep.client.post(`/api/organisation-suggestions/${earlier.id}/decision`, { decision: 'reject', note: 'Fel adress' })).body.status).toBe('rejected');
    expect((await t.client().get(`/api/organisations/${kommunId}`)).body.contactEmail).toBe('kommun@sorsele.example.org');

    // The representative records a collaboration for the registry: every space that has both shows it.
    const registry = await rep.client.post('/api/collaborations', { organisationIds: [kommunId, butikId], type: 'formal_agreement' });
    expect(registry.status).toBe(201);
    expect(registry.body.spaceId).toBeNull();
    expect((await owner.client.get(`/api/spaces/${ownSpace}/network`)).body.edges.map((e: { id: string }) => e.id)).toContain(registry.body.id);
    // …which a space leader cannot remove.
    expect((await owner.client.delete(`/api/collaborations/${registry.body.id}`)).status).toBe(403);

    const acts = await auditActions(kommunId);
    expect(acts).toEqual(expect.arrayContaining(['organisation.represent_request', 'organisation.represent_confirm', 'organisation.represent_remove', 'organisation.update']));
    expect(await auditActions(leaderSuggestion.body.id)).toEqual(['organisation.suggest', 'organisation.accept_suggestion']);
  });

  it('an organisation without representatives is kept by platform admins', async () => {
    const lone = (await admin.client.post('/api/organisations', { name: 'Hushållningssällskapet (test)', sector: 'civil_society', type: 'association', level: 'regional' })).body;
    expect(lone.allowedActions).toEqual(['update', 'delete']);
    const suggestion = await owner.client.post(`/api/spaces/${ownSpace}/organisations`, { organisationId: lone.id }).then(() => owner.client.post(`/api/organisations/${lone.id}/suggestions`, { changes: { website: 'https://hushallningssallskapet.se' } }));
    expect(suggestion.status).toBe(201);
    // Admins hear of suggestions to organisations nobody represents.
    expect((await t.outboxFor((await t.deps.db.selectFrom('users').select('email').where('id', '=', admin.id).executeTakeFirstOrThrow()).email)).map((m) => m.subject)).toContainEqual(expect.stringContaining('Hushållningssällskapet'));
    expect((await admin.client.post(`/api/organisation-suggestions/${suggestion.body.id}/decision`, { decision: 'accept' })).body.status).toBe('accepted');
    expect((await t.client().get(`/api/organisations/${lone.id}`)).body.website).toBe('https://hushallningssallskapet.se');
  });
});
