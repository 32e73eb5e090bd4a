import { dashboardEndpoints, endpoints, processEndpoints, type Dashboard } from '@samhandling/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';
import { TALKO_TEMPLATE_ID } from '../processes/template/talko.ts';
import { indicatorStanding } from './dashboard/figures.ts';

/** The dashboards' figures of measures, indicators and agreements (issue 12 §3), and the "action plan adopted" criterion. */
let t: TestApp;
let lead: Client;
let spaceId: string;
let hiddenSpaceId: string;

const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key)!;
const breakdown = (d: Dashboard, key: string, dimension: string) =>
  Object.fromEntries(
    figure(d, key)
      .breakdowns.find((b) => b.dimension === dimension)!
      .items.map((i) => [i.key, i.value]),
  );
const rows = async <R>(query: string) => (await sql<R>`${sql.raw(query)}`.execute(t.deps.db)).rows;
const count = async (query: string) => Number((await rows<{ n: number }>(query))[0]!.n);
const byStatus = async (query: string) =>
  Object.fromEntries((await rows<{ status: string; n: number }>(query)).map((r) => [r.status, Number(r.n)]));
const nonZero = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));

async function plan(space: string, body: { title: string; goals?: { title: string }[] }, status?: 'active' | 'ended' | 'draft') {
  const created = await lead.call(endpoints.createActionPlan, { params: { id: space }, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (status) expect((await lead.call(endpoints.patchActionPlan, { params: { id: created.body.id }, body: { status } })).status).toBe(200);
  return created.body;
}

async function measure(planId: string, title: string, municipalityCode: string | null, status?: 'ongoing' | 'done' | 'cancelled') {
  const created = await lead.call(endpoints.createMeasure, { params: { id: planId }, body: { title, municipalityCode } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (status) {
    const patched = await lead.call(endpoints.patchMeasure, {
      params: { id: created.body.id },
      body: { status, ...(status === 'cancelled' ? { statusReason: 'Ingen lokal att tillgå.' } : {}) },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  }
  return created.body.id;
}

async function indicator(
  measureId: string,
  body: {
    name: string;
    baselineValue: number;
    baselineDate: string;
    targetValue: number;
    targetDate: string;
    direction?: 'increase' | 'decrease';
  },
  values: [number, string][],
) {
  const created = await lead.call(endpoints.createIndicator, { params: { id: measureId }, body: { unit: 'st', ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const [value, measuredOn] of values)
    expect(
      (await lead.call(endpoints.addIndicatorValue, { params: { id: created.body.id }, body: { value, measuredOn, source: 'Enkät' } }))
        .status,
    ).toBe(201);
  return created.body.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const leader = await buildSignedInUser(t, { name: 'Processledare' });
  lead = leader.client;
  spaceId = (
    await buildSpace(t, { name: 'TALKO Lappland', municipalityCodes: ['2422', '2421'], members: [{ user: leader, role: 'facilitator' }] })
  ).id;
  hiddenSpaceId = (
    await buildSpace(t, { visibility: 'members', municipalityCodes: ['2422'], members: [{ user: leader, role: 'space_admin' }] })
  ).id;

  // Measures: two in Sorsele (planned, ongoing), one in Storuman (done), one without a municipality (cancelled).
  const p = await plan(spaceId, { title: 'Lokal handlingsplan 2026', goals: [{ title: 'Service inom räckhåll' }] }, 'active');
  const youth = await measure(p.id, 'Träffpunkt för unga i Ammarnäs', '2422');
  const transport = await measure(p.id, 'Anropsstyrd trafik', '2422', 'ongoing');
  const parcel = await measure(p.id, 'Paketombud i Tärnaby', '2421', 'done');
  await measure(p.id, 'Gemensam webbplats', null, 'cancelled');
  // A service plan's measure (no action plan) is not an action plan's measure.
  await t.deps.db
    .insertInto('measures')
    .values({
      space_id: spaceId,
      action_plan_id: null,
      title: 'Serviceplanens åtgärd',
      municipality_code: '2422',
      participants: '[]',
      milestones: '[]',
      funding: '[]',
      links: '[]',
      budget_sek: null,
      responsible_organisation_id: null,
      goal_id: null,
      locality_id: null,
      start_date: null,
      end_date: null,
      created_by: null,
      created_at: new Date(),
      updated_at: new Date(),
    } as never)
    .execute();

  // Indicators: ahead of time (8 of 10 by mid-year: on track), reached a decreasing target (on track),
  // behind time (10 of 100 by mid-year), and one on the plan's goal without any value.
  await indicator(
    youth,
    { name: 'Unga per vecka', baselineValue: 0, baselineDate: '2026-01-01', targetValue: 10, targetDate: '2026-12-31' },
    [
      [3, '2026-03-01'],
      [8, '2026-07-01'],
    ],
  );
  await indicator(
    transport,
    {
      name: 'Väntetid (min)',
      baselineValue: 50,
      baselineDate: '2026-01-01',
      targetValue: 20,
      targetDate: '2026-12-31',
      direction: 'decrease',
    },
    [[20, '2026-05-01']],
  );
  await indicator(
    parcel,
    { name: 'Paket per månad', baselineValue: 0, baselineDate: '2026-01-01', targetValue: 100, targetDate: '2026-12-31' },
    [[10, '2026-07-01']],
  );
  expect(
    (
      await lead.call(endpoints.createGoalIndicator, {
        params: { id: p.id },
        body: { goalId: p.goals[0]!.id, indicator: { name: 'Nöjda invånare', targetValue: 5 } },
      })
    ).status,
  ).toBe(201);

  // A members-only space's measure in Sorsele: only its members count it.
  const hidden = await plan(hiddenSpaceId, { title: 'Intern plan' });
  await measure(hidden.id, 'Intern åtgärd', '2422');

  // Agreements: a draft, one on remiss, one out for adoption, one adopted by its only party (in force).
  const org = await buildOrganisation(t, { name: 'Sorsele kommun (test)', sector: 'public', municipalityCode: '2422' });
  const agreement = async (title: string) =>
    (await lead.call(endpoints.createAgreement, { params: { id: spaceId }, body: { title } })).body.id;
  await agreement('Utkast');
  await lead.patch(`/api/agreements/${await agreement('På remiss')}`, { status: 'remiss' });
  for (const [title, adopt] of [
    ['Ute för antagande', false],
    ['Antagen av alla', true],
  ] as const) {
    const id = await agreement(title);
    expect((await lead.post(`/api/agreements/${id}/parties`, { organisationId: org.id, role: 'party' })).status).toBe(201);
    expect((await lead.patch(`/api/agreements/${id}`, { status: 'adoption' })).body.status).toBe('adoption');
    if (adopt)
      expect(
        (
          await lead.post(`/api/agreements/${id}/adoptions`, {
            organisationId: org.id,
            decisionBody: 'Kommunstyrelsen',
            decidedOn: '2026-05-04',
            minuteReference: '§ 12',
          })
        ).body.status,
      ).toBe('in_force');
  }
});
afterAll(() => t.close());

describe('dashboard figures of plans and agreements', () => {
  it('counts the space’s measures, indicators and agreements as the rows say', async () => {
    const answer = await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const d = answer.body;
    const measures = `from measures where space_id = '${spaceId}' and action_plan_id is not null`;
    expect(figure(d, 'measures').value).toBe(await count(`select count(*) as n ${measures}`));
    expect(figure(d, 'measures').value).toBe(4);
    expect(nonZero(breakdown(d, 'measures', 'status'))).toEqual(await byStatus(`select status, count(*) as n ${measures} group by status`));
    expect(figure(d, 'measures').link).toBe(`/spaces/${spaceId}/action-plans`);

    expect(figure(d, 'indicators_on_track')).toMatchObject({
      value: 2,
      total: await count(`select count(*) as n from indicators where space_id = '${spaceId}'`),
    });
    expect(breakdown(d, 'indicators_on_track', 'standing')).toEqual({ on_track: 2, behind: 1, no_value: 1 });
    // Per indicator with a value: the latest value against the target.
    const perIndicator = figure(d, 'indicators_on_track').breakdowns.find((b) => b.dimension === 'indicator')!.items;
    expect(perIndicator).toEqual([
      { key: 'Paket per månad (st)', value: 10, target: 100 },
      { key: 'Unga per vecka (st)', value: 8, target: 10 },
      { key: 'Väntetid (min) (st)', value: 20, target: 20 },
    ]);

    const agreements = `from agreements where space_id = '${spaceId}'`;
    expect(figure(d, 'agreements').value).toBe(await count(`select count(*) as n ${agreements}`));
    expect(nonZero(breakdown(d, 'agreements', 'status'))).toEqual(
      await byStatus(`select status, count(*) as n ${agreements} group by status`),
    );
    expect(nonZero(breakdown(d, 'agreements', 'status'))).toEqual({ draft: 1, remiss: 1, adoption: 1, in_force: 1 });
    expect(figure(d, 'agreements').link).toBe(`/spaces/${spaceId}/agreements`);
  });

  it('counts a municipality’s measures and indicators by where the measure is, with only the spaces the caller sees', async () => {
    const inSorsele = (space: string) =>
      `from measures where space_id = '${space}' and action_plan_id is not null and municipality_code = '2422'`;
    const outsider = (await t.client().call(dashboardEndpoints.getMunicipalityDashboard, { params: { code: '2422' } })).body;
    expect(figure(outsider, 'measures').value).toBe(await count(`select count(*) as n ${inSorsele(spaceId)}`));
    expect(figure(outsider, 'indicators_on_track')).toMatchObject({ value: 2, total: 2 });
    const insider = (await lead.call(dashboardEndpoints.getMunicipalityDashboard, { params: { code: '2422' } })).body;
    expect(figure(insider, 'measures').value).toBe(
      (await count(`select count(*) as n ${inSorsele(spaceId)}`)) + (await count(`select count(*) as n ${inSorsele(hiddenSpaceId)}`)),
    );
    expect(figure(insider, 'measures').value).toBe(3);
    // Agreements are a space's: on the municipality's dashboard, those of the spaces working there.
    expect(figure(outsider, 'agreements').value).toBe(4);
    const county = (await t.client().call(dashboardEndpoints.getCountyDashboard, { params: { code: '24' } })).body;
    expect(figure(county, 'measures').value).toBe(3);
    expect(figure(county, 'indicators_on_track')).toMatchObject({ value: 2, total: 3 });
  });

  it('puts measures and indicators on track in the comparison, one column each', async () => {
    const c = (await t.client().call(dashboardEndpoints.getSpaceComparison, { params: { id: spaceId } })).body;
    expect(c.figureKeys).toEqual(expect.arrayContaining(['measures', 'indicators_on_track']));
    expect(c.figureKeys).not.toContain('agreements');
    expect(c.rows.map((r) => [r.municipalityName, r.values.measures, r.values.indicators_on_track])).toEqual([
      ['Sorsele', 2, 2],
      ['Storuman', 1, 0],
    ]);
  });

  it('shows a measure’s new status at once', async () => {
    const before = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body;
    const id = (
      await rows<{ id: string }>(
        `select id from measures where space_id = '${spaceId}' and status = 'planned' and action_plan_id is not null`,
      )
    )[0]!.id;
    await lead.call(endpoints.patchMeasure, { params: { id }, body: { status: 'done' } });
    const after = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body;
    expect(breakdown(after, 'measures', 'status').done).toBe(breakdown(before, 'measures', 'status').done! + 1);
    expect(breakdown(after, 'measures', 'status').planned).toBe(breakdown(before, 'measures', 'status').planned! - 1);
  });
});

describe('indicator standing', () => {
  const base = {
    baseline_value: 0,
    baseline_date: '2026-01-01',
    target_value: 100,
    target_date: '2026-12-31',
    direction: 'increase' as const,
  };
  it('is on track when the target is reached or progress keeps pace with time, behind otherwise, unknown without a value', () => {
    expect(indicatorStanding({ ...base, latest_value: 100, latest_on: '2026-02-01' })).toBe('on_track');
    expect(indicatorStanding({ ...base, latest_value: 60, latest_on: '2026-07-01' })).toBe('on_track');
    expect(indicatorStanding({ ...base, latest_value: 40, latest_on: '2026-07-01' })).toBe('behind');
    expect(indicatorStanding({ ...base, latest_value: null, latest_on: null })).toBe('no_value');
    expect(indicatorStanding({ ...base, target_value: null, latest_value: 5, latest_on: '2026-07-01' })).toBe('no_value');
    expect(
      indicatorStanding({
        ...base,
        direction: 'decrease',
        baseline_value: 50,
        target_value: 20,
        latest_value: 21,
        latest_on: '2026-12-31',
      }),
    ).toBe('behind');
    expect(
      indicatorStanding({
        ...base,
        direction: 'decrease',
        baseline_value: 50,
        target_value: 20,
        latest_value: 30,
        latest_on: '2026-07-01',
      }),
    ).toBe('on_track');
    // Without a baseline only reaching the target counts.
    expect(indicatorStanding({ ...base, baseline_value: null, latest_value: 99, latest_on: '2026-01-02' })).toBe('behind');
  });
});

describe('the "action plan adopted" criterion', () => {
  it('turns done exactly when the space (and the process’s municipality, where the plan names one) has an adopted plan, and back', async () => {
    const firstLead = lead;
    const leader = await buildSignedInUser(t);
    lead = leader.client;
    const space = (await buildSpace(t, { municipalityCodes: ['2422', '2421'], members: [{ user: leader, role: 'facilitator' }] })).id;
    const start = async (municipalityCode: string) =>
      (await lead.call(processEndpoints.startProcess, { params: { id: space }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode } }))
        .body.id;
    const sorsele = await start('2422');
    const storuman = await start('2421');
    const step = async (id: string) => {
      const p = (await lead.call(processEndpoints.getProcess, { params: { id } })).body;
      return p.phases.flatMap((ph) => ph.steps).find((s) => s.id === 'action-plan')!;
    };
    const states = async () => [(await step(sorsele)).status === 'done', (await step(storuman)).status === 'done'];

    const first = await step(sorsele);
    expect(first).toMatchObject({ platformChecked: true, checkedBy: null, progress: { value: 0, target: 1 } });
    expect(
      (
        await lead.call(processEndpoints.tickProcessStep, {
          params: { id: sorsele, stepId: 'action-plan' },
          body: { done: true, note: '' },
        })
      ).status,
    ).toBe(409);

    // A draft plan with a measure in Storuman: not adopted.
    const storumanPlan = await plan(space, { title: 'Lokal handlingsplan Storuman' });
    await measure(storumanPlan.id, 'Byabuss', '2421');
    expect(await states()).toEqual([false, false]);
    // Adopted: Storuman's step is done, by the platform; Sorsele's is not (the plan is not Sorsele's).
    await lead.call(endpoints.patchActionPlan, { params: { id: storumanPlan.id }, body: { status: 'active' } });
    expect(await states()).toEqual([false, true]);
    expect(await step(storuman)).toMatchObject({ checkedBy: 'platform', progress: { value: 1, target: 1 } });
    // A plan naming no municipality is the whole space's.
    const spacePlan = await plan(space, { title: 'Gemensam handlingsplan' }, 'active');
    expect(await states()).toEqual([true, true]);
    // Another space's adopted plan counts for nothing here.
    lead = firstLead;
    await plan(spaceId, { title: 'Annan arbetsytas plan' }, 'active');
    lead = leader.client;
    expect(await states()).toEqual([true, true]);
    // Back to draft: open again.
    await lead.call(endpoints.patchActionPlan, { params: { id: spacePlan.id }, body: { status: 'draft' } });
    expect(await states()).toEqual([false, true]);
    await lead.call(endpoints.patchActionPlan, { params: { id: storumanPlan.id }, body: { status: 'draft' } });
    expect(await states()).toEqual([false, false]);
    // A plan that ran its course was adopted: ended still counts.
    await lead.call(endpoints.patchActionPlan, { params: { id: storumanPlan.id }, body: { status: 'ended' } });
    expect(await states()).toEqual([false, true]);
    // And the dashboard's process figure follows at once.
    const d = (await lead.call(dashboardEndpoints.getSpaceDashboard, { params: { id: space } })).body;
    const done = (await lead.call(processEndpoints.getSpaceProcesses, { params: { id: space } })).body.reduce((n, p) => n + p.stepsDone, 0);
    expect(figure(d, 'process_steps_done').value).toBe(done);
    await lead.call(endpoints.patchActionPlan, { params: { id: storumanPlan.id }, body: { status: 'draft' } });
    expect(
      figure((await lead.call(dashboardEndpoints.getSpaceDashboard, { params: { id: space } })).body, 'process_steps_done').value,
    ).toBe(done - 1);
  });
});
