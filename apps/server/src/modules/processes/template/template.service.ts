import type { ProcessTemplate, processTemplateInput, processTemplateUpdate } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { getLibraryItem } from '../../library/item/library-item.service.ts';
import { canLeadSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { TALKO_TEMPLATE, TALKO_TEMPLATE_ID } from './talko.ts';
import { findTemplate, insertTemplate, listTemplates, updateTemplate, type TemplateRow } from './template.repository.ts';
import type { PhaseValue, StepValue } from './template.table.ts';

const builtIn = (): ProcessTemplate => ({ ...TALKO_TEMPLATE, spaceId: null, builtIn: true, createdAt: null, allowedActions: ['view'] });

function present(row: TemplateRow, actor: RequestContext['actor'], access: SpaceAccess): ProcessTemplate {
  return {
    id: row.id,
    spaceId: row.space_id,
    name: row.name,
    description: row.description,
    builtIn: false,
    phases: row.phases,
    allowedActions: canLeadSpace(actor, access) ? ['view', 'update'] : ['view'],
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Gives phases and steps without an id one from their position (or, when a kept one already has
 * that, the next free one, so an edited template never hands a new step a kept step's id), and
 * refuses an id used twice.
 */
export function normalisePhases(phases: z.output<typeof processTemplateInput>['phases']): PhaseValue[] {
  const given = new Set(phases.flatMap((p) => [...(p.id ? [p.id] : []), ...p.steps.flatMap((s) => (s.id ? [s.id] : []))]));
  const seen = new Set<string>();
  const claim = (id: string, field: string) => {
    if (seen.has(id)) throw invalid({ [field]: 'validation.duplicate_id' });
    seen.add(id);
    return id;
  };
  const fresh = (base: string) => {
    let id = base;
    for (let n = 2; given.has(id) || seen.has(id); n++) id = `${base}-${n}`;
    return id;
  };
  return phases.map((phase, i) => ({
    id: claim(phase.id ?? fresh(`fas-${i + 1}`), `phases.${i}.id`),
    title: phase.title,
    steps: phase.steps.map((step, j) => ({
      ...step,
      id: claim(step.id ?? fresh(`steg-${i + 1}-${j + 1}`), `phases.${i}.steps.${j}.id`),
    })),
  }));
}

/** A template the caller may see: the shipped one, or one of a space they can see. */
export async function loadTemplate(deps: Deps, ctx: RequestContext, id: string): Promise<ProcessTemplate> {
  if (id === TALKO_TEMPLATE_ID) return builtIn();
  const row = await findTemplate(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return present(row, ctx.actor, access);
}

export async function getProcessTemplates(deps: Deps, ctx: RequestContext, spaceId?: string): Promise<ProcessTemplate[]> {
  if (!spaceId) return [builtIn()];
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  return [builtIn(), ...(await listTemplates(deps.db, spaceId)).map((row) => present(row, ctx.actor, access))];
}

async function insert(deps: Deps, ctx: RequestContext, spaceId: string, values: { name: string; description: string; phases: PhaseValue[] }, copiedFrom: string | null) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertTemplate(trx, {
      space_id: spaceId,
      name: values.name,
      description: values.description,
      phases: JSON.stringify(values.phases),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: copiedFrom ? 'process_template.copy' : 'process_template.create',
      resourceType: 'process_template',
      resourceId: id,
      details: { spaceId, copiedFrom },
    });
    return id;
  });
  return present((await findTemplate(deps.db, id))!, ctx.actor, access);
}

/**
 * A material that names a library item links to the item's page, under the title written for it;
 * an item the caller cannot see is refused per field, like any other bad value.
 */
async function checkMaterial(deps: Deps, ctx: RequestContext, phases: PhaseValue[]): Promise<PhaseValue[]> {
  const problems: Record<string, string> = {};
  const out: PhaseValue[] = [];
  for (const [i, phase] of phases.entries()) {
    const steps: StepValue[] = [];
    for (const [j, step] of phase.steps.entries()) {
      const material: StepValue['material'] = [];
      for (const [k, m] of step.material.entries()) {
        if (!m.libraryItemId) {
          material.push({ title: m.title, ...(m.url ? { url: m.url } : {}) });
          continue;
        }
        try {
          await getLibraryItem(deps, ctx, m.libraryItemId);
          material.push({ title: m.title, url: `/library/${m.libraryItemId}`, libraryItemId: m.libraryItemId });
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'not_found')) throw error;
          problems[`phases.${i}.steps.${j}.material.${k}.libraryItemId`] = 'errors.not_found';
        }
      }
      steps.push({ ...step, material });
    }
    out.push({ ...phase, steps });
  }
  if (Object.keys(problems).length) throw invalid(problems);
  return out;
}

export async function createProcessTemplate(deps: Deps, ctx: RequestContext, input: z.output<typeof processTemplateInput>): Promise<ProcessTemplate> {
  const phases = await checkMaterial(deps, ctx, normalisePhases(input.phases));
  return insert(deps, ctx, input.spaceId, { name: input.name, description: input.description, phases }, null);
}

/** Rewrites a space's own template; the shipped one is nobody's to change. Started processes keep their copy of the steps. */
export async function updateProcessTemplate(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof processTemplateUpdate>): Promise<ProcessTemplate> {
  if (id === TALKO_TEMPLATE_ID) throw forbidden();
  const row = await findTemplate(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  const phases = await checkMaterial(deps, ctx, normalisePhases(input.phases));
  await deps.db.transaction().execute(async (trx) => {
    await updateTemplate(trx, id, { name: input.name, description: input.description, phases: JSON.stringify(phases) });
    await recordAudit(trx, deps.clock, ctx, { action: 'process_template.update', resourceType: 'process_template', resourceId: id, details: { spaceId: row.space_id } });
  });
  return present((await findTemplate(deps.db, id))!, ctx.actor, access);
}

export async function copyProcessTemplate(deps: Deps, ctx: RequestContext, id: string, spaceId: string): Promise<ProcessTemplate> {
  const source = await loadTemplate(deps, ctx, id);
  return insert(deps, ctx, spaceId, { name: source.name, description: source.description, phases: source.phases as PhaseValue[] }, id);
}
