import { board as boardSchema, boardClientFrame, type Board, type BoardChange, type BoardNote } from '@samhandling/contracts';
import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, byPosition, helloFrame, reconnectDelay, stepForChange } from './board-sync.ts';

const PROMPT = '11111111-1111-4111-8111-111111111111';

function note(n: number, overrides: Partial<BoardNote> = {}): BoardNote {
  return {
    id: `note-${n}`,
    number: n,
    promptId: PROMPT,
    groupId: null,
    clusterId: null,
    position: n,
    text: `Idé ${n}`,
    authorId: 'p1',
    hidden: false,
    mergedInto: null,
    merged: [],
    votes: 0,
    inputId: null,
    ...overrides,
  };
}

function board(seq: number, viewer: Board['viewer'] = { kind: 'facilitator' }): Board {
  return boardSchema.parse({
    id: 'b1',
    eventId: 'e1',
    spaceId: 's1',
    code: 'ABC123',
    title: 'Byastämma',
    status: 'open',
    voting: 'open',
    dotsPerParticipant: 3,
    prompts: [{ id: PROMPT, text: 'Vad behöver byn?' }],
    groups: [],
    seq,
    clusters: [],
    notes: [],
    participants: 0,
    viewer,
    inputs: [],
    allowedActions: [],
  });
}

const added = (n: number, overrides?: Partial<BoardNote>): BoardChange => ({ kind: 'note', note: note(n, overrides) });

/** What a client holds after hearing these frames in this order, and what it asked the server. */
function hear(start: Board | null, frames: { seq: number; change: BoardChange }[]) {
  let current = start;
  const asked: number[] = [];
  for (const frame of frames) {
    const step = stepForChange(current, frame.seq, frame.change);
    if (step.kind === 'apply') current = step.board;
    if (step.kind === 'resync') asked.push(step.since);
  }
  return { board: current, asked };
}

describe('applying a numbered change', () => {
  it('adds, replaces, hides and counts votes on notes as the server snapshot would', () => {
    let b = applyChange(board(0), added(1));
    b = applyChange(b, added(2));
    b = applyChange(b, { kind: 'note', note: note(1, { text: 'Idé 1, ändrad' }) });
    expect(b.notes.map((n) => n.text).sort()).toEqual(['Idé 1, ändrad', 'Idé 2']);
    b = applyChange(b, { kind: 'votes', noteId: 'note-2', votes: 4 });
    expect(b.notes.find((n) => n.id === 'note-2')?.votes).toBe(4);
    b = applyChange(b, { kind: 'note_hidden', noteId: 'note-1' });
    expect(b.notes.map((n) => n.id)).toEqual(['note-2']);
  });

  it('shows a hidden note to the facilitator but drops it for a participant', () => {
    const hidden = added(3, { hidden: true });
    expect(applyChange(board(0), hidden).notes).toHaveLength(1);
    const participant = board(0, { kind: 'participant', participantId: 'p1', groupId: null, votes: {} });
    expect(applyChange({ ...participant, notes: [note(3)] }, hidden).notes).toHaveLength(0);
  });

  it('keeps clusters, participants and the closing in step', () => {
    let b = applyChange(board(0), { kind: 'cluster', cluster: { id: 'c1', promptId: PROMPT, label: 'Skola' } });
    b = applyChange(b, { kind: 'cluster', cluster: { id: 'c1', promptId: PROMPT, label: 'Skola och förskola' } });
    expect(b.clusters).toEqual([{ id: 'c1', promptId: PROMPT, label: 'Skola och förskola' }]);
    b = applyChange(b, { kind: 'participants', count: 12 });
    expect(b.participants).toBe(12);
    b = applyChange(b, { kind: 'closed', inputs: [{ noteId: 'note-1', inputId: 'i1', status: 'received' }] });
    expect([b.status, b.voting, b.inputs.length]).toEqual(['closed', 'closed', 1]);
    expect(applyChange(b, { kind: 'cluster_removed', clusterId: 'c1' }).clusters).toEqual([]);
  });

  it('orders notes by position, then by number', () => {
    const notes = [note(3, { position: 1 }), note(1, { position: 2 }), note(2, { position: 1 })];
    expect([...notes].sort(byPosition).map((n) => n.number)).toEqual([2, 3, 1]);
  });
});

describe('live changes in order', () => {
  it('applies each next change and moves the last seen number with it', () => {
    const { board: b, asked } = hear(board(5), [
      { seq: 6, change: added(6) },
      { seq: 7, change: added(7) },
    ]);
    expect(b?.seq).toBe(7);
    expect(b?.notes.map((n) => n.number)).toEqual([6, 7]);
    expect(asked).toEqual([]);
  });

  it('ignores changes it has already seen, as the replay after a reconnect repeats some', () => {
    const start = { ...board(7), notes: [note(6), note(7)] };
    const { board: b } = hear(start, [
      { seq: 6, change: added(6) },
      { seq: 7, change: added(7) },
      { seq: 8, change: added(8) },
    ]);
    expect(b?.seq).toBe(8);
    expect(b?.notes.map((n) => n.number)).toEqual([6, 7, 8]);
  });

  it('asks for what is missing after a gap instead of applying out of order, then catches up', () => {
    const first = hear(board(5), [{ seq: 7, change: added(7) }]);
    expect(first.board?.seq).toBe(5);
    expect(first.asked).toEqual([5]);
    // The server answers the sync with 6 and 7.
    const after = hear(first.board, [
      { seq: 6, change: added(6) },
      { seq: 7, change: added(7) },
    ]);
    expect(after.board?.seq).toBe(7);
    expect(after.board?.notes.map((n) => n.number)).toEqual([6, 7]);
  });

  it('does nothing with a change before the first snapshot', () => {
    expect(stepForChange(null, 1, added(1))).toEqual({ kind: 'ignore' });
  });

  it('applies polled changes as far as they follow on, and waits for the next poll after a gap', () => {
    const b = applyChanges(board(2), [
      { seq: 2, change: added(2) },
      { seq: 3, change: added(3) },
      { seq: 5, change: added(5) },
    ]);
    expect(b.seq).toBe(3);
    expect(b.notes.map((n) => n.number)).toEqual([3]);
  });
});

describe('reconnecting', () => {
  it('says hello with the last change seen, or asks for a snapshot the first time', () => {
    expect(boardClientFrame.parse(helloFrame(undefined, null))).toEqual({ type: 'hello', since: null });
    expect(boardClientFrame.parse(helloFrame('participant-token', 42))).toEqual({ type: 'hello', token: 'participant-token', since: 42 });
  });

  it('waits 1, 2, 4, 8 s … and never more than 15 s between attempts', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });
});
