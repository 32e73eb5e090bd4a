import { dashboardEndpoints, feedbackEndpoints, processEndpoints, type Dashboard } from '@samhandling/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildSignedInUser, buildSpace } from '../../test/factories.ts';
import { buildGroupWithMembers, buildHeldEvent, buildInputs } from '../../test/process-factories.ts';
import { CRITERIA } from '../processes/process/criteria.ts';
import { TALKO_TEMPLATE_ID } from '../processes/template/talko.ts';
import { FIGURES, type Scope } from './dashboard/figures.ts';

let t: TestApp;
let lead: { id: string; client: Client };
let member: { id: string; client: Client };
let spaceId: string;
let hiddenSpaceId: string;

const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key)!;
const breakdown = (d: Dashboard, key: string, dimension: string) =>
  Object.fromEntries(figure(d, key).breakdowns.find((b) => b.dimension === dimension)!.items.map((i) => [i.key, i.value]));

async function analysis(space: string) {
  const now = t.clock.now();
  const job = await t.deps.db.insertInto('jobs').values({ kind: 'analysis.run', payload: '{}', status: 'done', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const population = await t.deps.db
    .insertInto('population_sets')
    .values({ space_id: space, kind: 'origins', name: 'Befolkning', origin_count: 3, population: 1000, created_at: now } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const agg = (population: number, classes: [number, number][], unreachable: number) => ({
    population,
    origins: 3,
    classes: classes.map(([fromMin, pop]) => ({ label: `${fromMin}`, fromMin, toMin: fromMin + 10, population: pop, origins: 1 })),
    unreachable: { population: unreachable, origins: 1 },
    noRoad: 0,
    meanMin: 12,
    medianMin: 10,
    vulnerable: { thresholdMin: 30, population: 0, origins: 0 },
  });
  const summary = {
    mode: 'road',
    population: 1000,
    origins: 3,
    points: {},
    pointsWithoutRoad: [],
    types: { groceries: agg(1000, [[0, 500], [10, 200], [20, 150], [30, 100]], 50), fuel: agg(1000, [[0, 900], [10, 100]], 0) },
    byMunicipality: { '2422': { groceries: agg(400, [[0, 100], [30, 250]], 50) } },
    network: null,
    timingsMs: {},
  };
  await t.deps.db
    .insertInto('analyses')
    .values({
      space_id: space,
      job_id: job.id,
      name: 'Tillgänglighet 2026',
      points_as_of: now,
      points: JSON.stringify([]),
      population_set_id: population.id,
      network_id: null,
      mode: 'road',
      types: ['groceries', 'fuel'],
      profile: JSON.stringify({}),
      thresholds_min: [10, 20, 30],
      vulnerable_min: 30,
      summary: JSON.stringify(summary),
      results: null,
      point_count: 0,
      created_by: null,
      created_at: now,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t);
  member = await buildSignedInUser(t);
  spaceId = (
    await buildSpace(t, {
      name: 'TALKO Lappland',
      municipalityCodes: ['2422', '2421'],
      members: [
        { user: lead, role: 'facilitator' },
        { user: member, role: 'member' },
      ],
    })
  ).id;
  // A members-only space in the same municipality: its data never shows to those outside it.
  hiddenSpaceId = (await buildSpace(t, { visibility: 'members', municipalityCodes: ['2422'], members: [{ user: lead, role: 'space_admin' }] })).id;

  const twelve = [...Array(4).fill({ sector: 'public' }), ...Array(4).fill({ sector: 'private' }), ...Array(4).fill({ sector: 'civil_society' })];
  await buildGroupWithMembers(t, spaceId, '2422', [...twelve, { sector: 'civil_society', youth: true }]);
  await buildGroupWithMembers(t, spaceId, '2421', [{ sector: 'public' }, { sector: 'private' }]);
  await buildHeldEvent(t, spaceId, '2422', {
    kind: 'kick_off',
    attendees: [
      { sector: 'public', ageGroup: '26_64' },
      { sector: 'resident', ageGroup: '16_25', mode: 'online' },
      { sector: 'resident', ageGroup: '65_plus' },
      { noShow: true },
    ],
  });
  const testSession = await buildHeldEvent(t, spaceId, '2421', { kind: 'test_session', attendees: [{ sector: 'private', ageGroup: '26_64' }] });
  // Planned, not held: no figure counts it.
  await t.deps.db.updateTable('events').set({ municipality_code: '2421' }).where('id', '=', (await buildHeldEvent(t, spaceId, '2421', { daysAgo: -5 })).id).execute();
  await buildInputs(t, spaceId, '2422', [
    { answeredAfterDays: 2, status: 'being_assessed' },
    { answeredAfterDays: 4, status: 'planned' },
    { answeredAfterDays: 10, status: 'done' },
    {},
    { hidden: true },
  ]);
  await buildInputs(t, spaceId, '2421', [{ answeredAfterDays: 6, status: 'declined' }, {}]);
  await buildInputs(t, hiddenSpaceId, '2422', [{}, {}, {}]);
  const form = await lead.client.call(feedbackEndpoints.createFeedbackForm, {
    params: { id: testSession.id },
    body: { title: 'Återkoppling', questions: [{ kind: 'scale', text: 'Hur var det?' }] },
  });
  for (const key of ['svar-aaaaaaaa', 'svar-bbbbbbbb'])
    await t.client().call(feedbackEndpoints.answerFeedbackForm, { params: { id: form.body.id }, body: { idempotencyKey: key, answers: { q1: 4 } } });
  await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: '2422' } });
  await analysis(spaceId);
});
afterAll(() => t.close());

describe('dashboards', () => {
  it('computes every space figure from the data, each equal to a count made here', async () => {
    const answer = await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const d = answer.body;
    const count = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(t.deps.db)).rows[0]!.n);

    expect(figure(d, 'working_groups').value).toBe(await count(`select count(*) as n from working_groups where space_id = '${spaceId}'`));
    expect(breakdown(d, 'working_groups', 'composition')).toMatchObject({ public: 5, private: 5, civil_society: 5, youth: 1 });
    expect(figure(d, 'municipalities_with_complete_group')).toMatchObject({ value: 1, total: 2 });
    expect(figure(d, 'events_held').value).toBe(
      await count(`select count(*) as n from events where space_id = '${spaceId}' and ends_at <= now() and status = 'scheduled'`),
    );
    expect(figure(d, 'events_held').value).toBe(2);
    expect(figure(d, 'participants').value).toBe(
      await count(`select count(*) as n from registrations r join events e on e.id = r.event_id where e.space_id = '${spaceId}' and r.checked_in_at is not null`),
    );
    expect(breakdown(d, 'participants', 'sector')).toEqual({ public: 1, resident: 2, private: 1 });
    expect(breakdown(d, 'participants', 'age_group')).toEqual({ '26_64': 2, '16_25': 1, '65_plus': 1 });
    expect(breakdown(d, 'participants', 'mode')).toEqual({ on_site: 3, online: 1 });
    expect(figure(d, 'inputs').value).toBe(await count(`select count(*) as n from inputs where space_id = '${spaceId}' and hidden_at is null`));
    expect(breakdown(d, 'inputs', 'status')).toEqual({ received: 2, being_assessed: 1, planned: 1, done: 1, declined: 1 });
    // Days to the first answer: 2, 4, 6, 10 → median 5.
    expect(figure(d, 'inputs_median_days_to_answer').value).toBe(5);
    expect(figure(d, 'feedback_answers').value).toBe(2);
    // The TALKO process in Sorsele: the kick-off held with attendance and the complete group are done by the data.
    expect(figure(d, 'process_steps_done')).toMatchObject({ value: 2, total: 7 });
    // Groceries beyond 30 min: the class from 30 (100) + unreachable (50); beyond 10: 200 + 150 + 100 + 50.
    expect(figure(d, 'people_beyond_30_min_groceries')).toMatchObject({ value: 150, total: 1000, link: expect.stringContaining('/analyses/') });
    expect(breakdown(d, 'people_beyond_30_min_groceries', 'beyond_10')).toEqual({ groceries: 500, fuel: 100 });
    expect(figure(d, 'network_cross_sector_share').link).toBe(`/spaces/${spaceId}/network`);
    expect(figure(d, 'inputs').link).toBe(`/spaces/${spaceId}/inputs`);
    expect(d.allowedActions).toEqual(['view']);
  });

  it('answers per municipality and county with only the spaces the caller sees', async () => {
    const outsider = (await t.client().call(dashboardEndpoints.getMunicipalityDashboard, { params: { code: '2422' } })).body;
    expect(outsider.scope).toMatchObject({ kind: 'municipality', name: 'Sorsele' });
    expect(figure(outsider, 'inputs').value).toBe(4);
    expect(figure(outsider, 'people_beyond_30_min_groceries').value).toBe(300);
    const insider = (await lead.client.call(dashboardEndpoints.getMunicipalityDashboard, { params: { code: '2422' } })).body;
    expect(figure(insider, 'inputs').value).toBe(7);
    const county = (await t.client().call(dashboardEndpoints.getCountyDashboard, { params: { code: '24' } })).body;
    expect(county.scope).toMatchObject({ kind: 'county', name: expect.stringContaining('Västerbotten') });
    expect(figure(county, 'inputs').value).toBe(6);
    expect(figure(county, 'events_held').value).toBe(2);
    expect((await t.client().call(dashboardEndpoints.getCountyDashboard, { params: { code: '99' } })).status).toBe(404);
    expect((await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: hiddenSpaceId } })).status).toBe(404);
  });

  it('compares the space’s municipalities row by row, also as CSV', async () => {
    const c = (await t.client().call(dashboardEndpoints.getSpaceComparison, { params: { id: spaceId } })).body;
    expect(c.rows.map((r) => [r.municipalityName, r.values.inputs, r.values.events_held, r.values.participants, r.values.municipalities_with_complete_group])).toEqual([
      ['Sorsele', 4, 1, 3, 1],
      ['Storuman', 2, 1, 1, 0],
    ]);
    const csv = await t.client().get(`/api/spaces/${spaceId}/comparison?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toContain('municipality,working_groups');
    expect(lines).toHaveLength(3);
  });

  it('keeps project goals with their live figure and progress, and the project facts', async () => {
    expect((await member.client.call(dashboardEndpoints.createSpaceGoal, { params: { id: spaceId }, body: { title: 'Ett mål', figureKey: 'inputs', target: 1 } })).status).toBe(403);
    const goal = await lead.client.call(dashboardEndpoints.createSpaceGoal, {
      params: { id: spaceId },
      body: { title: 'Arbetsgrupper bildade i 2 av 2 kommuner', figureKey: 'municipalities_with_complete_group', target: 2 },
    });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({ value: 1, target: 2, progress: 0.5 });
    await lead.client.call(dashboardEndpoints.createSpaceGoal, { params: { id: spaceId }, body: { title: '≥ 3 invånare i dialoger', figureKey: 'participants', target: 3 } });
    const goals = (await t.client().call(dashboardEndpoints.getSpaceGoals, { params: { id: spaceId } })).body;
    expect(goals.map((g) => g.progress)).toEqual([0.5, 1]);

    const facts = await lead.client.call(dashboardEndpoints.putSpaceFacts, {
      params: { id: spaceId },
      body: {
        periodStart: '2024-01-01',
        periodEnd: '2026-12-31',
        budget: 12_500_000,
        coFinanciers: [
          { name: 'Europeiska regionala utvecklingsfonden', amount: 6_250_000 },
          { name: 'Region Västerbotten', amount: 2_000_000 },
        ],
        steeringGroup: [{ name: 'Anna Lind', organisation: 'Sorsele kommun', role: 'Ordförande' }],
      },
    });
    expect(facts.status, JSON.stringify(facts.body)).toBe(200);
    const spinOff = await lead.client.call(dashboardEndpoints.createSpinOff, {
      params: { id: spaceId },
      body: { date: '2026-02-10', text: 'Byaföreningen startade en samåkningstjänst', source: 'Arbetsgruppen i Sorsele' },
    });
    expect(spinOff.status).toBe(201);
    const d = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body;
    expect(d.facts).toMatchObject({ budget: 12_500_000, coFinanciers: [{ amount: 6_250_000 }, { amount: 2_000_000 }], spinOffs: [{ text: 'Byaföreningen startade en samåkningstjänst' }] });
    expect(d.goals).toHaveLength(2);
  });

  it('lets leaders correct and remove goals and spin-off effects, and no one else; audited', async () => {
    const other = await buildSpace(t, { municipalityCodes: ['2422'], members: [{ user: lead, role: 'facilitator' }] });
    const goal = (await lead.client.call(dashboardEndpoints.createSpaceGoal, { params: { id: spaceId }, body: { title: 'Inspel', figureKey: 'inputs', target: 1000 } })).body;
    const body = { title: 'Minst 100 inspel från byarna', figureKey: 'inputs' as const, target: 100 };
    expect((await member.client.call(dashboardEndpoints.updateSpaceGoal, { params: { id: spaceId, goalId: goal.id }, body })).status).toBe(403);
    // A goal of another space is not found through this one.
    expect((await lead.client.call(dashboardEndpoints.updateSpaceGoal, { params: { id: other.id, goalId: goal.id }, body })).status).toBe(404);
    const updated = await lead.client.call(dashboardEndpoints.updateSpaceGoal, { params: { id: spaceId, goalId: goal.id }, body });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ id: goal.id, title: 'Minst 100 inspel från byarna', target: 100 });
    expect(updated.body.progress).toBeCloseTo(Math.min(1, (updated.body.value ?? 0) / 100));
    expect((await member.client.call(dashboardEndpoints.deleteSpaceGoal, { params: { id: spaceId, goalId: goal.id } })).status).toBe(403);
    expect((await lead.client.call(dashboardEndpoints.deleteSpaceGoal, { params: { id: spaceId, goalId: goal.id } })).status).toBe(204);
    expect((await lead.client.call(dashboardEndpoints.deleteSpaceGoal, { params: { id: spaceId, goalId: goal.id } })).status).toBe(404);
    expect((await t.client().call(dashboardEndpoints.getSpaceGoals, { params: { id: spaceId } })).body.map((g) => g.id)).not.toContain(goal.id);

    const spinOff = (await lead.client.call(dashboardEndpoints.createSpinOff, { params: { id: spaceId }, body: { date: '2026-03-01', text: 'Felskrivet', source: '' } })).body;
    const fix = { date: '2026-03-02', text: 'Skolan öppnade sin matsal för byns äldre', source: 'Lokaltidningen' };
    expect((await member.client.call(dashboardEndpoints.updateSpinOff, { params: { id: spaceId, spinOffId: spinOff.id }, body: fix })).status).toBe(403);
    expect((await lead.client.call(dashboardEndpoints.updateSpinOff, { params: { id: other.id, spinOffId: spinOff.id }, body: fix })).status).toBe(404);
    const bad = await lead.client.call(dashboardEndpoints.updateSpinOff, { params: { id: spaceId, spinOffId: spinOff.id }, body: { date: 'igår', text: '' } as never });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as unknown as { error: { fields: object } }).error.fields).sort()).toEqual(['date', 'text']);
    expect((await lead.client.call(dashboardEndpoints.updateSpinOff, { params: { id: spaceId, spinOffId: spinOff.id }, body: fix })).body).toEqual({ id: spinOff.id, ...fix });
    let facts = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body.facts!;
    expect(facts.spinOffs.find((x) => x.id === spinOff.id)).toEqual({ id: spinOff.id, ...fix });
    expect((await lead.client.call(dashboardEndpoints.deleteSpinOff, { params: { id: spaceId, spinOffId: spinOff.id } })).status).toBe(204);
    facts = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body.facts!;
    expect(facts.spinOffs.map((x) => x.id)).not.toContain(spinOff.id);

    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', 'in', [goal.id, spinOff.id]).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['project_goal.create', 'project_goal.update', 'project_goal.delete', 'spin_off.create', 'spin_off.update', 'spin_off.delete']);
  });
});

describe('dashboard computation', () => {
  const ctx = {
    actor: { kind: 'anonymous' as const },
    language: 'sv' as const,
    requestId: 'test',
    ip: '127.0.0.1',
    userAgent: undefined,
    origin: '',
  } as never;
  const spaceScope = (codes: string[] | null): Scope => ({
    kind: 'space',
    spaceIds: [spaceId],
    municipalityCodes: codes,
    municipalityCount: codes?.length ?? 2,
    spaceId,
    now: t.clock.now(),
  });

  it('computes each comparison column exactly as the figure computed for one municipality alone', async () => {
    // 2420 has no data of the space: every figure's empty value must agree too.
    const codes = ['2422', '2421', '2420'];
    for (const f of FIGURES.filter((f) => f.computeByMunicipality)) {
      const at = await f.computeByMunicipality!(t.deps, ctx, spaceScope(codes));
      for (const code of codes) expect(at(code), `${f.key} in ${code}`).toEqual(await f.compute(t.deps, ctx, spaceScope([code])));
    }
  });

  it('checks process criteria for many places at once as a query per place does', async () => {
    const now = t.clock.now();
    const places = ['2422', '2421', '2420'].flatMap((municipalityCode) =>
      [spaceId, hiddenSpaceId].map((id) => ({ spaceId: id, municipalityCode })),
    );
    const count = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(t.deps.db)).rows[0]!.n);
    const checks = await Promise.all(
      (['inputs_collected', 'event_held', 'test_session_feedback', 'working_group_complete'] as const).map((k) =>
        CRITERIA[k]!(t.deps.db, places, now),
      ),
    );
    const [inputs, held, feedback, group] = checks as [
      NonNullable<(typeof checks)[0]>,
      (typeof checks)[0],
      (typeof checks)[0],
      (typeof checks)[0],
    ];
    const at = `'${now.toISOString()}'::timestamptz`;
    for (const p of places) {
      const w = `space_id = '${p.spaceId}' and municipality_code = '${p.municipalityCode}'`;
      expect(inputs(p, { kind: 'inputs_collected', min: 3 }).value).toBe(
        await count(`select count(*) as n from inputs where ${w} and hidden_at is null`),
      );
      for (const eventKind of [undefined, 'kick_off', 'test_session'] as const)
        expect(held(p, { kind: 'event_held', eventKind }).value, `${eventKind} ${p.municipalityCode}`).toBe(
          await count(
            `select count(*) as n from events e where ${w} and status = 'scheduled' and ends_at <= ${at} ${eventKind ? `and kind = '${eventKind}'` : ''} and exists (select 1 from registrations r where r.event_id = e.id and r.checked_in_at is not null)`,
          ),
        );
      expect(feedback(p, { kind: 'test_session_feedback' }).value).toBe(
        await count(
          `select count(*) as n from feedback_answers a join feedback_forms f on f.id = a.form_id join events e on e.id = f.event_id where e.${w.replace('and municipality_code', 'and e.municipality_code')} and e.kind = 'test_session' and e.status = 'scheduled' and e.starts_at <= ${at}`,
        ),
      );
      const complete = group(p, { kind: 'working_group_complete', min: 4 });
      expect(complete.met).toBe(p.spaceId === spaceId && p.municipalityCode === '2422');
      expect(complete.value).toBe(p.spaceId === spaceId ? { '2422': 13, '2421': 2, '2420': 0 }[p.municipalityCode] : 0);
    }
  });

  it('shows a write at once, however recently the figures were computed', async () => {
    const get = async () => (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body;
    const compare = async () => (await t.client().call(dashboardEndpoints.getSpaceComparison, { params: { id: spaceId } })).body;
    const before = await get();
    expect(figure(await get(), 'inputs').value).toBe(figure(before, 'inputs').value);
    const storuman = (await compare()).rows.find((r) => r.municipalityCode === '2421')!;
    await buildInputs(t, spaceId, '2421', [{ answeredAfterDays: 30, status: 'done' }]);
    const after = await get();
    expect(figure(after, 'inputs').value).toBe(figure(before, 'inputs').value! + 1);
    // 2, 4, 6, 10, 30 → 6.
    expect(figure(after, 'inputs_median_days_to_answer').value).toBe(6);
    expect((await compare()).rows.find((r) => r.municipalityCode === '2421')!.values.inputs).toBe(storuman.values.inputs! + 1);
    // A delete (here of the input's status change) counts as a write to every table.
    await t.deps.db
      .deleteFrom('input_status_changes')
      .where(
        'input_id',
        'in',
        t.deps.db.selectFrom('inputs').select('id').where('space_id', '=', spaceId).where('municipality_code', '=', '2421'),
      )
      .execute();
    expect(figure(await get(), 'inputs_median_days_to_answer').value).toBe(4);
  });

  it('moves with time alone: a planned event counts as held once it has ended', async () => {
    const get = async () => (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: spaceId } })).body;
    const held = figure(await get(), 'events_held').value!;
    expect(figure(await get(), 'events_held').value).toBe(held);
    t.clock.advance(6 * 86_400_000);
    expect(figure(await get(), 'events_held').value).toBe(held + 1);
  });
});
