import type { ProcessTemplate, processTemplateInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { TALKO_TEMPLATE, TALKO_TEMPLATE_ID } from './talko.ts';
import { findTemplate, insertTemplate, listTemplates, type TemplateRow } from './template.repository.ts';
import type { PhaseValue } from './template.table.ts';

const builtIn = (): ProcessTemplate => ({ ...TALKO_TEMPLATE, spaceId: null, builtIn: true, createdAt: null });

function present(row: TemplateRow): ProcessTemplate {
  return {
    id: row.id,
    spaceId: row.space_id,
    name: row.name,
    description: row.description,
    builtIn: false,
    phases: row.phases,
    createdAt: row.created_at.toISOString(),
  };
}

/** Gives phases and steps without an id one from their position, and refuses an id used twice. */
export function normalisePhases(phases: z.output<typeof processTemplateInput>['phases']): PhaseValue[] {
  const seen = new Set<string>();
  const claim = (id: string, field: string) => {
    if (seen.has(id)) throw invalid({ [field]: 'validation.duplicate_id' });
    seen.add(id);
    return id;
  };
  return phases.map((phase, i) => ({
    id: claim(phase.id ?? `fas-${i + 1}`, `phases.${i}.id`),
    title: phase.title,
    steps: phase.steps.map((step, j) => ({
      ...step,
      id: claim(step.id ?? `steg-${i + 1}-${j + 1}`, `phases.${i}.steps.${j}.id`),
    })),
  }));
}

/** A template the caller may see: the shipped one, or one of a space they can see. */
export async function loadTemplate(deps: Deps, ctx: RequestContext, id: string): Promise<ProcessTemplate> {
  if (id === TALKO_TEMPLATE_ID) return builtIn();
  const row = await findTemplate(deps.db, id);
  if (!row) throw notFound();
  await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return present(row);
}

export async function getProcessTemplates(deps: Deps, ctx: RequestContext, spaceId?: string): Promise<ProcessTemplate[]> {
  if (!spaceId) return [builtIn()];
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return [builtIn(), ...(await listTemplates(deps.db, spaceId)).map(present)];
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
  return present((await findTemplate(deps.db, id))!);
}

export function createProcessTemplate(deps: Deps, ctx: RequestContext, input: z.output<typeof processTemplateInput>): Promise<ProcessTemplate> {
  return insert(deps, ctx, input.spaceId, { name: input.name, description: input.description, phases: normalisePhases(input.phases) }, null);
}

export async function copyProcessTemplate(deps: Deps, ctx: RequestContext, id: string, spaceId: string): Promise<ProcessTemplate> {
  const source = await loadTemplate(deps, ctx, id);
  return insert(deps, ctx, spaceId, { name: source.name, description: source.description, phases: source.phases as PhaseValue[] }, id);
}
