import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { changeBoard } from './board-changes.ts';
import { resolveViewer } from './board-viewer.ts';
import { canVote } from './board.policy.ts';
import * as repo from './board.repository.ts';

export async function castVote(deps: Deps, ctx: RequestContext, boardId: string, noteId: string, token: string | undefined, dots: number) {
  const { viewer } = await resolveViewer(deps, ctx, boardId, token);
  if (viewer.kind !== 'participant') throw forbidden();
  const participantId = viewer.participant.id;
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!canVote(viewer, board)) throw conflict(board.status === 'open' ? 'errors.voting_closed' : 'errors.board_closed');
    const note = await repo.findNote(trx, boardId, noteId);
    if (!note || note.hidden) throw notFound();
    if (note.merged_into) throw conflict('errors.note_not_votable');
    await repo.lockParticipant(trx, participantId);
    const mine = await repo.votesOf(trx, participantId);
    const elsewhere = mine.filter((v) => v.note_id !== noteId).reduce((sum, v) => sum + v.dots, 0);
    const before = mine.find((v) => v.note_id === noteId)?.dots ?? 0;
    // Taking dots back is always allowed; adding is limited to what the participant has left.
    if (dots > before && elsewhere + dots > board.dots_per_participant) throw conflict('errors.no_dots_left', { dots: 'errors.no_dots_left' });
    if (dots !== before) {
      await repo.setVote(trx, { board_id: boardId, participant_id: participantId, note_id: noteId, dots });
      const [total] = await repo.voteTotals(trx, [noteId]);
      emit({ kind: 'votes', noteId, votes: Number(total?.dots ?? 0) });
      await recordAudit(trx, deps.clock, ctx, { action: 'board.vote', resourceType: 'board_note', resourceId: noteId, details: { boardId, participantId, dots } });
    }
    const after = await repo.votesOf(trx, participantId);
    const [total] = await repo.voteTotals(trx, [noteId]);
    return { noteId, votes: Number(total?.dots ?? 0), mine: Object.fromEntries(after.map((v) => [v.note_id, v.dots])) };
  });
}
