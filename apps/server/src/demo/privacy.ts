import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createInputs } from '../modules/dialogues/input/input.service.ts';
import { anonymous } from '../platform/actor.ts';
import { DELETED_USER_NAME } from '../platform/personal-data.ts';

const DAY = 86_400_000;
const TALKO = 'TALKO Lappland';

/**
 * People's data in the demo: the village member (byalag@example.org) has an input with their
 * e-mail for notices and a registration with a diet answer (for the test session in Arjeplog, not
 * the kick-off whose free seats the browser tests count), so "download my data" shows more than
 * the account; and a person in TALKO's registry withdrew their consent (a leader recorded it on
 * their behalf), so the people list shows a withdrawal beside its consent.
 */
export async function seedDemoPrivacy(trx: Kysely<Database>, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const spaceId = spaceIds.get(TALKO)!;
  const member = await trx.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'byalag@example.org').executeTakeFirst();
  const leader = await trx.selectFrom('users').select('id').where('email', '=', 'processledare@example.org').executeTakeFirst();
  if (!member || !leader) return;

  await createInputs(trx, { actor: anonymous, requestId: null, clock: { now: () => new Date(now.getTime() - 12 * DAY) } }, spaceId, [
    {
      text: 'Snöröjningen till bygdegården kommer för sent på lördagar. Kan kommunen och byalaget dela på plogningen?',
      kind: 'need',
      source: 'form',
      submitterSector: 'civil_society',
      submitterAgeGroup: '26_64',
      submitterEmail: member.email,
    },
  ]);

  const event = await trx
    .selectFrom('events')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('title', '=', 'Testtillfälle: verktyget i Arjeplog')
    .executeTakeFirst();
  if (event) {
    await trx
      .insertInto('registrations')
      .values({
        event_id: event.id,
        user_id: member.id,
        name: member.name,
        email: member.email,
        mode: 'on_site',
        status: 'confirmed',
        organisation_name: 'Byalaget (fiktivt)',
        organisation_id: null,
        sector: 'civil_society',
        age_group: '26_64',
        dietary_needs: 'Vegetariskt',
        accessibility_needs: null,
        // The demo sends no confirmation, so its links' keys are random and never shown.
        cancel_token_hash: randomBytes(32).toString('base64url'),
        check_in_token_hash: randomBytes(32).toString('base64url'),
        created_at: new Date(now.getTime() - 3 * DAY),
      })
      .execute();
  }

  const { id: personId } = await trx
    .insertInto('people')
    .values({ name: DELETED_USER_NAME, email: null, phone: null, municipality_code: null, age_group: null, created_by: null, created_at: new Date(now.getTime() - 60 * DAY), updated_at: new Date(now.getTime() - 10 * DAY) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('space_people').values({ space_id: spaceId, person_id: personId }).execute();
  await trx
    .insertInto('person_consents')
    .values({
      person_id: personId,
      purpose: 'Demo: kontaktlista för bymöten i Sorsele',
      text_version: 'demo',
      method: 'form',
      given_at: new Date(now.getTime() - 60 * DAY),
      recorded_by: leader.id,
      withdrawn_at: new Date(now.getTime() - 10 * DAY),
      withdrawn_by: leader.id,
      withdrawal_method: 'leader',
    })
    .execute();
}
