import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { hashToken } from '../../../platform/secrets.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canFacilitate, isFacilitator, type BoardViewer } from './board.policy.ts';
import * as repo from './board.repository.ts';

// Who is asking about a board: a participant (by token) or a facilitator (by role in the space).

/**
 * The board and the caller's view of it. A valid participant token makes a participant; otherwise
 * someone who leads the space is the facilitator. Anyone else is told the board does not exist.
 */
export async function resolveViewer(deps: Deps, ctx: RequestContext, boardId: string, token: string | undefined) {
  const board = await repo.findBoard(deps.db, boardId);
  if (!board) throw notFound();
  if (token) {
    const participant = await repo.findParticipantByToken(deps.db, hashToken(deps.config.sessionSecret, token));
    if (participant && participant.board_id === board.id) return { board, viewer: { kind: 'participant', participant } as BoardViewer };
  }
  if (ctx.actor.kind === 'user') {
    const access = await loadSpaceAccess(deps, ctx.actor, board.space_id).then(
      (a) => a.access,
      () => null,
    );
    if (canFacilitate(ctx.actor, access)) return { board, viewer: { kind: 'facilitator', actor: ctx.actor } as BoardViewer };
  }
  throw notFound();
}

export async function facilitatorOf(deps: Deps, ctx: RequestContext, boardId: string) {
  const found = await resolveViewer(deps, ctx, boardId, undefined);
  if (!isFacilitator(found.viewer)) throw notFound();
  return found;
}
