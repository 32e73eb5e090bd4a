import { randomInt } from 'node:crypto';
import { BOARD_CODE_ALPHABET } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * A live workshop board ready for the Sorsele kick-off's small-group talk: two prompts and three
 * breakout groups, no notes yet (participants write them at /delta with the board's code).
 */
export async function seedDemoBoard(trx: Kysely<Database>, spaceIds: Map<string, string>): Promise<void> {
  const talko = spaceIds.get('TALKO Lappland');
  if (!talko) return;
  const event = await trx
    .selectFrom('events')
    .select(['id', 'space_id'])
    .where('space_id', '=', talko)
    .where('title', '=', 'Uppstartsmöte: lokal arbetsgrupp Sorsele')
    .executeTakeFirst();
  if (!event) return;
  let code = '';
  for (let i = 0; i < 6; i++) code += BOARD_CODE_ALPHABET[randomInt(BOARD_CODE_ALPHABET.length)];
  const { id } = await trx
    .insertInto('boards')
    .values({ event_id: event.id, space_id: event.space_id, code, title: 'Byarnas behov – samtal i smågrupper', dots_per_participant: 3, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('board_prompts')
    .values([
      { board_id: id, position: 0, text: 'Vad behövs för att byn ska leva vidare?' },
      { board_id: id, position: 1, text: 'Vad kan vi göra själva – och med vem?' },
    ])
    .execute();
  await trx
    .insertInto('board_groups')
    .values(['Gargnäs', 'Blattnicksele', 'Ammarnäs'].map((name, position) => ({ board_id: id, position, name })))
    .execute();
}
