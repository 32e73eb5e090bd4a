import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Organisation stewardship in the demo (issue 14 §1.1): two organisations have a confirmed
 * (fictional) representative, and a leader's suggested change waits for one of them to decide.
 */
const REPRESENTATIVES: { organisation: string; email: string; role: string; confirmedBy: string }[] = [
  { organisation: 'Hela Sverige ska leva Västerbotten', email: 'byalag@example.org', role: 'Styrelseledamot (fiktiv)', confirmedBy: 'processledare@example.org' },
  { organisation: 'Region Norrbotten', email: 'region@example.org', role: 'Regional samordnare (fiktiv)', confirmedBy: 'admin@example.org' },
];

const SUGGESTION = {
  organisation: 'Hela Sverige ska leva Västerbotten',
  proposedBy: 'processledare@example.org',
  changes: { description: 'Länsavdelning av Hela Sverige ska leva: stöttar lokala utvecklingsgrupper och byaföreningar i Västerbotten, bland annat i TALKO Lappland.' },
  comment: 'Beskrivningen saknas – förslag från arbetet i TALKO.',
};

export async function seedDemoStewardship(trx: Kysely<Database>, now: Date): Promise<void> {
  const userId = async (email: string) => (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const organisationId = async (name: string) => (await trx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  for (const r of REPRESENTATIVES) {
    await trx
      .insertInto('organisation_representatives')
      .values({ organisation_id: await organisationId(r.organisation), user_id: await userId(r.email), role: r.role, status: 'confirmed', requested_at: now, confirmed_by: await userId(r.confirmedBy), confirmed_at: now })
      .execute();
  }
  await trx
    .insertInto('organisation_suggestions')
    .values({ organisation_id: await organisationId(SUGGESTION.organisation), proposed_by: await userId(SUGGESTION.proposedBy), proposed_at: now, changes: JSON.stringify(SUGGESTION.changes), comment: SUGGESTION.comment })
    .execute();
}
