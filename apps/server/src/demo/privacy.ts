import { personInput, registrationInput } from '@samhandling/contracts';
import { createPerson } from '../modules/actors/person/person.service.ts';
import { createInputs } from '../modules/dialogues/input/input.service.ts';
import { register } from '../modules/dialogues/registration/registration.service.ts';
import { withdrawOnBehalf } from '../modules/privacy/consent/consent.service.ts';
import { anonymous } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoDeps, demoUser } from './demo-context.ts';

const DAY = 86_400_000;
const TALKO = 'TALKO Lappland';

/**
 * People's data in the demo: the village member (byalag@example.org) has an input with their
 * e-mail for notices and a registration with a diet answer (for the test session in Arjeplog, not
 * the kick-off whose free seats the browser tests count), so "download my data" shows more than
 * the account; and a person in TALKO's registry withdrew their consent (a leader recorded it on
 * their behalf), so the people list shows a withdrawal beside its consent.
 */
export async function seedDemoPrivacy(deps: Deps, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const spaceId = spaceIds.get(TALKO)!;
  const member = await deps.db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'byalag@example.org').executeTakeFirst();
  if (!member) return;

  await createInputs(deps.db, { actor: anonymous, requestId: null, clock: { now: () => new Date(now.getTime() - 12 * DAY) } }, spaceId, [
    {
      text: 'Snöröjningen till bygdegården kommer för sent på lördagar. Kan kommunen och byalaget dela på plogningen?',
      kind: 'need',
      source: 'form',
      submitterSector: 'civil_society',
      submitterAgeGroup: '26_64',
      submitterEmail: member.email,
    },
  ]);

  const event = await deps.db
    .selectFrom('events')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('title', '=', 'Testtillfälle: verktyget i Arjeplog')
    .executeTakeFirst();
  if (event) {
    // The member registered three days ago, as anyone does on the event's page (the confirmation is queued).
    await register(
      demoDeps(deps, deps.db, new Date(now.getTime() - 3 * DAY)),
      demoContext(deps, await demoUser(deps, member.email)),
      event.id,
      registrationInput.parse({ name: member.name, email: member.email, mode: 'on_site', organisation: 'Byalaget (fiktivt)', sector: 'civil_society', ageGroup: '26_64', dietaryNeeds: 'Vegetariskt' }),
    );
  }

  // A leader recorded a contact two months ago; ten days ago the person withdrew their consent by phone, and the leader recorded that.
  const leader = demoContext(deps, await demoUser(deps, 'processledare@example.org'));
  const person = await createPerson(
    demoDeps(deps, deps.db, new Date(now.getTime() - 60 * DAY)),
    leader,
    personInput.parse({ name: 'Kontakt i Sorsele (fiktiv)', spaceId, consent: { purpose: 'Demo: kontaktlista för bymöten i Sorsele', textVersion: 'demo', method: 'form' } }),
  );
  await withdrawOnBehalf(demoDeps(deps, deps.db, new Date(now.getTime() - 10 * DAY)), leader, 'person', person.consents[0]!.id);
}
