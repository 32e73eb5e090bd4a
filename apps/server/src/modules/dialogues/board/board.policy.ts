import type { BoardAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';
import type { BoardRow, NoteRow, ParticipantRow } from './board.repository.ts';

/** Who is looking at a board: someone who leads its space, or a participant who joined with the code. */
export type BoardViewer = { kind: 'facilitator'; actor: Actor } | { kind: 'participant'; participant: ParticipantRow };

/** Those who lead the event's space run its boards. */
export const canFacilitate = (actor: Actor, access: SpaceAccess | null): boolean =>
  isPlatformAdmin(actor) || (access !== null && canLeadSpace(actor, access));

export const isFacilitator = (viewer: BoardViewer): viewer is Extract<BoardViewer, { kind: 'facilitator' }> => viewer.kind === 'facilitator';

export const canPostNote = (_viewer: BoardViewer, board: Pick<BoardRow, 'status'>): boolean => board.status === 'open';

/** Participants touch only their own notes, and only the text; facilitators arrange everything. */
export function canEditNoteText(viewer: BoardViewer, note: Pick<NoteRow, 'participant_id'>): boolean {
  if (viewer.kind === 'facilitator') return true;
  return note.participant_id === viewer.participant.id;
}

export const canArrangeNotes = (viewer: BoardViewer, board: Pick<BoardRow, 'status'>): boolean => isFacilitator(viewer) && board.status === 'open';

/** Dots are the participants'; a facilitator's view counts them but does not vote. */
export const canVote = (viewer: BoardViewer, board: Pick<BoardRow, 'status' | 'voting'>): boolean =>
  viewer.kind === 'participant' && board.status === 'open' && board.voting === 'open';

export function boardActions(viewer: BoardViewer, board: Pick<BoardRow, 'status' | 'voting'>): BoardAction[] {
  const actions: BoardAction[] = ['view'];
  if (canPostNote(viewer, board)) actions.push('post_note');
  if (canVote(viewer, board)) actions.push('vote');
  if (isFacilitator(viewer)) {
    if (board.status === 'open') actions.push('arrange', 'update', 'close');
  }
  return actions;
}
