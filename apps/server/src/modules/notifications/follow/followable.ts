import { type FollowKind } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getAgreement } from '../../agreements/agreement/agreement.service.ts';
import { getInitiative } from '../../alliances/initiative/initiative.service.ts';
import { getInput } from '../../dialogues/input/input.service.ts';
import { getActionPlan } from '../../plans/action-plan/action-plan.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';

/** What a follow needs to know of its target: a label for lists and mails, its space, whether it may be followed by e-mail alone. */
export interface FollowTarget {
  label: string;
  spaceId: string;
}

export interface Followable {
  /** The target as the caller sees it; throws not_found when the caller may not see it. */
  describe(deps: Deps, ctx: RequestContext, id: string): Promise<FollowTarget>;
  /** People without an account may follow it by a confirmed e-mail address (double opt-in). */
  byEmail: boolean;
}

const titled = (target: { title: string; spaceId: string }): FollowTarget => ({ label: target.title, spaceId: target.spaceId });

/**
 * The registry of what can be followed: one entry per kind (and one value in the contract's
 * `followKind`). An agreement, a plan or an initiative joins with one line each once they exist.
 */
export const FOLLOWABLE: Record<FollowKind, Followable> = {
  space: {
    byEmail: true,
    describe: async (deps, ctx, id) => {
      const { row } = await loadSpaceAccess(deps, ctx.actor, id);
      return { label: row.name, spaceId: row.id };
    },
  },
  input: {
    byEmail: false,
    describe: async (deps, ctx, id) => {
      const input = await getInput(deps, ctx, id);
      return { label: `#${input.number} ${input.text.length > 60 ? `${input.text.slice(0, 60)}…` : input.text}`, spaceId: input.spaceId };
    },
  },
  // Each: followed by those who may see it (its service answers 404 otherwise).
  agreement: { byEmail: false, describe: async (deps, ctx, id) => titled(await getAgreement(deps, ctx, id)) },
  action_plan: { byEmail: false, describe: async (deps, ctx, id) => titled(await getActionPlan(deps, ctx, id)) },
  initiative: { byEmail: false, describe: async (deps, ctx, id) => titled(await getInitiative(deps, ctx, id)) },
};
