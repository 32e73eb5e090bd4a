import { boardCreateInput } from '@samhandling/contracts';
import { createBoard } from '../modules/dialogues/board/board.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoUser } from './demo-context.ts';

/**
 * A live workshop board ready for the Sorsele kick-off's small-group talk: two prompts and three
 * breakout groups, no notes yet (participants write them at /delta with the board's code).
 */
export async function seedDemoBoard(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const talko = spaceIds.get('TALKO Lappland');
  if (!talko) return;
  const event = await deps.db.selectFrom('events').select('id').where('space_id', '=', talko).where('title', '=', 'Uppstartsmöte: lokal arbetsgrupp Sorsele').executeTakeFirst();
  if (!event) return;
  await createBoard(
    deps,
    demoContext(deps, await demoUser(deps, 'processledare@example.org')),
    event.id,
    boardCreateInput.parse({
      title: 'Byarnas behov – samtal i smågrupper',
      dotsPerParticipant: 3,
      prompts: ['Vad behövs för att byn ska leva vidare?', 'Vad kan vi göra själva – och med vem?'],
      groups: ['Gargnäs', 'Blattnicksele', 'Ammarnäs'],
    }),
  );
}
