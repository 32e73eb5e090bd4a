import type { BoardChange, BoardCluster, BoardMeta, BoardNote } from '@samhandling/contracts';
import type { BoardViewer } from './board.policy.ts';
import type { BoardRow, NoteRow } from './board.repository.ts';

export function presentMeta(board: BoardRow, prompts: { id: string; text: string }[], groups: { id: string; name: string }[]): BoardMeta {
  return {
    id: board.id,
    eventId: board.event_id,
    spaceId: board.space_id,
    code: board.code,
    title: board.title,
    status: board.status,
    voting: board.voting,
    dotsPerParticipant: board.dots_per_participant,
    prompts,
    groups,
  };
}

export function presentNote(row: NoteRow, votes: number, merged: string[]): BoardNote {
  return {
    id: row.id,
    number: Number(row.number),
    promptId: row.prompt_id,
    groupId: row.group_id,
    clusterId: row.cluster_id,
    position: row.position,
    text: row.text,
    authorId: row.participant_id,
    hidden: row.hidden,
    mergedInto: row.merged_into,
    merged,
    votes,
    inputId: row.input_id,
  };
}

export function presentCluster(row: { id: string; prompt_id: string; label: string }): BoardCluster {
  return { id: row.id, promptId: row.prompt_id, label: row.label };
}

/** What a viewer may see of a change: participants never receive a hidden note's text. */
export function changeFor(viewer: BoardViewer['kind'], change: BoardChange): BoardChange {
  if (viewer === 'participant' && change.kind === 'note' && change.note.hidden) return { kind: 'note_hidden', noteId: change.note.id };
  return change;
}
