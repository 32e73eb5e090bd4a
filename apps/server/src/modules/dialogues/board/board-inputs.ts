import { ageGroup, inputsQuery, submitterSector, type BoardInputLink, type BoardNote, type SubmitterSector } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { canManageEventFor, getEventForActor } from '../event/event.service.ts';
import { createInputs, getSpaceInputs } from '../input/input.service.ts';
import type { BoardRow } from './board.repository.ts';

/**
 * The board's seams to its neighbours: the event it belongs to (events module) and the inputs
 * its notes become when it closes (inputs module). Nothing else in the board module knows them.
 */

export interface BoardEvent {
  id: string;
  spaceId: string;
  title: string;
  canFacilitate: boolean;
}

/** The event a board is for; 404 when the caller may not see it. */
export async function boardEventOf(deps: Deps, ctx: RequestContext, eventId: string): Promise<BoardEvent> {
  const { event, access } = await getEventForActor(deps, ctx.actor, eventId);
  return { id: event.id, spaceId: event.space_id, title: event.title, canFacilitate: canManageEventFor(ctx.actor, access) };
}

export interface ClosingNotes {
  board: BoardRow;
  prompts: { id: string; text: string }[];
  notes: { note: BoardNote; author: { name: string | null; sector: string | null; age_group: string | null } | null }[];
}

const INPUT_TEXT_MAX = 4000;

/** A note and what was merged into it, as the text of one input. */
export function inputTextOf(note: Pick<BoardNote, 'text' | 'merged'>): string {
  const text = [note.text, ...note.merged.map((m) => `– ${m}`)].join('\n');
  return text.length > INPUT_TEXT_MAX ? `${text.slice(0, INPUT_TEXT_MAX - 1)}…` : text;
}

/**
 * Turns the notes into inputs linked to the event, inside the closing transaction (the inputs
 * module's createInputs). Each note's id is the input's source reference, so nothing is made twice.
 */
export async function createInputsForBoard(deps: Deps, ctx: RequestContext, trx: Kysely<Database>, closing: ClosingNotes): Promise<BoardInputLink[]> {
  if (closing.notes.length === 0) return [];
  const sectors = new Set<string>(submitterSector.options);
  const ages = new Set<string>(ageGroup.options);
  const created = await createInputs(
    trx,
    { actor: ctx.actor, requestId: ctx.requestId, clock: deps.clock },
    closing.board.space_id,
    closing.notes.map(({ note, author }) => ({
      text: inputTextOf(note),
      source: 'board' as const,
      channel: 'meeting' as const,
      eventId: closing.board.event_id,
      sourceRef: note.id,
      submitterSector: author?.sector && sectors.has(author.sector) ? (author.sector as SubmitterSector) : null,
      submitterAgeGroup: author?.age_group && ages.has(author.age_group) ? (author.age_group as z.infer<typeof ageGroup>) : null,
    })),
  );
  return created.map((input, index) => ({ noteId: closing.notes[index]!.note.id, inputId: input.id, status: 'received' }));
}

/**
 * The current status of the inputs a board's notes became, as the caller may see them
 * (through the inputs module's listing); null when the caller may not see the space's inputs.
 */
export async function inputStatuses(deps: Deps, ctx: RequestContext, board: Pick<BoardRow, 'space_id' | 'event_id'>): Promise<Map<string, string> | null> {
  try {
    const page = await getSpaceInputs(deps, ctx, board.space_id, inputsQuery.parse({ event: board.event_id, source: 'board', includeHidden: 'true', limit: 1000 }));
    return new Map(page.items.map((item) => [item.id, item.status]));
  } catch {
    return null;
  }
}
