import { z } from 'zod';
import { ageGroup, sector } from './actors.ts';
import { line } from './common.ts';

/** Live workshop boards: prompts, optional breakout groups, notes, clusters, merges, dot votes. */

/** Six characters without look-alikes (no 0/O, 1/I/L), typed on a phone or read from a QR code. */
export const BOARD_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const boardCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{6}$/, { message: 'validation.board_code' });

const promptText = z.string().trim().min(1).max(300);
const groupName = line().min(1).max(80);
export const noteText = z.string().trim().min(1).max(500);
const dots = z.number().int().min(1).max(20);

export const boardCreateInput = z.strictObject({
  title: line().min(1).max(200).optional(),
  prompts: z.array(promptText).min(1).max(12).optional(),
  groups: z.array(groupName).max(20).optional(),
  dotsPerParticipant: dots.optional(),
});

/** Prompts and groups are given as the whole list: items with an id are kept, the rest added, missing ones retired. */
export const boardPatch = z.strictObject({
  title: line().min(1).max(200).optional(),
  prompts: z
    .array(z.strictObject({ id: z.uuid().optional(), text: promptText }))
    .min(1)
    .max(12)
    .optional(),
  groups: z
    .array(z.strictObject({ id: z.uuid().optional(), name: groupName }))
    .max(20)
    .optional(),
  voting: z.enum(['open', 'closed']).optional(),
  dotsPerParticipant: dots.optional(),
});

export const boardJoinInput = z.strictObject({
  code: boardCode,
  name: line().max(80).optional(),
  sector: sector.optional(),
  ageGroup: ageGroup.optional(),
  groupId: z.uuid().optional(),
});

export const boardJoinResult = z.object({ boardId: z.string(), participantId: z.string(), token: z.string() });

/** A key the client makes once per note, so a retried post (after a lost answer) never duplicates. */
export const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'validation.format' });

export const noteInput = z.strictObject({
  promptId: z.uuid(),
  text: noteText,
  clientKey,
  groupId: z.uuid().nullable().optional(),
});

/** Participants may change only the text of their own notes; the rest is the facilitator's. */
export const notePatch = z.strictObject({
  text: noteText.optional(),
  promptId: z.uuid().optional(),
  clusterId: z.uuid().nullable().optional(),
  position: z.number().finite().optional(),
  hidden: z.boolean().optional(),
});

export const mergeInput = z.strictObject({ sourceId: z.uuid(), targetId: z.uuid() });
export const clusterInput = z.strictObject({ promptId: z.uuid(), label: line().min(1).max(120) });
export const clusterPatch = z.strictObject({ label: line().min(1).max(120) });
export const voteInput = z.strictObject({ dots: z.number().int().min(0).max(20) });

export const boardNoteParams = z.object({ id: z.uuid(), noteId: z.uuid() });
export const boardClusterParams = z.object({ id: z.uuid(), clusterId: z.uuid() });
export const liveQuery = z.object({ since: z.coerce.number().int().min(0).optional() });

export const boardPrompt = z.object({ id: z.string(), text: z.string() });
export const boardGroup = z.object({ id: z.string(), name: z.string() });
export const boardCluster = z.object({ id: z.string(), promptId: z.string(), label: z.string() });
export const boardNote = z.object({
  id: z.string(),
  /** The board's change number when it was posted. */
  number: z.number(),
  promptId: z.string(),
  groupId: z.string().nullable(),
  clusterId: z.string().nullable(),
  position: z.number(),
  text: z.string(),
  /** The participant who wrote it (a random id, no name), or null for the facilitator's own notes. */
  authorId: z.string().nullable(),
  hidden: z.boolean(),
  mergedInto: z.string().nullable(),
  /** Texts of the notes merged into this one. */
  merged: z.array(z.string()),
  votes: z.number(),
  inputId: z.string().nullable(),
});

export const boardMeta = z.object({
  id: z.string(),
  eventId: z.string(),
  spaceId: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  voting: z.enum(['open', 'closed']),
  dotsPerParticipant: z.number(),
  prompts: z.array(boardPrompt),
  groups: z.array(boardGroup),
});

export const boardViewer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator') }),
  z.object({
    kind: z.literal('participant'),
    participantId: z.string(),
    groupId: z.string().nullable(),
    /** Dots this participant has put on each note. */
    votes: z.record(z.string(), z.number()),
  }),
]);

export const boardInputLink = z.object({ noteId: z.string(), inputId: z.string(), status: z.string() });

/** What the caller may do with a board (its `allowedActions`). */
export const boardAction = z.enum(['view', 'post_note', 'vote', 'arrange', 'update', 'close']);
export type BoardAction = z.infer<typeof boardAction>;

export const board = boardMeta.extend({
  seq: z.number(),
  clusters: z.array(boardCluster),
  notes: z.array(boardNote),
  participants: z.number(),
  viewer: boardViewer,
  /** After closing: the inputs the notes became. */
  inputs: z.array(boardInputLink),
  allowedActions: z.array(boardAction),
});

export const boardSummary = boardMeta.pick({ id: true, eventId: true, code: true, title: true, status: true }).extend({ notes: z.number() });

/** One numbered change, as sent live and replayed to a client that reconnects. */
export const boardChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('board'), board: boardMeta }),
  z.object({ kind: z.literal('note'), note: boardNote }),
  /** What participants get instead of a hidden note's text. */
  z.object({ kind: z.literal('note_hidden'), noteId: z.string() }),
  z.object({ kind: z.literal('cluster'), cluster: boardCluster }),
  z.object({ kind: z.literal('cluster_removed'), clusterId: z.string() }),
  z.object({ kind: z.literal('votes'), noteId: z.string(), votes: z.number() }),
  z.object({ kind: z.literal('closed'), inputs: z.array(boardInputLink) }),
  /** Someone joined: how many participants the board has now. */
  z.object({ kind: z.literal('participants'), count: z.number() }),
]);

/** Server → client frames on /api/boards/{id}/live. */
export const boardServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), board }),
  z.object({ type: z.literal('change'), seq: z.number(), change: boardChange }),
  /** Sent after the catch-up: everything up to `seq` has been delivered. */
  z.object({ type: z.literal('ready'), seq: z.number() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);

/** Client → server frames. `since` is the last change number the client has applied. */
export const boardClientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token: z.string().max(100).optional(), since: z.number().int().min(0).nullable().optional() }),
  z.strictObject({ type: z.literal('sync'), since: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('ping') }),
]);

/** The poll fallback of the live route: a snapshot, or the changes after `since`. */
export const boardLivePoll = z.object({
  seq: z.number(),
  board: board.optional(),
  changes: z.array(z.object({ seq: z.number(), change: boardChange })),
});

export type Board = z.infer<typeof board>;
export type BoardMeta = z.infer<typeof boardMeta>;
export type BoardNote = z.infer<typeof boardNote>;
export type BoardCluster = z.infer<typeof boardCluster>;
export type BoardChange = z.infer<typeof boardChange>;
export type BoardServerFrame = z.infer<typeof boardServerFrame>;
export type BoardClientFrame = z.infer<typeof boardClientFrame>;
export type BoardSummary = z.infer<typeof boardSummary>;
export type BoardInputLink = z.infer<typeof boardInputLink>;
export type BoardLivePoll = z.infer<typeof boardLivePoll>;
