import { endpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect((await seedDemo(t.deps, { password: 'demo-password-123' })).seeded).toBe(true);
});
afterAll(() => t.close());

const spaceId = async (name: string) => (await t.deps.db.selectFrom('spaces').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('demo action plans', () => {
  it("SÖK's action plan has five measures, each with a responsible party and an indicator with values", async () => {
    const visitor = t.client();
    const list = await visitor.call(endpoints.getSpaceActionPlans, { params: { id: await spaceId('SÖK Samverkan Norrbotten') } });
    expect(list.body.items).toHaveLength(1);
    const plan = (await visitor.call(endpoints.getActionPlan, { params: { id: list.body.items[0]!.id } })).body;
    expect(plan.measures).toHaveLength(5);
    for (const m of plan.measures) {
      expect(m.responsibleOrganisation, m.title).not.toBeNull();
      expect(m.indicators, m.title).toHaveLength(1);
      expect(m.indicators[0]!.values.length, m.title).toBeGreaterThan(0);
    }
    expect(new Set(plan.measures.map((m) => m.responsibleOrganisation!.name))).toEqual(
      new Set(['Samforma', 'Region Norrbotten', 'Länsstyrelsen i Norrbottens län', 'Norrbottens bildningsförbund', 'Luleå tekniska universitet']),
    );
  });

  it("TALKO Sorsele's local action plan has three measures that answer demo inputs, shown on the inputs' public trail", async () => {
    const visitor = t.client();
    const list = await visitor.call(endpoints.getSpaceActionPlans, { params: { id: await spaceId('TALKO Lappland') } });
    const plan = (await visitor.call(endpoints.getActionPlan, { params: { id: list.body.items.find((p) => p.title.includes('Sorsele'))!.id } })).body;
    expect(plan.measures).toHaveLength(3);
    for (const m of plan.measures) expect(m.inputs.map((i) => i.status), m.title).toEqual(['planned']);
    const input = (await visitor.call(endpoints.getInput, { params: { id: plan.measures[0]!.inputs[0]!.id } })).body;
    expect(input.trail).toMatchObject({ measureTitle: plan.measures[0]!.title, actionPlanTitle: 'Lokal handlingsplan Sorsele 2026–2027' });
  });
});
