import {
  goalsWithTargets,
  MODEL_FILE_FORMAT,
  type CoverageEntry,
  modelFile,
  type Model,
  type modelApplyInput,
  type ModelContent,
  type ModelFile,
  type ModelSummary,
  type ModelUse,
  type ModelUseItemType,
  type modelUsePatch,
} from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { createBoard } from '../../dialogues/board/board.service.ts';
import { createEvent } from '../../dialogues/event/event.service.ts';
import { assertMunicipalitiesExist, knownMunicipalityCodes } from '../../geography/municipality/municipality.service.ts';
import { createGroup } from '../../groups/group/group.service.ts';
import { publicLibraryItemIds } from '../../library/item/library-item.service.ts';
import { createActionPlan } from '../../plans/action-plan/action-plan.service.ts';
import { createPlan, patchPlan, swedishToday } from '../../services/service-plan/service-plan.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { createSpace, loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canApplyModelIn, canCreateModel, canUpdateModel, canUpdateUse, canViewUse, modelActions } from './model.policy.ts';
import { contentOf, presentModel, presentSummary, presentUse } from './model.presenter.ts';
import * as repo from './model.repository.ts';

/** Every problem of a model's content that its schema cannot see: unknown origin, duplicate or dangling template keys. */
async function contentProblems(deps: Deps, content: ModelContent, prefix: string): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  const at = (path: string) => `${prefix}${path}`;
  if (content.originMunicipalityCode && !(await knownMunicipalityCodes(deps, [content.originMunicipalityCode])).has(content.originMunicipalityCode))
    problems[at('originMunicipalityCode')] = 'validation.municipality_unknown';
  const t = content.template;
  const unique = (keys: string[], path: (i: number) => string) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key)) problems[at(path(i))] = 'validation.template_key_duplicate';
      seen.add(key);
    });
    return seen;
  };
  const groupKeys = unique(
    t.workingGroups.map((g) => g.key),
    (i) => `template.workingGroups.${i}.key`,
  );
  unique(
    t.eventSeries.map((s) => s.key),
    (i) => `template.eventSeries.${i}.key`,
  );
  const eventPaths = t.eventSeries.flatMap((s, i) => s.events.map((e, j) => ({ event: e, path: `template.eventSeries.${i}.events.${j}` })));
  const eventKeys = unique(
    eventPaths.map((e) => e.event.key),
    (i) => `${eventPaths[i]!.path}.key`,
  );
  for (const { event, path } of eventPaths)
    if (event.workingGroupKey !== null && !groupKeys.has(event.workingGroupKey)) problems[at(`${path}.workingGroupKey`)] = 'validation.template_reference_unknown';
  unique(
    t.boardPromptSets.map((b) => b.key),
    (i) => `template.boardPromptSets.${i}.key`,
  );
  t.boardPromptSets.forEach((b, i) => {
    if (!eventKeys.has(b.eventKey)) problems[at(`template.boardPromptSets.${i}.eventKey`)] = 'validation.template_reference_unknown';
  });
  // Material from the library: a public item of this server (a model is public to all).
  const named = content.material.map((m) => m.libraryItemId).filter((id): id is string => id !== null);
  const known = await publicLibraryItemIds(deps, named);
  content.material.forEach((m, i) => {
    if (m.libraryItemId !== null && !known.has(m.libraryItemId)) problems[at(`material.${i}.libraryItemId`)] = 'validation.library_item_unknown';
  });
  return problems;
}

async function loadModel(deps: Deps, id: string) {
  const row = await repo.findModel(deps.db, id);
  if (!row) throw notFound();
  return row;
}

export async function getModels(deps: Deps): Promise<ModelSummary[]> {
  const rows = await repo.listModels(deps.db);
  const uses = await repo.usesOf(deps.db, { modelIds: rows.map((r) => r.id) });
  return rows.map((row) =>
    presentSummary(
      row,
      uses.filter((u) => u.model_id === row.id),
    ),
  );
}

export async function getModel(deps: Deps, ctx: RequestContext, id: string): Promise<Model> {
  const row = await loadModel(deps, id);
  const [uses, versions] = await Promise.all([repo.usesOf(deps.db, { modelIds: [id] }), repo.versionsOf(deps.db, id)]);
  return presentModel(row, uses, versions, modelActions(ctx.actor, row.created_by));
}

async function storeNewModel(deps: Deps, ctx: RequestContext, content: ModelContent, version: number, imported: boolean): Promise<string> {
  const json = JSON.stringify(content);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const createdBy = actorId(ctx.actor);
    const { id } = await repo.insertModel(trx, { title: content.title, version, content: json, originMunicipalityCode: content.originMunicipalityCode, imported, createdBy, now });
    await repo.insertVersion(trx, { modelId: id, version, content: json, createdBy, now });
    await recordAudit(trx, deps.clock, ctx, { action: imported ? 'model.import' : 'model.create', resourceType: 'model', resourceId: id, details: { version } });
    return id;
  });
}

export async function createModel(deps: Deps, ctx: RequestContext, input: ModelContent): Promise<Model> {
  if (!canCreateModel(ctx.actor)) throw forbidden();
  const problems = await contentProblems(deps, input, '');
  if (Object.keys(problems).length) throw invalid(problems);
  return getModel(deps, ctx, await storeNewModel(deps, ctx, input, 1, false));
}

/** The model's next version: the content replaced whole, the old one kept with its number. */
export async function updateModel(deps: Deps, ctx: RequestContext, id: string, input: ModelContent): Promise<Model> {
  const row = await loadModel(deps, id);
  if (!canUpdateModel(ctx.actor, row.created_by)) throw forbidden();
  const problems = await contentProblems(deps, input, '');
  if (Object.keys(problems).length) throw invalid(problems);
  const json = JSON.stringify(input);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const version = row.version + 1;
    await repo.updateModel(trx, id, { title: input.title, version, content: json, originMunicipalityCode: input.originMunicipalityCode, now });
    await repo.insertVersion(trx, { modelId: id, version, content: json, createdBy: actorId(ctx.actor), now });
    await recordAudit(trx, deps.clock, ctx, { action: 'model.update', resourceType: 'model', resourceId: id, details: { version } });
  });
  return getModel(deps, ctx, id);
}

/** The file another server imports: no ids, dates or authors, so export → import → export gives the same file. */
export async function exportModel(deps: Deps, id: string): Promise<ModelFile> {
  const row = await loadModel(deps, id);
  return modelFile.parse({ format: MODEL_FILE_FORMAT, formatVersion: 1, version: row.version, model: contentOf(row) });
}

/** A file from another server becomes a new model here, keeping its version number; a bad file changes nothing. */
export async function importModel(deps: Deps, ctx: RequestContext, file: ModelFile): Promise<Model> {
  if (!canCreateModel(ctx.actor)) throw forbidden();
  // Library items are named by their id on the server the model was written on: here, a name that
  // is not a public item of this server keeps its title and URL and loses the link.
  const known = await publicLibraryItemIds(deps, file.model.material.map((m) => m.libraryItemId).filter((id): id is string => id !== null));
  const model = { ...file.model, material: file.model.material.map((m) => (m.libraryItemId && !known.has(m.libraryItemId) ? { ...m, libraryItemId: null } : m)) };
  const problems = await contentProblems(deps, model, 'model.');
  if (Object.keys(problems).length) throw invalid(problems);
  return getModel(deps, ctx, await storeNewModel(deps, ctx, model, file.version, true));
}

async function accessOrNull(deps: Deps, ctx: RequestContext, spaceId: string, cache: Map<string, SpaceAccess | null>): Promise<SpaceAccess | null> {
  if (!cache.has(spaceId))
    cache.set(
      spaceId,
      await loadSpaceAccess(deps, ctx.actor, spaceId).then(
        ({ access }) => access,
        () => null,
      ),
    );
  return cache.get(spaceId)!;
}

async function presentUses(deps: Deps, ctx: RequestContext, rows: repo.ModelUseRow[]): Promise<ModelUse[]> {
  const cache = new Map<string, SpaceAccess | null>();
  const items = await repo.itemsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const out: ModelUse[] = [];
  for (const row of rows) {
    const access = await accessOrNull(deps, ctx, row.space_id, cache);
    out.push(
      presentUse(
        row,
        items.filter((i) => i.use_id === row.id),
        { visible: canViewUse(ctx.actor, access), canUpdate: canUpdateUse(ctx.actor, access) },
      ),
    );
  }
  return out;
}

export async function getModelUses(deps: Deps, ctx: RequestContext, id: string): Promise<ModelUse[]> {
  await loadModel(deps, id);
  return presentUses(deps, ctx, await repo.usesOf(deps.db, { modelIds: [id] }));
}

export async function getSpaceModelUses(deps: Deps, ctx: RequestContext, spaceId: string): Promise<ModelUse[]> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return presentUses(deps, ctx, await repo.usesOf(deps.db, { spaceId }));
}

async function loadUse(deps: Deps, ctx: RequestContext, useId: string) {
  const row = (await repo.usesOf(deps.db, { useId }))[0];
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return { row, access };
}

export async function patchModelUse(deps: Deps, ctx: RequestContext, useId: string, input: z.output<typeof modelUsePatch>): Promise<ModelUse> {
  const { row, access } = await loadUse(deps, ctx, useId);
  if (!canUpdateUse(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUseNotes(trx, useId, { ...input, now: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'model.use_update', resourceType: 'model_use', resourceId: useId, details: { modelId: row.model_id, fields: Object.keys(input) } });
  });
  return (await presentUses(deps, ctx, await repo.usesOf(deps.db, { useId })))[0]!;
}

/** Offset of Swedish time from UTC at an instant, in minutes ("GMT+02:00" → 120). */
function stockholmOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a Swedish wall-clock time on a date names. */
export function stockholmInstant(date: string, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  return new Date(asUtc.getTime() - stockholmOffsetMinutes(asUtc) * 60_000);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface PlannedItem {
  key: string;
  type: ModelUseItemType;
  title: string;
  /** Creates the item through its module's service and answers its id (null for items kept as data, undefined: not now). */
  create(created: Map<string, string | null>): Promise<string | null | undefined>;
}

/**
 * Use this model: a leader of the space sets up the template's structure for one municipality
 * through the groups, events, boards and service-plan services. Each template item is created
 * once per use (by its key), so applying again creates only what a newer version added.
 */
export async function applyModel(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof modelApplyInput>): Promise<{ use: ModelUse; created: number }> {
  const row = await loadModel(deps, id);
  let spaceId = input.spaceId;
  if (input.newSpace) {
    await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
    spaceId = (await createSpace(deps, ctx, { name: input.newSpace.name, description: '', kind: 'municipal', visibility: input.newSpace.visibility, municipalityCodes: [input.municipalityCode] })).id;
  }
  if (!spaceId) throw invalid({ spaceId: 'validation.space_or_new_space' });
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canApplyModelIn(ctx.actor, access)) throw forbidden();
  if (!space.municipality_codes.includes(input.municipalityCode)) throw invalid({ municipalityCode: 'validation.municipality_not_in_space' });
  const content = contentOf(row);
  const template = content.template;
  const startDate = input.startDate ?? addDays(swedishToday(deps.clock.now()), 14);
  const municipalityCode = input.municipalityCode;

  const use = await deps.db.transaction().execute(async (trx) => {
    const use = await repo.ensureUse(trx, { modelId: id, version: row.version, spaceId, municipalityCode, appliedBy: actorId(ctx.actor), now: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'model.apply', resourceType: 'model_use', resourceId: use.id, details: { modelId: id, version: row.version, spaceId, municipalityCode } });
    return use;
  });

  const planned: PlannedItem[] = [];
  for (const g of template.workingGroups)
    planned.push({
      key: `group:${g.key}`,
      type: 'working_group',
      title: g.name,
      create: async () => (await createGroup(deps, ctx, spaceId, { name: g.name, kind: g.kind, municipalityCode, description: g.description, targets: g.targets })).id,
    });
  for (const series of template.eventSeries)
    for (const e of series.events)
      planned.push({
        key: `event:${e.key}`,
        type: 'event',
        title: e.title,
        create: async (created) => {
          const starts = stockholmInstant(addDays(startDate, e.weekOffset * 7), e.startTime);
          const ends = new Date(starts.getTime() + e.durationMinutes * 60_000);
          const event = await createEvent(deps, ctx, spaceId, {
            kind: e.kind,
            title: e.title,
            description: e.description,
            startsAt: starts.toISOString(),
            endsAt: ends.toISOString(),
            municipalityCode,
            workingGroupId: e.workingGroupKey ? (created.get(`group:${e.workingGroupKey}`) ?? null) : null,
            agenda: e.agenda.map((a) => ({ startsAt: new Date(starts.getTime() + a.minuteOffset * 60_000).toISOString(), title: a.title, description: a.description })),
          });
          return event.id;
        },
      });
  for (const b of template.boardPromptSets)
    planned.push({
      key: `board:${b.key}`,
      type: 'board',
      title: b.title,
      create: async (created) => {
        // The event may have been created by an earlier (or a parallel) apply.
        const eventId = created.get(`event:${b.eventKey}`) ?? (await repo.itemResource(deps.db, use.id, `event:${b.eventKey}`))?.resource_id;
        if (!eventId) return undefined;
        return (await createBoard(deps, ctx, eventId, { title: b.title, prompts: b.prompts })).id;
      },
    });
  const plan = template.servicePlan;
  if (plan)
    planned.push({
      key: 'service_plan',
      type: 'service_plan',
      title: plan.title,
      create: async () => {
        const year = Number(startDate.slice(0, 4));
        const created = await createPlan(deps, ctx, spaceId, { title: plan.title, municipalityCode, periodStart: `${year}-01-01`, periodEnd: `${year + plan.periodYears - 1}-12-31` });
        await patchPlan(deps, ctx, created.id, { background: plan.background, goals: plan.goals.map((g) => ({ text: g.text, indicator: g.indicator })) });
        return created.id;
      },
    });
  // A survey needs recipients and sends mail: it stays with the use as data.
  if (template.survey) planned.push({ key: 'survey', type: 'survey', title: template.survey.title, create: async () => null });
  // The action-plan goals become one draft action plan in the space (plans module), once per use.
  if (template.actionPlanGoals.length)
    planned.push({
      key: 'action_plan',
      type: 'action_plan',
      title: content.title,
      create: async () =>
        (
          await createActionPlan(deps, ctx, spaceId, {
            title: content.title,
            goals: template.actionPlanGoals.map((g) => ({ title: g.text.slice(0, 300), ...(g.indicator ? { description: g.indicator } : {}) })),
          })
        ).id,
    });

  const existing = await repo.itemsOf(deps.db, [use.id]);
  const created = new Map<string, string | null>(existing.map((i) => [i.item_key, i.resource_id]));
  let count = 0;
  for (const [position, item] of planned.entries()) {
    if (created.has(item.key)) continue;
    // Claimed before it is created and recorded as soon as it exists: a parallel apply skips it,
    // and an interrupted one resumes without duplicating.
    if (!(await repo.claimItem(deps.db, { use_id: use.id, item_key: item.key, item_type: item.type, resource_id: null, title: item.title, position, created_at: deps.clock.now() }))) continue;
    let resourceId: string | null | undefined;
    try {
      resourceId = await item.create(created);
    } catch (error) {
      await repo.releaseItem(deps.db, use.id, item.key);
      throw error;
    }
    if (resourceId === undefined) {
      await repo.releaseItem(deps.db, use.id, item.key);
      continue;
    }
    await repo.setItemResource(deps.db, use.id, item.key, resourceId);
    created.set(item.key, resourceId);
    count++;
  }
  const [presented] = await presentUses(deps, ctx, await repo.usesOf(deps.db, { useId: use.id }));
  return { use: presented!, created: count };
}

/**
 * Agenda 2030 coverage source: a model tagged with goals counts where it is in use (once per model
 * in a scope, at its first use there). docs/adr/0015.
 */
export async function modelCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  const seen = new Set<string>();
  const entries: CoverageEntry[] = [];
  for (const row of await repo.usesInCoverageScope(deps.db, scope)) {
    const content = row.content as { goals?: number[]; targets?: string[] };
    const goals = content.goals ?? [];
    const targets = content.targets ?? [];
    if (seen.has(row.id) || (goals.length === 0 && targets.length === 0)) continue;
    seen.add(row.id);
    entries.push({
      kind: 'model',
      id: row.id,
      title: row.title,
      status: null,
      date: row.applied_at.toISOString(),
      spaceId: row.space_id,
      municipalityCode: row.municipality_code,
      goals: goalsWithTargets(goals, targets),
      targets,
    });
  }
  return entries;
}
