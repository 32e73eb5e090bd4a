import type { Actor } from '../../../platform/actor.ts';

/**
 * A withdrawal by link needs nobody signed in: the signed link is the person's key. On someone's
 * behalf only a signed-in leader may withdraw; which leader is the owning module's rule (its
 * `assertMayWithdraw…` function), so this only rules out the anonymous.
 */
export const mayWithdrawOnBehalf = (actor: Actor): boolean => actor.kind === 'user';
