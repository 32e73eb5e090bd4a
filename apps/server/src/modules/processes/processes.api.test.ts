import { processEndpoints, type ProcessDetail } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildSignedInUser, buildSpace } from '../../test/factories.ts';
import { addGroupMember, buildGroupWithMembers, buildHeldEvent, buildInputs } from '../../test/process-factories.ts';
import { TALKO_TEMPLATE_ID } from './template/talko.ts';

let t: TestApp;
let lead: { id: string; name: string; client: Client };
let member: { id: string; client: Client };
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t, { name: 'Processledare Pia' });
  member = await buildSignedInUser(t, { name: 'Medlem Måns' });
  spaceId = (
    await buildSpace(t, {
      municipalityCodes: ['2422', '2421', '2418'],
      members: [
        { user: lead, role: 'facilitator' },
        { user: member, role: 'member' },
      ],
    })
  ).id;
});
afterAll(() => t.close());

const stepOf = (process: ProcessDetail, id: string) => process.phases.flatMap((p) => p.steps).find((s) => s.id === id)!;

async function start(code: string) {
  const answer = await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: code } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}
const get = async (id: string, client = lead.client) => (await client.call(processEndpoints.getProcess, { params: { id } })).body;

describe('guided processes', () => {
  it('ships the TALKO template and starts it per municipality; only leaders start, and only in the space’s municipalities', async () => {
    const templates = (await t.client().call(processEndpoints.getProcessTemplates)).body;
    expect(templates[0]).toMatchObject({ id: TALKO_TEMPLATE_ID, builtIn: true });
    expect(templates[0]!.phases.map((p) => p.steps[0]!.id)).toEqual(['kick-off', 'village-needs', 'working-group', 'action-plan', 'test-session', 'evaluation', 'handover']);

    const id = await start('2422');
    const process = await get(id);
    expect(process).toMatchObject({ municipalityCode: '2422', municipalityName: 'Sorsele', stepsDone: 0, stepsTotal: 7, overdue: 0, nextStep: { id: 'kick-off' } });
    expect(stepOf(process, 'kick-off')).toMatchObject({ status: 'open', checkedBy: null, platformChecked: true });
    expect(stepOf(process, 'action-plan')).toMatchObject({ platformChecked: true });
    expect(stepOf(process, 'evaluation')).toMatchObject({ platformChecked: false });

    expect((await member.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: '2421' } })).status).toBe(403);
    const outside = await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: '0180' } });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ error: { fields: { municipalityCode: expect.any(String) } } });
  });

  it('turns a criterion done exactly when the data meets it, and back when it no longer does', async () => {
    const id = await start('2421');
    // ≥ 10 inputs collected: 9 is not enough; a hidden one does not count.
    const inputs = await buildInputs(t, spaceId, '2421', [...Array(9).fill({}), { hidden: true }]);
    expect(stepOf(await get(id), 'village-needs')).toMatchObject({ status: 'open', checkedBy: null, progress: { value: 9, target: 10 } });
    await buildInputs(t, spaceId, '2421', [{}]);
    expect(stepOf(await get(id), 'village-needs')).toMatchObject({ status: 'done', checkedBy: 'platform', progress: { value: 10, target: 10 } });
    await t.deps.db.updateTable('inputs').set({ hidden_at: t.clock.now() }).where('id', '=', inputs[0]!).execute();
    expect(stepOf(await get(id), 'village-needs')).toMatchObject({ status: 'open', checkedBy: null });
    // Inputs in another municipality of the space do not count here.
    await buildInputs(t, spaceId, '2418', [{}, {}]);
    expect(stepOf(await get(id), 'village-needs').progress).toEqual({ value: 9, target: 10 });

    // A working group of 4 public, 4 private, 4 civil society and 1 young person.
    const twelve = [...Array(4).fill({ sector: 'public' }), ...Array(4).fill({ sector: 'private' }), ...Array(4).fill({ sector: 'civil_society' })];
    const group = await buildGroupWithMembers(t, spaceId, '2421', twelve);
    expect(stepOf(await get(id), 'working-group')).toMatchObject({ status: 'open', progress: { value: 12, target: 13 } });
    const youth = await addGroupMember(t, group.id, 'civil_society', true);
    expect(stepOf(await get(id), 'working-group')).toMatchObject({ status: 'done', checkedBy: 'platform' });
    await t.deps.db.deleteFrom('working_group_members').where('person_id', '=', youth).execute();
    expect(stepOf(await get(id), 'working-group').status).toBe('open');

    // A kick-off held with attendance recorded: held without anyone checked in does not count.
    await buildHeldEvent(t, spaceId, '2421', { kind: 'kick_off', attendees: [{ noShow: true }] });
    expect(stepOf(await get(id), 'kick-off').status).toBe('open');
    await buildHeldEvent(t, spaceId, '2421', { kind: 'kick_off', attendees: [{ sector: 'public' }] });
    const after = await get(id);
    expect(stepOf(after, 'kick-off')).toMatchObject({ status: 'done', checkedBy: 'platform' });
    expect(after.stepsDone).toBe(1);
    expect(after.nextStep?.id).toBe('village-needs');
  });

  it('lets a facilitator tick a step the platform cannot check, with a note, audited both ways', async () => {
    const id = await start('2418');
    // A platform-checked step cannot be ticked by hand.
    expect((await lead.client.call(processEndpoints.tickProcessStep, { params: { id, stepId: 'kick-off' }, body: { done: true } })).status).toBe(409);
    expect((await member.client.call(processEndpoints.tickProcessStep, { params: { id, stepId: 'evaluation' }, body: { done: true } })).status).toBe(403);
    expect((await lead.client.call(processEndpoints.tickProcessStep, { params: { id, stepId: 'no-such-step' }, body: { done: true } })).status).toBe(404);

    const ticked = await lead.client.call(processEndpoints.tickProcessStep, { params: { id, stepId: 'evaluation' }, body: { done: true, note: 'Utvärderingen gicks igenom 12 maj' } });
    expect(ticked.status).toBe(200);
    expect(stepOf(ticked.body, 'evaluation')).toMatchObject({ status: 'done', checkedBy: { userId: lead.id, name: 'Processledare Pia' }, note: 'Utvärderingen gicks igenom 12 maj' });
    // Members see that a facilitator ticked it, not who.
    expect(stepOf(await get(id, member.client), 'evaluation').checkedBy).toEqual({ userId: null, name: '' });

    const unticked = await lead.client.call(processEndpoints.tickProcessStep, { params: { id, stepId: 'evaluation' }, body: { done: false, note: 'Utvärderingen görs om' } });
    expect(stepOf(unticked.body, 'evaluation')).toMatchObject({ status: 'open', checkedBy: null });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('resource_id', '=', id).where('action', 'in', ['process.tick', 'process.untick']).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_id, (a.details as { stepId: string }).stepId])).toEqual([
      ['process.tick', lead.id, 'evaluation'],
      ['process.untick', lead.id, 'evaluation'],
    ]);
  });

  it('flags overdue steps, and takes a responsible person and a new due date', async () => {
    const daysAgo = (n: number) => new Date(t.clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);
    const fresh = await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: '2422', startsOn: daysAgo(29) } });
    expect(stepOf(fresh.body, 'kick-off').status).toBe('open');
    const started = await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: TALKO_TEMPLATE_ID, municipalityCode: '2422', startsOn: daysAgo(32) } });
    const id = started.body.id;
    expect(stepOf(started.body, 'kick-off')).toMatchObject({ status: 'overdue', dueDate: daysAgo(2) });
    expect(started.body.overdue).toBe(1);
    const patched = await lead.client.call(processEndpoints.patchProcessStep, {
      params: { id, stepId: 'kick-off' },
      body: { responsible: 'Kommunens näringslivschef', dueDate: '2099-01-31' },
    });
    expect(stepOf(patched.body, 'kick-off')).toMatchObject({ status: 'open', responsible: 'Kommunens näringslivschef', dueDate: '2099-01-31' });
    const list = (await t.client().call(processEndpoints.getSpaceProcesses, { params: { id: spaceId } })).body;
    expect(list.find((p) => p.id === fresh.body.id)).toMatchObject({ overdue: 0, nextStep: { id: 'kick-off', status: 'open' } });
  });

  it('lets leaders write their own templates and copy them into another space they lead', async () => {
    const written = await lead.client.call(processEndpoints.createProcessTemplate, {
      body: {
        spaceId,
        name: 'Bygdeplan light',
        phases: [
          {
            title: 'Behov',
            steps: [
              { title: 'Samla behov', criterion: { kind: 'inputs_collected', min: 3 }, checklist: ['Bygdemöte'] },
              { title: 'Prioritera', dueAfterDays: 10 },
            ],
          },
        ],
      },
    });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body.phases[0]!.steps.map((s) => s.id)).toEqual(['steg-1-1', 'steg-1-2']);
    const duplicate = await lead.client.call(processEndpoints.createProcessTemplate, {
      body: { spaceId, name: 'Dubbel', phases: [{ id: 'a', title: 'Fas', steps: [{ id: 'a', title: 'Steg' }] }] },
    });
    expect(duplicate.status).toBe(400);
    expect((await member.client.call(processEndpoints.createProcessTemplate, { body: { spaceId, name: 'Kopia', phases: written.body.phases } })).status).toBe(403);

    const other = await buildSpace(t, { municipalityCodes: ['2418'], members: [{ user: lead, role: 'space_admin' }] });
    const copy = await lead.client.call(processEndpoints.copyProcessTemplate, { params: { id: written.body.id }, body: { spaceId: other.id } });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ spaceId: other.id, name: 'Bygdeplan light', builtIn: false });
    const listed = (await lead.client.call(processEndpoints.getProcessTemplates, { query: { spaceId: other.id } })).body;
    expect(listed.map((x) => x.name)).toEqual([expect.stringContaining('TALKO'), 'Bygdeplan light']);
    const started = await lead.client.call(processEndpoints.startProcess, { params: { id: other.id }, body: { templateId: copy.body.id, municipalityCode: '2418' } });
    expect(started.status).toBe(201);
    expect(started.body.stepsTotal).toBe(2);
  });

  it('lets leaders rewrite their own template, linking library material; started processes keep their steps', async () => {
    const now = t.clock.now();
    const libraryItem = async (visibility: 'public' | 'members', space: string) =>
      (
        await t.deps.db
          .insertInto('library_items')
          .values({ space_id: space, visibility, kind: 'method', title: 'Bygdedialog steg för steg', links: '[]', created_by: null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const itemId = await libraryItem('public', spaceId);
    const hiddenSpace = await buildSpace(t, { visibility: 'members', municipalityCodes: ['2418'] });
    const hiddenItemId = await libraryItem('members', hiddenSpace.id);

    const written = (await lead.client.call(processEndpoints.createProcessTemplate, { body: { spaceId, name: 'Byaplan', phases: [{ title: 'Behov', steps: [{ title: 'Samla behov' }] }] } })).body;
    expect(written.allowedActions).toEqual(['view', 'update']);
    expect((await member.client.call(processEndpoints.getProcessTemplate, { params: { id: written.id } })).body.allowedActions).toEqual(['view']);
    const started = await lead.client.call(processEndpoints.startProcess, { params: { id: spaceId }, body: { templateId: written.id, municipalityCode: '2422' } });

    const phases = [
      { id: 'fas-1', title: 'Behov', steps: [{ id: 'steg-1-1', title: 'Samla behov i byarna', material: [{ title: 'Metod', libraryItemId: itemId }, { title: 'Extern mall', url: 'https://example.org/mall' }] }] },
      {
        title: 'Plan',
        steps: [
          { title: 'Skriv planen', guidance: { what: 'Planen', why: 'Ansvar', who: 'Arbetsgruppen', duration: '2 veckor' }, checklist: ['Utkast', 'Förankrat'], criterion: { kind: 'action_plan_adopted' as const }, dueAfterDays: 60 },
          { title: 'Testa', criterion: { kind: 'event_held' as const, eventKind: 'test_session' as const } },
        ],
      },
    ];
    expect((await member.client.call(processEndpoints.updateProcessTemplate, { params: { id: written.id }, body: { name: 'Nej', phases } })).status).toBe(403);
    expect((await lead.client.call(processEndpoints.updateProcessTemplate, { params: { id: TALKO_TEMPLATE_ID }, body: { name: 'TALKO', phases } })).status).toBe(403);
    // A library item the leader cannot see is refused at its field.
    const hidden = await lead.client.call(processEndpoints.updateProcessTemplate, {
      params: { id: written.id },
      body: { name: 'Byaplan', phases: [{ title: 'Behov', steps: [{ title: 'Samla', material: [{ title: 'Dold', libraryItemId: hiddenItemId }] }] }] },
    });
    expect(hidden.status).toBe(400);
    expect((hidden.body as unknown as { error: { fields: object } }).error.fields).toHaveProperty(['phases.0.steps.0.material.0.libraryItemId']);

    const updated = await lead.client.call(processEndpoints.updateProcessTemplate, { params: { id: written.id }, body: { name: 'Byaplan 2', description: 'Omskriven', phases } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.phases.map((p) => [p.id, p.steps.map((s) => s.id)])).toEqual([
      ['fas-1', ['steg-1-1']],
      ['fas-2', ['steg-2-1', 'steg-2-2']],
    ]);
    expect(updated.body.phases[0]!.steps[0]!.material).toEqual([
      { title: 'Metod', url: `/library/${itemId}`, libraryItemId: itemId },
      { title: 'Extern mall', url: 'https://example.org/mall' },
    ]);
    expect((await t.client().call(processEndpoints.getProcessTemplate, { params: { id: written.id } })).body).toMatchObject({ name: 'Byaplan 2', description: 'Omskriven' });
    // A new step put before a kept one never takes the kept one's id.
    const inserted = await lead.client.call(processEndpoints.updateProcessTemplate, {
      params: { id: written.id },
      body: { name: 'Byaplan 2', phases: [{ ...phases[0]!, steps: [{ title: 'Bjud in byarna' }, ...phases[0]!.steps] }, phases[1]!] },
    });
    expect(inserted.status, JSON.stringify(inserted.body)).toBe(200);
    expect(inserted.body.phases[0]!.steps.map((s) => s.id)).toEqual(['steg-1-1-2', 'steg-1-1']);
    // The process started before the rewrite keeps the one step it started with.
    expect((await get(started.body.id)).stepsTotal).toBe(1);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', written.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['process_template.create', 'process_template.update', 'process_template.update']);
    // Hidden from those who may not see its space.
    const secret = await buildSpace(t, { visibility: 'members', municipalityCodes: ['2418'], members: [{ user: lead, role: 'facilitator' }] });
    const secretTemplate = (await lead.client.call(processEndpoints.copyProcessTemplate, { params: { id: written.id }, body: { spaceId: secret.id } })).body;
    expect((await member.client.call(processEndpoints.getProcessTemplate, { params: { id: secretTemplate.id } })).status).toBe(404);
    expect((await member.client.call(processEndpoints.updateProcessTemplate, { params: { id: secretTemplate.id }, body: { name: 'Ny', phases } })).status).toBe(404);
  });
});
