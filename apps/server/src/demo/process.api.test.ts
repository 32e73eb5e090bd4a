import { dashboardEndpoints, feedbackEndpoints, processEndpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { DEMO_SPACES, seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo processes, feedback and dashboards', () => {
  it('runs TALKO in its eight municipalities at different stages, with feedback from three test sessions and goals for all four projects', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const processes = (await t.client().call(processEndpoints.getSpaceProcesses, { params: { id: talko.id } })).body;
    expect(processes).toHaveLength(8);
    expect(new Set(processes.map((p) => p.stepsDone)).size).toBeGreaterThan(1);
    expect(processes.some((p) => p.overdue > 0)).toBe(true);

    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const forms = (await lead.call(feedbackEndpoints.getSpaceFeedbackForms, { params: { id: talko.id } })).body;
    expect(forms).toHaveLength(3);
    const results = (await lead.call(feedbackEndpoints.getFeedbackResults, { params: { id: forms[0]!.id } })).body;
    expect(results.comparison.map((c) => c.respondents)).toEqual([10, 8, 7]);
    expect((await t.client().call(feedbackEndpoints.getFeedbackChanges, { params: { id: talko.id } })).body).toHaveLength(2);

    // The four projects (other demo parts may add spaces of their own).
    for (const space of spaces.filter((s) => DEMO_SPACES.some((d) => d.name === s.name))) {
      const dashboard = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: space.id } })).body;
      expect(dashboard.goals!.length, space.name).toBeGreaterThan(0);
      expect(dashboard.facts!.coFinanciers.length, space.name).toBeGreaterThan(0);
      expect(dashboard.facts!.spinOffs.length, space.name).toBeGreaterThan(0);
    }
    const talkoDashboard = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: talko.id } })).body;
    expect(talkoDashboard.figures.find((f) => f.key === 'feedback_answers')!.value).toBe(25);
    const comparison = (await t.client().call(dashboardEndpoints.getSpaceComparison, { params: { id: talko.id } })).body;
    expect(comparison.rows).toHaveLength(8);
  });
});
