import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo agreement', () => {
  it("seeds SÖK's agreement: Samforma's board and the County Administrative Board adopted, Region Norrbotten pending", async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { items?: { id: string; name: string }[] } | { id: string; name: string }[];
    const list = Array.isArray(spaces) ? spaces : (spaces.items ?? []);
    const sok = list.find((s) => s.name === 'SÖK Samverkan Norrbotten')!;
    const agreements = (await t.client().get(`/api/spaces/${sok.id}/agreements`)).body;
    expect(agreements).toHaveLength(1);
    expect(agreements[0]).toMatchObject({ status: 'adoption', partiesAdopted: 2, partiesRequired: 3, currentVersion: 2 });
    const coordinator = await t.signIn('region@example.org', 'demo-password-123');
    const agreement = (await coordinator.get(`/api/agreements/${agreements[0].id}`)).body;
    expect(agreement.parties.map((p: { organisationName: string; state: string }) => [p.organisationName, p.state])).toEqual([
      ['Samforma', 'adopted'],
      ['Länsstyrelsen i Norrbottens län', 'adopted'],
      ['Region Norrbotten', 'reviewing'],
    ]);
    expect(agreement.parties[0].decision).toMatchObject({ decisionBody: 'Samformas styrelse', decidedOn: '2021-01-29' });
    expect(agreement.signatures[0]).toMatchObject({ organisationName: 'Samforma', sha256: agreement.sha256, current: true });
    expect((await coordinator.get(`/api/agreements/${agreements[0].id}/comments`)).body).toHaveLength(2);
    // The coordinator, a leader and Region Norrbotten's representative, can record the region's decision.
    expect(agreement.allowedActions).toEqual(expect.arrayContaining(['record_adoption', 'update', 'sign']));
    const adopted = await coordinator.post(`/api/agreements/${agreements[0].id}/adoptions`, { organisationId: agreement.parties[2].organisationId, decisionBody: 'Regionfullmäktige', decidedOn: '2021-04-21', minuteReference: '§ 63' });
    expect(adopted.body).toMatchObject({ status: 'in_force', partiesAdopted: 3 });
  });
});
