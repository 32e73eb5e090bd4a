import { endpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../platform/messages.ts';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildMembership, buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';

/** Action plans, measures, indicators and inputs answered by measures (issue 10 §2–3). */
let t: TestApp;
let lead: Client;
let member: Client;
let outsider: Client;
let spaceId: string;
let otherSpaceId: string;
let region: { id: string };
let samforma: { id: string };
let company: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const leader = await buildSignedInUser(t, { name: 'Processledare' });
  const plain = await buildSignedInUser(t, { name: 'Medlem' });
  const stranger = await buildSignedInUser(t, { name: 'Utomstående' });
  lead = leader.client;
  member = plain.client;
  outsider = stranger.client;
  spaceId = (await buildSpace(t, { name: 'SÖK Samverkan Norrbotten', visibility: 'members', municipalityCodes: ['2580', '2581'], members: [{ user: leader, role: 'facilitator' }, { user: plain, role: 'member' }] })).id;
  otherSpaceId = (await buildSpace(t, { members: [{ user: leader, role: 'space_admin' }] })).id;
  region = await buildOrganisation(t, { name: 'Region Norrbotten (test)', sector: 'public', municipalityCode: null });
  samforma = await buildOrganisation(t, { name: 'Samforma (test)', sector: 'civil_society', municipalityCode: null });
  company = await buildOrganisation(t, { name: 'Byns Livs AB (test)', sector: 'private', municipalityCode: '2580' });
});
afterAll(() => t.close());

const auditActions = async (resourceId: string) =>
  (await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', resourceId).orderBy('id').execute()).map((r) => r.action);

async function plan(title = 'Handlingsplan 2026–2028') {
  const answer = await lead.call(endpoints.createActionPlan, {
    params: { id: spaceId },
    body: { title, summary: 'Vad varje part åtar sig.', periodStart: '2026-01-01', periodEnd: '2028-12-31', goals: [{ title: 'Starkare samverkan' }, { title: 'Fler unga deltar' }] },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

describe('action plans', () => {
  it('a leader starts a plan with goals, links and an agreement id; members read it; others do not see it', async () => {
    const agreementId = (await lead.call(endpoints.createAgreement, { params: { id: spaceId }, body: { title: 'Överenskommelse SÖK' } })).body.id;
    const created = await lead.call(endpoints.createActionPlan, {
      params: { id: spaceId },
      body: { title: 'Handlingsplan SÖK', agreementId, goals: [{ title: 'Mål 1' }], links: [{ title: 'Regional utvecklingsstrategi', url: 'https://www.norrbotten.se/rus' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Handlingsplan SÖK', agreementId, status: 'draft', goals: [{ title: 'Mål 1' }], links: [{ title: 'Regional utvecklingsstrategi', url: 'https://www.norrbotten.se/rus' }] });
    expect(created.body.allowedActions).toContain('add_measure');
    expect(await auditActions(created.body.id)).toEqual(['action_plan.create']);

    const read = await member.call(endpoints.getActionPlan, { params: { id: created.body.id } });
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toEqual(['view']);
    expect((await member.call(endpoints.createActionPlan, { params: { id: spaceId }, body: { title: 'Min plan' } })).status).toBe(403);
    expect((await outsider.call(endpoints.getActionPlan, { params: { id: created.body.id } })).status).toBe(404);
    expect((await t.client().call(endpoints.getSpaceActionPlans, { params: { id: spaceId } })).status).toBe(404);

    const badLink = await lead.request('POST', `/api/spaces/${spaceId}/action-plans`, { title: 'Plan', links: [{ title: 'x', url: 'javascript:alert(1)' }] });
    expect(badLink.status).toBe(400);
    expect(Object.keys(badLink.body.error.fields)).toEqual(['links.0.url']);

    // Goals: a goal left out is removed, one with its id is kept and renamed, a new one added.
    const goalId = created.body.goals[0]!.id;
    const patched = await lead.call(endpoints.patchActionPlan, { params: { id: created.body.id }, body: { status: 'active', goals: [{ id: goalId, title: 'Mål 1 (reviderat)' }, { title: 'Mål 2' }] } });
    expect(patched.status).toBe(200);
    expect(patched.body.goals.map((g) => [g.id === goalId, g.title])).toEqual([
      [true, 'Mål 1 (reviderat)'],
      [false, 'Mål 2'],
    ]);
    expect(await auditActions(created.body.id)).toEqual(['action_plan.create', 'action_plan.update']);
  });

  it('links a plan only to an agreement of its own space; the agreement lists its plans; deleting the agreement unlinks', async () => {
    const own = await lead.call(endpoints.createAgreement, { params: { id: spaceId }, body: { title: 'Överenskommelse om unga' } });
    const foreign = await lead.call(endpoints.createAgreement, { params: { id: otherSpaceId }, body: { title: 'Annat rums överenskommelse' } });
    expect([own.status, foreign.status]).toEqual([201, 201]);

    for (const agreementId of [foreign.body.id, crypto.randomUUID()]) {
      const refused = await lead.call(endpoints.createActionPlan, { params: { id: spaceId }, body: { title: 'Plan', agreementId } });
      expect(refused.status).toBe(400);
      expect(Object.keys((refused.body as unknown as { error: { fields: object } }).error.fields)).toEqual(['agreementId']);
    }
    expect(translate('en', 'validation.agreement_not_in_space')).toBe('The agreement is not in this space.');
    const swedish = await lead.request('POST', `/api/spaces/${spaceId}/action-plans`, { title: 'Plan', agreementId: foreign.body.id }, { 'accept-language': 'sv' });
    expect(JSON.stringify(swedish.body)).toContain('Överenskommelsen finns inte i det här samverkansrummet.');

    const linked = await lead.call(endpoints.createActionPlan, { params: { id: spaceId }, body: { title: 'Plan för unga', agreementId: own.body.id } });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ agreementId: own.body.id, agreementTitle: 'Överenskommelse om unga' });
    const patchedAway = await lead.call(endpoints.patchActionPlan, { params: { id: linked.body.id }, body: { agreementId: foreign.body.id } });
    expect(patchedAway.status).toBe(400);

    const agreement = await member.call(endpoints.getAgreement, { params: { id: own.body.id } });
    expect(agreement.status).toBe(200);
    expect(agreement.body.plans).toEqual([{ id: linked.body.id, title: 'Plan för unga', status: 'draft' }]);

    // The foreign key: the agreement gone, the plan stays without it.
    await t.deps.db.deleteFrom('agreements').where('id', '=', own.body.id).execute();
    const after = await lead.call(endpoints.getActionPlan, { params: { id: linked.body.id } });
    expect(after.body).toMatchObject({ agreementId: null, agreementTitle: null });
    await expect(t.deps.db.updateTable('action_plans').set({ agreement_id: crypto.randomUUID() }).where('id', '=', linked.body.id).execute()).rejects.toThrow();
  });

  it('a measure carries who does what, the sectors covered, place, dates, milestones, money and Agenda 2030 tags', async () => {
    const p = await plan();
    const created = await lead.call(endpoints.createMeasure, {
      params: { id: p.id },
      body: {
        title: 'Gemensam mötesplanering',
        goalId: p.goals[0]!.id,
        responsibleOrganisationId: region.id,
        participants: [
          { organisationId: samforma.id, what: 'Samordnar föreningarna', hours: 120, moneySek: null, youth: true },
          { organisationId: company.id, what: 'Lokaler', moneySek: 15000 },
        ],
        municipalityCode: '2580',
        place: 'Luleå',
        startDate: '2026-02-01',
        endDate: '2026-11-30',
        milestones: [
          { title: 'Andra mötet', date: '2026-09-15' },
          { title: 'Första mötet', date: '2026-03-10', done: true },
        ],
        budgetSek: 250000,
        funding: [{ source: 'Region Norrbotten', amountSek: 200000 }, { source: 'Egen insats' }],
        targets: ['17.17'],
        goals: [16],
        links: [{ title: 'Överenskommelsen', url: 'https://example.org/ok' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      actionPlanTitle: 'Handlingsplan 2026–2028',
      responsibleOrganisation: { id: region.id, sector: 'public' },
      sectors: ['public', 'private', 'civil_society', 'youth'],
      municipalityName: 'Luleå',
      budgetSek: 250000,
      funding: [{ source: 'Region Norrbotten', amountSek: 200000 }, { source: 'Egen insats', amountSek: null }],
      status: 'planned',
      goals: [16, 17],
      targets: ['17.17'],
    });
    expect(created.body.participants.map((x) => [x.organisationName, x.hours, x.moneySek])).toEqual([
      ['Samforma (test)', 120, null],
      ['Byns Livs AB (test)', null, 15000],
    ]);
    expect(created.body.milestones.map((m) => m.title)).toEqual(['Första mötet', 'Andra mötet']);
    // The organisations are now among the space's.
    const listed = await t.deps.db.selectFrom('space_organisations').select('organisation_id').where('space_id', '=', spaceId).execute();
    expect(listed.map((r) => r.organisation_id)).toEqual(expect.arrayContaining([region.id, samforma.id, company.id]));

    const other = await plan('En annan plan');
    const wrong = await lead.request('POST', `/api/action-plans/${p.id}/measures`, {
      title: 'Fel',
      goalId: other.goals[0]!.id,
      responsibleOrganisationId: crypto.randomUUID(),
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      links: [{ title: 'Fil', url: 'file:///etc/passwd' }],
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(['links.0.url']);
    const wrongRefs = await lead.request('POST', `/api/action-plans/${p.id}/measures`, { title: 'Fel', goalId: other.goals[0]!.id, responsibleOrganisationId: crypto.randomUUID(), startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(wrongRefs.status).toBe(400);
    expect(Object.keys(wrongRefs.body.error.fields).sort()).toEqual(['endDate', 'goalId', 'responsibleOrganisationId']);

    // Paused and cancelled need a reason; members may not change a measure.
    const id = created.body.id;
    const noReason = await lead.call(endpoints.patchMeasure, { params: { id }, body: { status: 'paused' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { fields: { statusReason: 'Ange varför åtgärden pausas eller avbryts.' } } });
    const paused = await lead.call(endpoints.patchMeasure, { params: { id }, body: { status: 'paused', statusReason: 'Väntar på finansiering' } });
    expect(paused.body).toMatchObject({ status: 'paused', statusReason: 'Väntar på finansiering' });
    const ongoing = await lead.call(endpoints.patchMeasure, { params: { id }, body: { status: 'ongoing' } });
    expect(ongoing.body).toMatchObject({ status: 'ongoing', statusReason: '' });
    expect((await member.call(endpoints.patchMeasure, { params: { id }, body: { status: 'done' } })).status).toBe(403);
    expect(await auditActions(id)).toEqual(['measure.create', 'measure.status', 'measure.status']);
  });

  it('a measure whose participating organisation was deleted can still be changed; its derived ties skip the deleted one', async () => {
    const p = await plan('Plan med en nedlagd förening');
    const gone = await buildOrganisation(t, { name: 'Nedlagda föreningen (test)', sector: 'civil_society', municipalityCode: '2580' });
    const created = await lead.call(endpoints.createMeasure, {
      params: { id: p.id },
      body: { title: 'Gemensam bygdedag', responsibleOrganisationId: region.id, participants: [{ organisationId: samforma.id, what: 'Program' }, { organisationId: gone.id, what: 'Fika' }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const admin = await buildSignedInUser(t, { isAdmin: true });
    expect((await admin.client.request('DELETE', `/api/organisations/${gone.id}`)).status).toBe(204);
    const renamed = await lead.call(endpoints.patchMeasure, { params: { id: created.body.id }, body: { title: 'Gemensam bygdedag i Kalix' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.participants.map((x) => x.organisationName)).toEqual(['Samforma (test)']);
    const ties = await t.deps.db.selectFrom('collaborations').select(['org_a', 'org_b']).where('derived_kind', '=', 'measure').where('derived_id', '=', created.body.id).execute();
    expect(ties.map((c) => [c.org_a, c.org_b].sort())).toEqual([[region.id, samforma.id].sort()]);
  });

  it('indicators on measures and goals take values over time; the yearly follow-up is kept as versions', async () => {
    const p = await plan('Uppföljd plan');
    const m = (await lead.call(endpoints.createMeasure, { params: { id: p.id }, body: { title: 'Kunskapsdialoger' } })).body;
    const indicator = await lead.call(endpoints.createIndicator, {
      params: { id: m.id },
      body: { name: 'Deltagande föreningar', unit: 'st', baselineValue: 10, baselineDate: '2025-12-31', targetValue: 40, targetDate: '2028-12-31', direction: 'increase' },
    });
    expect(indicator.status).toBe(201);
    for (const [value, measuredOn] of [
      [18, '2026-06-30'],
      [25, '2026-12-31'],
    ] as const) {
      const added = await lead.call(endpoints.addIndicatorValue, { params: { id: indicator.body.id }, body: { value, measuredOn, source: 'Närvarolistor', comment: 'Räknat per förening' } });
      expect(added.status).toBe(201);
    }
    expect((await member.call(endpoints.addIndicatorValue, { params: { id: indicator.body.id }, body: { value: 1, measuredOn: '2027-01-01', source: 'x' } })).status).toBe(403);
    const goalIndicator = await lead.call(endpoints.createGoalIndicator, { params: { id: p.id }, body: { goalId: p.goals[1]!.id, indicator: { name: 'Unga i arbetsgrupperna', unit: '%', targetValue: 20 } } });
    expect(goalIndicator.status).toBe(201);
    expect((await lead.call(endpoints.createGoalIndicator, { params: { id: p.id }, body: { goalId: crypto.randomUUID(), indicator: { name: 'x y' } } })).status).toBe(400);

    const first = await lead.call(endpoints.createFollowUp, { params: { id: p.id }, body: { asOf: '2026-07-01', measures: [{ measureId: m.id, text: 'Två dialoger hållna.' }] } });
    expect(first.status).toBe(201);
    const second = await lead.call(endpoints.createFollowUp, { params: { id: p.id }, body: { asOf: '2027-01-15', summary: 'Året i korthet' } });
    const followUps = second.body.followUps;
    expect(followUps.map((f) => [f.version, f.asOf])).toEqual([
      [2, '2027-01-15'],
      [1, '2026-07-01'],
    ]);
    const valueIn = (f: (typeof followUps)[number]) => f.indicators.find((i) => i.name === 'Deltagande föreningar')!.value;
    expect([valueIn(followUps[0]!), valueIn(followUps[1]!)]).toEqual([25, 18]);
    expect(followUps[1]!.measures).toEqual([{ measureId: m.id, title: 'Kunskapsdialoger', status: 'planned', text: 'Två dialoger hållna.' }]);
    const read = await member.call(endpoints.getActionPlan, { params: { id: p.id } });
    expect(read.body.measures[0]!.indicators[0]!.values.map((v) => v.value)).toEqual([18, 25]);
    expect(read.body.goals[1]!.indicators.map((i) => i.name)).toEqual(['Unga i arbetsgrupperna']);
    expect(await auditActions(indicator.body.id)).toEqual(['indicator.create', 'indicator.value', 'indicator.value']);
  });
});

describe('from a need to a result', () => {
  it('planned needs a measure of the same space; the measure lists its inputs; done closes them with the result and tells the submitter', async () => {
    const p = await plan('Plan för inspel');
    const measure = (await lead.call(endpoints.createMeasure, { params: { id: p.id }, body: { title: 'Mötesplats i Jokkmokk' } })).body;
    await lead.call(endpoints.createIndicator, { params: { id: measure.id }, body: { name: 'Träffar per år', targetValue: 12 } }).then((i) => lead.call(endpoints.addIndicatorValue, { params: { id: i.body.id }, body: { value: 4, measuredOn: '2026-06-30', source: 'Föreningens logg' } }));
    const otherPlan = (await lead.call(endpoints.createActionPlan, { params: { id: otherSpaceId }, body: { title: 'Annan arenas plan' } })).body;
    const foreign = (await lead.call(endpoints.createMeasure, { params: { id: otherPlan.id }, body: { title: 'Annan åtgärd' } })).body;
    const input = await lead.call(endpoints.submitInput, { params: { id: spaceId }, body: { text: 'En mötesplats för föreningarna i Jokkmokk', kind: 'need', submitterEmail: 'inspel@example.org' } });
    expect(input.status).toBe(201);
    const id = input.body.id;

    const noMeasure = await lead.request('PATCH', `/api/inputs/${id}`, { status: 'planned' });
    expect(noMeasure.status).toBe(400);
    expect(noMeasure.body.error.fields).toEqual({ measureId: 'Välj den åtgärd i en handlingsplan som svarar mot inspelet.' });
    const freeText = await lead.request('PATCH', `/api/inputs/${id}`, { status: 'planned', plannedRef: { id: 'x', label: 'En åtgärd som inte finns' } });
    expect(freeText.status).toBe(400);
    const english = await buildSignedInUser(t, { language: 'en' });
    await buildMembership(t, spaceId, english, 'facilitator');
    const elsewhere = await english.client.request('PATCH', `/api/inputs/${id}`, { status: 'planned', measureId: foreign.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields).toEqual({ measureId: 'The measure is not in the same space as the input. Choose a measure from this space’s own plans.' });
    expect((await lead.request('PATCH', `/api/inputs/${id}`, { status: 'planned', measureId: crypto.randomUUID() })).status).toBe(400);

    const planned = await lead.call(endpoints.patchInput, { params: { id }, body: { status: 'planned', reason: 'Ingår i handlingsplanen', measureId: measure.id } });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ status: 'planned', measureId: measure.id, plannedRef: { id: measure.id, label: 'Plan för inspel: Mötesplats i Jokkmokk' } });
    const listed = await member.call(endpoints.getMeasure, { params: { id: measure.id } });
    expect(listed.body.inputs).toEqual([{ id, number: input.body.number, text: 'En mötesplats för föreningarna i Jokkmokk', status: 'planned' }]);

    // The result is required to close inputs, and only with done.
    expect((await lead.request('PATCH', `/api/measures/${measure.id}`, { status: 'done', closeInputs: true })).status).toBe(400);
    const done = await lead.call(endpoints.patchMeasure, { params: { id: measure.id }, body: { status: 'done', result: 'Mötesplatsen öppnade i Folkets hus i maj.', closeInputs: true } });
    expect(done.status).toBe(200);
    expect(done.body.inputs[0]!.status).toBe('done');

    // The public input page shows the trail: received → planned (measure and plan) → indicator values → done.
    const trail = await member.call(endpoints.getInput, { params: { id } });
    expect(trail.body.timeline.map((c) => c.toStatus)).toEqual(['received', 'planned', 'done']);
    expect(trail.body.timeline[2]!.reason).toBe('Mötesplatsen öppnade i Folkets hus i maj.');
    expect(trail.body.trail).toMatchObject({
      measureTitle: 'Mötesplats i Jokkmokk',
      measureStatus: 'done',
      measureResult: 'Mötesplatsen öppnade i Folkets hus i maj.',
      actionPlanTitle: 'Plan för inspel',
      indicators: [{ name: 'Träffar per år', targetValue: 12, values: [{ value: 4, measuredOn: '2026-06-30' }] }],
    });
    const mails = await t.outboxFor('inspel@example.org');
    expect(mails.map((m) => m.subject)).toHaveLength(3);
    expect(mails[2]!.text).toContain('Mötesplatsen öppnade i Folkets hus i maj.');
    const audit = await auditActions(id);
    expect(audit).toEqual(['input.create', 'input.status', 'input.status']);
    // The address is gone once closed.
    const stored = await t.deps.db.selectFrom('inputs').select('submitter_email').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.submitter_email).toBeNull();
  });
});

describe('one measures model', () => {
  it('the migration moves service plan measures into the measures table and maps free-text input references onto them', async () => {
    const { moveServicePlanMeasures, mapInputReferences } = await import('../../db/migrations/0014_plans.ts');
    const db = t.deps.db;
    const now = t.clock.now();
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const old = (id: string, title: string, status: string, extra: Record<string, unknown> = {}) => ({
      id, title, description: '', localityId: null, place: 'Byn', organisationIds: [region.id], startDate: '2026-01-01', endDate: null, costSek: 5000, status, scenarioId: null, goalIds: [], ...extra,
    });
    const content = { background: '', links: [], levels: [], goals: [], measures: [old(a, 'Kontantuttag i Särna', 'in_progress'), old(b, 'Paketombud i Idre', 'postponed')] };
    const { id: planId } = await db
      .insertInto('service_plans')
      .values({ space_id: spaceId, municipality_code: '2580', title: 'Serviceplan Luleå', period_start: '2026-01-01', period_end: '2029-12-31', content: JSON.stringify(content), analysis_id: null, consultation_ends_on: null, created_by: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planned = async (number: number, ref: { id: string; label: string }) =>
      (
        await db
          .insertInto('inputs')
          .values({ space_id: spaceId, number, text: `Inspel ${number}`, kind: 'need', theme: null, service_type: null, municipality_code: null, locality_id: null, lon: null, lat: null, source: 'form', channel: null, source_ref: null, event_id: null, submitter_sector: null, submitter_age_group: null, submitter_email: null, status: 'planned', planned_ref_id: ref.id, planned_ref_label: ref.label, status_changed_at: now, entered_by: null, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const byId = await planned(901, { id: a, label: 'Kontantuttag' });
    const byLabel = await planned(902, { id: 'demo-1', label: 'Serviceplan Luleå: paketombud i Idre' });
    const noMatch = await planned(903, { id: 'x', label: 'En åtgärd som inte finns' });
    await moveServicePlanMeasures(db);
    await mapInputReferences(db);

    const plan = await lead.get(`/api/service-plans/${planId}`);
    expect(plan.status).toBe(200);
    expect(plan.body.content.measures.map((m: { id: string; status: string; costSek: number; organisationIds: string[] }) => [m.id, m.status, m.costSek, m.organisationIds])).toEqual([
      [a, 'in_progress', 5000, [region.id]],
      [b, 'postponed', 5000, [region.id]],
    ]);
    const stored = await db.selectFrom('service_plans').select('content').where('id', '=', planId).executeTakeFirstOrThrow();
    expect(stored.content.measures).toEqual([]);
    const inputs = await db.selectFrom('inputs').select(['id', 'measure_id', 'planned_note']).where('id', 'in', [byId, byLabel, noMatch]).execute();
    const of = (id: string) => inputs.find((i) => i.id === id)!;
    expect([of(byId).measure_id, of(byLabel).measure_id, of(noMatch).measure_id]).toEqual([a, b, null]);
    expect(of(noMatch).planned_note).toBe('En åtgärd som inte finns');
    // A service plan's measure is a measure like any other.
    expect((await member.call(endpoints.getMeasure, { params: { id: a } })).body).toMatchObject({ title: 'Kontantuttag i Särna', status: 'ongoing', budgetSek: 5000 });

    // Editing the plan keeps ids; a measure id of another plan is refused.
    const other = (await lead.call(endpoints.createActionPlan, { params: { id: spaceId }, body: { title: 'Annan' } })).body;
    const foreign = (await lead.call(endpoints.createMeasure, { params: { id: other.id }, body: { title: 'Främmande' } })).body;
    const stolen = await lead.patch(`/api/service-plans/${planId}`, { measures: [{ id: foreign.id, title: 'Kapad' }] });
    expect(stolen.status).toBe(400);
    expect((await member.call(endpoints.getMeasure, { params: { id: foreign.id } })).body.title).toBe('Främmande');
  });
});
