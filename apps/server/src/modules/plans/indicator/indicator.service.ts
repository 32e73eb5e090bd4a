import type { Indicator, indicatorInput, indicatorValueInput } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canManageActionPlans, canViewActionPlans } from '../action-plan/action-plan.policy.ts';
import { presentIndicator } from './indicator.presenter.ts';
import { findIndicator, indicatorsOf, insertIndicator, insertIndicatorValue, valuesOf } from './indicator.repository.ts';

/** The indicators (with their values, oldest first) of measures and goals. */
export async function indicatorsFor(db: Kysely<Database>, owners: { measureIds: string[]; goalIds: string[] }): Promise<Indicator[]> {
  const rows = await indicatorsOf(db, owners);
  const values = await valuesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentIndicator(row, values));
}

/** Who writes, for the audit log (a request, or the demo seed). */
export type AuditContext = Pick<RequestContext, 'actor' | 'requestId'>;

/**
 * Adds an indicator to a measure or a goal inside the caller's transaction (the caller has
 * authorized and checked the owner), audited.
 */
export async function addIndicator(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'clock'>,
  ctx: AuditContext,
  owner: { spaceId: string; measureId?: string; goalId?: string },
  input: z.output<typeof indicatorInput>,
): Promise<string> {
  const { id } = await insertIndicator(trx, {
    space_id: owner.spaceId,
    measure_id: owner.measureId ?? null,
    goal_id: owner.goalId ?? null,
    name: input.name,
    unit: input.unit ?? '',
    baseline_value: input.baselineValue ?? null,
    baseline_date: input.baselineDate ?? null,
    target_value: input.targetValue ?? null,
    target_date: input.targetDate ?? null,
    direction: input.direction,
    created_at: deps.clock.now(),
  });
  await recordAudit(trx, deps.clock, ctx, {
    action: 'indicator.create',
    resourceType: 'indicator',
    resourceId: id,
    details: { spaceId: owner.spaceId, ...(owner.measureId ? { measureId: owner.measureId } : { goalId: owner.goalId }) },
  });
  return id;
}

export async function getIndicator(deps: Deps, id: string): Promise<Indicator> {
  const row = await findIndicator(deps.db, id);
  if (!row) throw notFound();
  return presentIndicator(row, await valuesOf(deps.db, [id]));
}

/** A value measured on a date, with its source: the space's leaders record it. */
export async function addIndicatorValue(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof indicatorValueInput>): Promise<Indicator> {
  const row = await findIndicator(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute((trx) => writeIndicatorValue(trx, deps, ctx, id, input));
  return getIndicator(deps, id);
}

/** Records an indicator value inside the caller's transaction, audited (the caller has authorized). */
export async function writeIndicatorValue(trx: Kysely<Database>, deps: Pick<Deps, 'clock'>, ctx: AuditContext, id: string, input: z.output<typeof indicatorValueInput>): Promise<void> {
  const { id: valueId } = await insertIndicatorValue(trx, {
    indicator_id: id,
    value: input.value,
    measured_on: input.measuredOn,
    source: input.source,
    comment: input.comment ?? '',
    created_by: actorId(ctx.actor),
    created_at: deps.clock.now(),
  });
  await recordAudit(trx, deps.clock, ctx, { action: 'indicator.value', resourceType: 'indicator', resourceId: id, details: { valueId, measuredOn: input.measuredOn } });
}
