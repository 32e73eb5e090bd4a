import { modelEndpoints, type ModelContentInput } from '@samhandling/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { buildSpace } from '../../test/factories.ts';

let t: TestApp;
let dataDir: string;
let author: { client: Client; id: string };
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let outsider: { client: Client; id: string };

/** TALKO's three-sector group: one 4 + 4 + 4 + 1 group and a youth group, kick-off and test session, a board, a plan, a survey, a goal. */
function talkoModel(): ModelContentInput {
  return {
    title: 'Tresektorssamverkan i byarna',
    summary: 'En lokal arbetsgrupp per kommun med fyra från varje sektor och en ungdomsrepresentant.',
    purpose: 'Få offentlig sektor, näringsliv och civilsamhälle att planera byarnas utveckling tillsammans.',
    whenItFits: 'Glesbygdskommuner med flera byar och aktiva föreningar.',
    steps: [
      { title: 'Bilda arbetsgruppen', description: 'Fyra från varje sektor och en ungdomsrepresentant.' },
      { title: 'Uppstartsmöte', description: 'Gemensam bild av byarnas behov.' },
    ],
    roles: [{ title: 'Processledare', description: 'Håller ihop arbetet.' }],
    cost: 'Cirka 40 timmar processledning per kommun och år.',
    lessonsLearned: 'Boka testtillfället redan vid uppstarten.',
    material: [{ title: 'Metodhandbok', url: 'https://example.org/handbok', libraryItemId: null }],
    goals: [11, 17],
    targets: ['11.3', '17.17'],
    originMunicipalityCode: '2506',
    template: {
      templateVersion: 1,
      workingGroups: [
        { key: 'lokal', name: 'Lokal arbetsgrupp', kind: 'local', description: 'Tre sektorer och en ung röst.', targets: { public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 } },
        { key: 'unga', name: 'Ungdomsgrupp', kind: 'youth', description: '', targets: { public: 0, private: 0, civil_society: 0, academia: 0, youth: 6 } },
      ],
      eventSeries: [
        {
          key: 'start',
          title: 'Uppstart och test',
          events: [
            {
              key: 'uppstart',
              kind: 'kick_off',
              title: 'Uppstartsmöte',
              description: 'Vi lär känna varandra och byarnas behov.',
              weekOffset: 0,
              startTime: '18:00',
              durationMinutes: 120,
              workingGroupKey: 'lokal',
              agenda: [
                { minuteOffset: 0, title: 'Välkommen', description: '' },
                { minuteOffset: 30, title: 'Byarnas behov', description: 'Arbete i grupper.' },
              ],
            },
            { key: 'test', kind: 'test_session', title: 'Testtillfälle av verktyget', description: '', weekOffset: 6, startTime: '13:00', durationMinutes: 180, workingGroupKey: null, agenda: [] },
          ],
        },
      ],
      boardPromptSets: [{ key: 'behov', title: 'Vad behöver byn?', eventKey: 'uppstart', prompts: ['Vad fungerar i dag?', 'Vad saknas?'] }],
      servicePlan: { title: 'Serviceplan för byarna', periodYears: 2, background: 'Framtagen med arbetsgruppen.', goals: [{ text: 'Ombud i varje by', indicator: 'Antal ombud' }] },
      survey: { title: 'Hur samverkar ni i dag?', message: 'Svara gärna före uppstarten.', questions: ['Vilka samverkar ni med?'] },
      actionPlanGoals: [{ text: 'Fler unga i byarnas föreningar', indicator: 'Antal unga medlemmar', goals: [11], targets: ['11.3'] }],
    },
  };
}

async function count(table: 'working_groups' | 'events' | 'boards' | 'service_plans' | 'action_plans' | 'models', spaceId?: string) {
  let q = t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  if (spaceId) q = q.where('space_id' as never, '=', spaceId as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The per-field problems of a 400 answer. */
const fieldsOf = (answer: { body: unknown }) => (answer.body as { error: { fields: Record<string, string> } }).error.fields;

beforeAll(async () => {
  // The demo stores files (library material, event and initiative documents) under DATA_DIR/uploads.
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-demo-'));
  t = await createTestApp({ config: { dataDir } });
  // The demo first (it seeds an empty database only); the tests below build their own spaces beside it.
  await seedDemo(t.deps, { password: 'demo-password-123' });
  author = await t.user({ name: 'Modellförfattare' });
  lead = await t.user({ name: 'Processledare' });
  member = await t.user({ name: 'Medlem' });
  outsider = await t.user({ name: 'Utomstående' });
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('collaboration models', () => {
  it('applying a model creates exactly its structure once, records model and version, and the space shows it', async () => {
    const created = await author.client.call(modelEndpoints.createModel, { body: talkoModel() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const modelId = created.body.id;
    expect(created.body).toMatchObject({ version: 1, originMunicipalityName: 'Arjeplog', spread: { uses: 0, otherMunicipalities: 0, spread: false } });
    const space = await buildSpace(t, { municipalityCodes: ['2505', '2506'], members: [{ user: lead, role: 'space_admin' }, { user: member, role: 'member' }] });

    // Only a leader of the space may apply it.
    expect((await member.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '2505' } })).status).toBe(403);
    expect(fieldsOf(await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '0180' } }))).toHaveProperty('municipalityCode');

    const first = await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '2505', startDate: '2027-03-01' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBe(8);
    expect(first.body.use).toMatchObject({ modelTitle: 'Tresektorssamverkan i byarna', version: 1, municipalityName: 'Arvidsjaur', spaceId: space.id });
    expect(first.body.use.items.map((i) => i.type)).toEqual(['working_group', 'working_group', 'event', 'event', 'board', 'service_plan', 'survey', 'action_plan']);
    const structure = async () => ({
      groups: await count('working_groups', space.id),
      events: await count('events', space.id),
      boards: await count('boards', space.id),
      plans: await count('service_plans', space.id),
      actionPlans: await count('action_plans', space.id),
    });
    expect(await structure()).toEqual({ groups: 2, events: 2, boards: 1, plans: 1, actionPlans: 1 });

    // The group keeps its 4 + 4 + 4 + 1 targets; the kick-off is at 18:00 Swedish time, in the group, with its agenda and board.
    const groups = (await lead.client.get(`/api/spaces/${space.id}/groups`)).body;
    expect(groups.find((g: { name: string }) => g.name === 'Lokal arbetsgrupp')).toMatchObject({ municipalityCode: '2505', targets: { public: 4, private: 4, civil_society: 4, youth: 1 } });
    const kickOffId = first.body.use.items.find((i) => i.key === 'event:uppstart')!.resourceId!;
    const kickOff = (await lead.client.get(`/api/events/${kickOffId}`)).body;
    expect(kickOff).toMatchObject({ kind: 'kick_off', startsAt: '2027-03-01T17:00:00.000Z', endsAt: '2027-03-01T19:00:00.000Z' });
    expect(kickOff.workingGroupId).toBe(first.body.use.items.find((i) => i.key === 'group:lokal')!.resourceId);
    expect(kickOff.agenda.map((a: { title: string }) => a.title)).toEqual(['Välkommen', 'Byarnas behov']);
    const planId = first.body.use.items.find((i) => i.type === 'service_plan')!.resourceId!;
    const plan = (await lead.client.get(`/api/service-plans/${planId}`)).body;
    expect(plan).toMatchObject({ municipalityCode: '2505', periodStart: '2027-01-01', periodEnd: '2028-12-31' });
    expect(plan.content.goals.map((g: { text: string }) => g.text)).toEqual(['Ombud i varje by']);
    // The action-plan goals became a draft action plan through the plans module.
    const actionPlanId = first.body.use.items.find((i) => i.type === 'action_plan')!.resourceId!;
    const actionPlan = (await lead.client.get(`/api/action-plans/${actionPlanId}`)).body;
    expect(actionPlan).toMatchObject({ spaceId: space.id, status: 'draft', title: 'Tresektorssamverkan i byarna' });
    expect(actionPlan.goals.map((g: { title: string; description: string }) => [g.title, g.description])).toEqual([['Fler unga i byarnas föreningar', 'Antal unga medlemmar']]);

    // Applying twice does not duplicate.
    const again = await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '2505' } });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    expect(again.body.use.id).toBe(first.body.use.id);
    expect(await structure()).toEqual({ groups: 2, events: 2, boards: 1, plans: 1, actionPlans: 1 });

    // A new version adds one group; applying it creates only that, and the use records version 2.
    const next = talkoModel();
    next.template.workingGroups.push({ key: 'styr', name: 'Styrgrupp', kind: 'steering', description: '', targets: { public: 2, private: 0, civil_society: 2, academia: 0, youth: 0 } });
    expect((await lead.client.call(modelEndpoints.updateModel, { params: { id: modelId }, body: next })).status).toBe(403);
    const v2 = await author.client.call(modelEndpoints.updateModel, { params: { id: modelId }, body: next });
    expect(v2.body.version).toBe(2);
    expect(v2.body.versions.map((v) => v.version)).toEqual([1, 2]);
    const third = await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '2505' } });
    expect(third.body.created).toBe(1);
    expect(third.body.use.version).toBe(2);
    expect(await structure()).toEqual({ groups: 3, events: 2, boards: 1, plans: 1, actionPlans: 1 });

    // The space shows the model and version it uses; its leaders write the use's notes, members may not.
    const spaceUses = await member.client.call(modelEndpoints.getSpaceModelUses, { params: { id: space.id } });
    expect(spaceUses.body).toEqual([expect.objectContaining({ modelId, modelTitle: 'Tresektorssamverkan i byarna', version: 2, allowedActions: ['view'] })]);
    const useId = first.body.use.id;
    expect((await member.client.call(modelEndpoints.patchModelUse, { params: { id: useId }, body: { outcome: 'x' } })).status).toBe(403);
    const noted = await lead.client.call(modelEndpoints.patchModelUse, { params: { id: useId }, body: { adaptation: 'Två byar delar en grupp.', outcome: 'Ett nytt ombud i Glommersträsk.' } });
    expect(noted.body).toMatchObject({ adaptation: 'Två byar delar en grupp.', outcome: 'Ett nytt ombud i Glommersträsk.' });
  });

  it('applies a model to a new space made for the municipality, with the caller leading it', async () => {
    const modelId = (await author.client.call(modelEndpoints.createModel, { body: talkoModel() })).body.id;
    const neither = await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { municipalityCode: '2425' } });
    expect(fieldsOf(neither)).toHaveProperty('spaceId');
    const applied = await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { newSpace: { name: 'Byarna i Dorotea', visibility: 'members' }, municipalityCode: '2425' } });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ created: 8, use: { spaceName: 'Byarna i Dorotea', municipalityName: 'Dorotea' } });
    const space = (await lead.client.get(`/api/spaces/${applied.body.use.spaceId}`)).body;
    expect(space).toMatchObject({ visibility: 'members', municipalityCodes: ['2425'], myRole: 'space_admin' });
  });

  it('two applies at the same time still create the structure once', async () => {
    const modelId = (await author.client.call(modelEndpoints.createModel, { body: talkoModel() })).body.id;
    const space = await buildSpace(t, { municipalityCodes: ['2462'], members: [{ user: lead, role: 'space_admin' }] });
    const apply = () => lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: '2462' } });
    const answers = await Promise.all([apply(), apply()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body.created + answers[1]!.body.created).toBe(8);
    expect([await count('working_groups', space.id), await count('events', space.id), await count('boards', space.id), await count('service_plans', space.id)]).toEqual([2, 2, 1, 1]);
  });

  it("a model's spread count follows its uses: three municipalities besides its origin make it spread", async () => {
    const modelId = (await author.client.call(modelEndpoints.createModel, { body: { ...talkoModel(), template: { templateVersion: 1, workingGroups: [], eventSeries: [], boardPromptSets: [], servicePlan: null, survey: null, actionPlanGoals: [] } } })).body.id;
    const open = await buildSpace(t, { municipalityCodes: ['2506', '2505', '2510', '2513'], members: [{ user: lead, role: 'space_admin' }] });
    const hidden = await buildSpace(t, { visibility: 'members', municipalityCodes: ['2514'], members: [{ user: lead, role: 'space_admin' }] });
    const spread = async () => (await outsider.client.call(modelEndpoints.getModel, { params: { id: modelId } })).body.spread;
    const apply = (spaceId: string, municipalityCode: string) => lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId, municipalityCode } });

    await apply(open.id, '2506'); // its origin: a use, but not spread
    expect(await spread()).toEqual({ uses: 1, otherMunicipalities: 0, spread: false });
    await apply(open.id, '2505');
    await apply(open.id, '2510');
    await apply(open.id, '2510'); // again: still one use
    expect(await spread()).toEqual({ uses: 3, otherMunicipalities: 2, spread: false });
    await apply(hidden.id, '2514');
    expect(await spread()).toEqual({ uses: 4, otherMunicipalities: 3, spread: true });
    const listed = (await outsider.client.call(modelEndpoints.getModels)).body.find((m) => m.id === modelId);
    expect(listed?.spread).toEqual({ uses: 4, otherMunicipalities: 3, spread: true });

    // Everyone sees where it is used; a members-only space stays hidden from outsiders (municipality only).
    const uses = (await outsider.client.call(modelEndpoints.getModelUses, { params: { id: modelId } })).body;
    expect(uses.map((u) => u.municipalityName)).toEqual(['Arjeplog', 'Arvidsjaur', 'Jokkmokk', 'Kalix']);
    const inHidden = uses.find((u) => u.municipalityCode === '2514')!;
    expect(inHidden).toMatchObject({ spaceId: null, spaceName: null, adaptation: null, items: [] });
    expect((await outsider.client.call(modelEndpoints.getSpaceModelUses, { params: { id: hidden.id } })).status).toBe(404);
    expect((await lead.client.call(modelEndpoints.getModelUses, { params: { id: modelId } })).body.find((u) => u.municipalityCode === '2514')?.spaceId).toBe(hidden.id);
  });

  it('export → import → export gives the same JSON; a bad file gets an error per problem and changes nothing', async () => {
    const modelId = (await author.client.call(modelEndpoints.createModel, { body: talkoModel() })).body.id;
    const exported = await outsider.client.call(modelEndpoints.exportModel, { params: { id: modelId } });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toMatchObject({ format: 'samhandling-model', formatVersion: 1, version: 1 });

    // "Another server": a second app on a fresh database.
    const other = await createTestApp();
    try {
      const importer = await other.user({ name: 'Importör' });
      expect((await other.client().call(modelEndpoints.importModel, { body: exported.body })).status).toBe(401);
      const imported = await importer.client.call(modelEndpoints.importModel, { body: exported.body });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body).toMatchObject({ imported: true, version: 1, title: 'Tresektorssamverkan i byarna' });
      const again = await other.client().call(modelEndpoints.exportModel, { params: { id: imported.body.id } });
      expect(JSON.stringify(again.body)).toBe(JSON.stringify(exported.body));
    } finally {
      await other.close();
    }

    const before = await count('models');
    const broken = structuredClone(exported.body) as Record<string, any>;
    broken.formatVersion = 2;
    broken.model.originMunicipalityCode = 'Arjeplog';
    broken.model.template.eventSeries[0].events[0].kind = 'party';
    const refused = await author.client.call(modelEndpoints.importModel, { body: broken as never });
    expect(refused.status).toBe(400);
    expect(Object.keys(fieldsOf(refused)).sort()).toEqual(['formatVersion', 'model.originMunicipalityCode', 'model.template.eventSeries.0.events.0.kind']);
    const dangling = structuredClone(exported.body) as Record<string, any>;
    dangling.model.template.boardPromptSets[0].eventKey = 'saknas';
    dangling.model.template.workingGroups[1].key = 'lokal';
    const refusedAgain = await author.client.call(modelEndpoints.importModel, { body: dangling as never });
    expect(refusedAgain.status).toBe(400);
    expect(fieldsOf(refusedAgain)).toEqual({
      'model.template.workingGroups.1.key': 'Nyckeln används redan i mallen.',
      'model.template.boardPromptSets.0.eventKey': 'Mallen har ingen del med den nyckeln.',
    });
    expect(await count('models')).toBe(before);
  });

  it("a model's material names public library items only; the item shows the model under 'used in'; an import elsewhere keeps the title", async () => {
    const library = (await t.client().get('/api/library?q=arbetsgrupp')).body as { items: { id: string; title: string; visibility: string }[] };
    const item = library.items.find((i) => i.visibility === 'public')!;
    const material = [{ title: item.title, url: null, libraryItemId: item.id }];
    const created = await author.client.call(modelEndpoints.createModel, { body: { ...talkoModel(), title: 'Modell med material ur kunskapsbanken', material } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const used = (await t.client().get(`/api/library/${item.id}`)).body as { usedIn: { kind: string; id: string; title: string }[] };
    expect(used.usedIn).toContainEqual({ kind: 'model', id: created.body.id, title: 'Modell med material ur kunskapsbanken' });

    // An id that is no public item here: refused on the field, nothing stored.
    const before = await count('models');
    const unknown = await author.client.call(modelEndpoints.createModel, { body: { ...talkoModel(), material: [{ title: 'Borta', url: null, libraryItemId: crypto.randomUUID() }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { fields: { 'material.0.libraryItemId': 'Det finns inget offentligt material i kunskapsbanken med den här länken.' } } });
    expect(await count('models')).toBe(before);

    // A file from another server names its own library: the link goes, the title stays.
    const file = (await outsider.client.call(modelEndpoints.exportModel, { params: { id: created.body.id } })).body;
    const foreign = { ...file, model: { ...file.model, material: [{ ...file.model.material[0]!, libraryItemId: crypto.randomUUID() }] } };
    const imported = await author.client.call(modelEndpoints.importModel, { body: foreign });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.material).toEqual([{ title: item.title, url: null, libraryItemId: null }]);
  });

  it('counts in Agenda 2030 coverage where it is in use: once per model in a space, municipality or county', async () => {
    const modelId = (await author.client.call(modelEndpoints.createModel, { body: { ...talkoModel(), title: 'Modell för mål 11', goals: [], targets: ['11.3'] } })).body.id;
    const untagged = (await author.client.call(modelEndpoints.createModel, { body: { ...talkoModel(), title: 'Otaggad modell', goals: [], targets: [] } })).body.id;
    const space = await buildSpace(t, { municipalityCodes: ['2560', '2582'], members: [{ user: lead, role: 'space_admin' }] });
    for (const code of ['2560', '2582']) await lead.client.call(modelEndpoints.applyModel, { params: { id: modelId }, body: { spaceId: space.id, municipalityCode: code } });
    await lead.client.call(modelEndpoints.applyModel, { params: { id: untagged }, body: { spaceId: space.id, municipalityCode: '2560' } });
    const models = (c: { entries: { kind: string; id: string; goals: number[] }[] }) => c.entries.filter((e) => e.kind === 'model');
    const inSpace = (await t.client().get(`/api/spaces/${space.id}/agenda2030/coverage`)).body;
    expect(models(inSpace)).toEqual([expect.objectContaining({ id: modelId, title: 'Modell för mål 11', goals: [11], targets: ['11.3'] })]);
    expect(inSpace.goals.find((g: { goal: number }) => g.goal === 11).counts.model).toBe(1);
    expect(models((await t.client().get('/api/municipalities/2582/agenda2030/coverage')).body).map((e) => e.id)).toContain(modelId);
    expect(models((await t.client().get('/api/counties/25/agenda2030/coverage')).body).filter((e) => e.id === modelId)).toHaveLength(1);
    expect(models((await t.client().get('/api/municipalities/2506/agenda2030/coverage')).body).map((e) => e.id)).not.toContain(modelId);
  });

  it('the demo carries the three project models, TALKO\'s spread to three other municipalities', async () => {
    const models = (await t.client().call(modelEndpoints.getModels)).body;
    const byTitle = (start: string) => models.find((m) => m.title.startsWith(start))!;
    expect(byTitle('TALKO')).toMatchObject({ originMunicipalityName: 'Sorsele', spread: { uses: 3, otherMunicipalities: 3, spread: true } });
    expect(byTitle('Service i samverkan')).toMatchObject({ originMunicipalityName: 'Arvidsjaur', spread: { uses: 1, otherMunicipalities: 1, spread: false } });
    expect(byTitle('SÖK')).toMatchObject({ originMunicipalityName: 'Luleå', spread: { uses: 2, otherMunicipalities: 2, spread: false } });
    const talko = await t.client().call(modelEndpoints.getModel, { params: { id: byTitle('TALKO').id } });
    expect(talko.body.template.workingGroups[0]!.targets).toEqual({ public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 });
    // Its method text is in the knowledge library, linked from the model's material.
    expect(talko.body.material.find((m) => m.libraryItemId !== null)).toMatchObject({ title: 'Lokal arbetsgrupp i tre sektorer (4+4+4+1)' });
    expect(talko.body.template.eventSeries[0]!.events.map((e) => e.kind)).toEqual(['kick_off', 'test_session']);
    const uses = (await t.client().call(modelEndpoints.getModelUses, { params: { id: byTitle('TALKO').id } })).body;
    expect(uses.map((u) => u.municipalityName)).toEqual(['Dorotea', 'Vilhelmina', 'Åsele']);
    expect(uses[0]).toMatchObject({ spaceName: 'Södra Lappland i samverkan', adaptation: expect.stringContaining('Dorotea') });
    const groups = (await t.client().get(`/api/spaces/${uses[0]!.spaceId}/groups`)).body as { name: string }[];
    expect(groups).toHaveLength(6);
  });
});
