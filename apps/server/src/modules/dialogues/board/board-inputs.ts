import type { BoardInputLink, BoardNote } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { canManageEventFor, getEventForActor } from '../event/event.service.ts';
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

/** Turns the notes into inputs linked to the event, inside the closing transaction. */
export async function createInputsForBoard(_deps: Deps, _ctx: RequestContext, _trx: Kysely<Database>, _closing: ClosingNotes): Promise<BoardInputLink[]> {
  throw new AppError('unavailable');
}

/** The current status of each input a board's notes became. */
export async function inputStatuses(_deps: Deps, _inputIds: string[]): Promise<Map<string, string>> {
  return new Map();
}
