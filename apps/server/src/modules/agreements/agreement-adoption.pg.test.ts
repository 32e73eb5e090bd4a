import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';

/**
 * Two parties adopting at the same moment through two app instances on one PostgreSQL database
 * both count, and the agreement comes into force once. Runs only in the PostgreSQL pass.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ sameDatabaseAs: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('agreement adoptions across two instances', () => {
  it('counts two parties adopting at once, and a party adopting twice at once only once', async () => {
    const lead = await buildSignedInUser(a, { name: 'Ledare' });
    const space = await buildSpace(a, { members: [{ user: lead, role: 'facilitator' }] });
    const parties = await Promise.all(['Region Norrbotten', 'Länsstyrelsen i Norrbottens län', 'Samforma'].map((name) => buildOrganisation(a, { name })));
    const onA = lead.client;
    const onB = b.client();
    onB.cookie = onA.cookie;
    for (let round = 0; round < 3; round++) {
      const id = (await onA.post(`/api/spaces/${space.id}/agreements`, { title: `Samtidigt antagande ${round}`, sections: [{ heading: 'Syfte', text: 'Samverkan.' }] })).body.id as string;
      for (const p of parties) expect((await onA.post(`/api/agreements/${id}/parties`, { organisationId: p.id, role: 'party' })).status).toBe(201);
      expect((await onA.patch(`/api/agreements/${id}`, { status: 'adoption' })).status).toBe(200);
      const adopt = (client: typeof onA, organisationId: string) => client.post(`/api/agreements/${id}/adoptions`, { organisationId, decisionBody: 'Styrelsen', decidedOn: '2021-01-29', minuteReference: '§ 1' });
      expect((await adopt(onA, parties[0]!.id)).status).toBe(201);
      // The last two parties at once, on different instances, and one of them twice.
      const answers = await Promise.all([adopt(onA, parties[1]!.id), adopt(onB, parties[2]!.id), adopt(onB, parties[1]!.id)]);
      expect(answers.map((x) => x.status).sort()).toEqual([201, 201, 409]);
      const agreement = (await onB.get(`/api/agreements/${id}`)).body;
      expect(agreement).toMatchObject({ status: 'in_force', partiesAdopted: 3, partiesRequired: 3, inForceVersion: 1 });
      const inForce = await a.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).where('action', '=', 'agreement.in_force').execute();
      expect(inForce).toHaveLength(1);
    }
  });
});
