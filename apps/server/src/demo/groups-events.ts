import { eventInput, eventRescheduleInput, groupInput, groupMemberInput, type EventKind } from '@samhandling/contracts';
import { createEvent } from '../modules/dialogues/event/event.service.ts';
import { rescheduleEvent } from '../modules/dialogues/event/reschedule-event.ts';
import { addGroupMember, createGroup } from '../modules/groups/group/group.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoOrganisationId, demoUser } from './demo-context.ts';

const TALKO = 'TALKO Lappland';
const SOK = 'SÖK Samverkan Norrbotten';
const DAY = 86_400_000;

/** A time on a day from now, given as Stockholm wall-clock hours in winter (UTC+1). */
function stockholm(now: Date, days: number, hour: number, minute = 0): Date {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hour - 1, minute, 0, 0);
  return d;
}

const iso = (d: Date) => d.toISOString();

/**
 * TALKO's local working groups (Sorsele with the fictional demo people, Arjeplog and Storuman
 * still forming, a youth group) and upcoming events: a kick-off in Sorsele, a test session in
 * Arjeplog and SÖK's knowledge dialogue that had to be moved.
 */
export async function seedDemoGroupsEvents(deps: Deps, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const talko = spaceIds.get(TALKO)!;
  const sok = spaceIds.get(SOK)!;
  // TALKO's process leader keeps its groups and meetings; the regional coordinator leads SÖK.
  const leaders = new Map([
    [talko, demoContext(deps, await demoUser(deps, 'processledare@example.org'))],
    [sok, demoContext(deps, await demoUser(deps, 'region@example.org'))],
  ]);
  const people = await deps.db
    .selectFrom('people')
    .innerJoin('space_people', 'space_people.person_id', 'people.id')
    .leftJoin('person_affiliations', 'person_affiliations.person_id', 'people.id')
    .select(['people.id', 'people.youth_representative', 'person_affiliations.organisation_id', 'person_affiliations.role'])
    .where('space_people.space_id', '=', talko)
    .execute();
  const organisationId = (name: string) => demoOrganisationId(deps, name);

  const group = async (name: string, municipalityCode: string | null, kind: 'local' | 'youth', description: string, targets?: Record<string, number>) =>
    (await createGroup(deps, leaders.get(talko)!, talko, groupInput.parse({ name, kind, municipalityCode, description, targets }))).id;

  const sorsele = await group(
    'Lokal arbetsgrupp Sorsele',
    '2422',
    'local',
    'Byarnas utveckling i Sorsele kommun: offentliga, privata och ideella aktörer tillsammans. (Demo: medlemmarna är fiktiva.)',
  );
  await group('Lokal arbetsgrupp Arjeplog', '2506', 'local', 'Gruppen bildas hösten 2026.');
  await group('Lokal arbetsgrupp Storuman', '2421', 'local', 'Gruppen bildas hösten 2026.');
  await group('Ungdomsgruppen', null, 'youth', 'Unga från alla åtta kommuner som ger sin syn på byarnas framtid.', { public: 0, private: 0, civil_society: 0, academia: 0, youth: 6 });
  // The group service derives the collaborations between the members' organisations.
  for (const person of people) {
    await addGroupMember(deps, leaders.get(talko)!, sorsele, groupMemberInput.parse({ personId: person.id, organisationId: person.organisation_id, role: person.role ?? '', youthRepresentative: person.youth_representative }));
  }

  const event = async (values: {
    spaceId: string;
    kind: EventKind;
    title: string;
    description: string;
    startsAt: Date;
    endsAt: Date;
    municipalityCode: string | null;
    workingGroupId?: string | null;
    placeName?: string | null;
    address?: string | null;
    lon?: number | null;
    lat?: number | null;
    onlineUrl?: string | null;
    capacity?: number | null;
    onlineCapacity?: number | null;
    agenda: { startsAt: Date; title: string }[];
    cohosts: string[];
    /** Moved here from a week earlier (its registrants would have had the new time). */
    rescheduled?: boolean;
  }) => {
    const ctx = leaders.get(values.spaceId)!;
    const week = values.rescheduled ? 7 * DAY : 0;
    const created = await createEvent(
      deps,
      ctx,
      values.spaceId,
      eventInput.parse({
        kind: values.kind,
        title: values.title,
        description: values.description,
        public: true,
        startsAt: iso(new Date(values.startsAt.getTime() - week)),
        endsAt: iso(new Date(values.endsAt.getTime() - week)),
        municipalityCode: values.municipalityCode,
        workingGroupId: values.workingGroupId ?? null,
        placeName: values.placeName ?? null,
        address: values.address ?? null,
        lon: values.lon ?? null,
        lat: values.lat ?? null,
        onlineUrl: values.onlineUrl ?? null,
        capacity: values.capacity ?? null,
        onlineCapacity: values.onlineCapacity ?? null,
        questions: ['organisation', 'sector', 'age_group', 'dietary_needs', 'accessibility_needs'],
        agenda: values.agenda.map((a) => ({ startsAt: iso(a.startsAt), endsAt: null, title: a.title, description: '' })),
        cohostIds: values.cohosts,
      }),
    );
    if (values.rescheduled) await rescheduleEvent(deps, ctx, created.id, eventRescheduleInput.parse({ startsAt: iso(values.startsAt), endsAt: iso(values.endsAt) }));
    return created.id;
  };

  await event({
    spaceId: talko,
    kind: 'kick_off',
    title: 'Uppstartsmöte: lokal arbetsgrupp Sorsele',
    description: 'Vi startar den lokala arbetsgruppen i Sorsele: vad behöver byarna, vem gör vad, och hur följer vi upp? Fika serveras.',
    startsAt: stockholm(now, 14, 18),
    endsAt: stockholm(now, 14, 20, 30),
    municipalityCode: '2422',
    workingGroupId: sorsele,
    placeName: 'Sorsele (lokal meddelas)',
    address: 'Sorsele',
    lon: 17.534,
    lat: 65.535,
    capacity: 30,
    agenda: [
      { startsAt: stockholm(now, 14, 18), title: 'Välkomna och presentationsrunda' },
      { startsAt: stockholm(now, 14, 18, 30), title: 'Byarnas behov – samtal i smågrupper' },
      { startsAt: stockholm(now, 14, 19, 30), title: 'Fika' },
      { startsAt: stockholm(now, 14, 20), title: 'Nästa steg och mötesplan' },
    ],
    cohosts: [await organisationId('Sorsele kommun'), await organisationId('Studieförbundet Vuxenskolan')],
  });
  await event({
    spaceId: talko,
    kind: 'test_session',
    title: 'Testtillfälle: verktyget i Arjeplog',
    description: 'Vi provar Samhandling tillsammans: arbetsgrupp, träffar och idéer. Ta med telefonen.',
    startsAt: stockholm(now, 21, 13),
    endsAt: stockholm(now, 21, 16),
    municipalityCode: '2506',
    placeName: 'Arjeplog (lokal meddelas)',
    address: 'Arjeplog',
    lon: 17.887,
    lat: 66.051,
    capacity: 15,
    onlineUrl: 'https://example.org/mote/arjeplog-test',
    onlineCapacity: 10,
    agenda: [
      { startsAt: stockholm(now, 21, 13), title: 'Genomgång av verktyget' },
      { startsAt: stockholm(now, 21, 14), title: 'Prova själv' },
      { startsAt: stockholm(now, 21, 15, 30), title: 'Synpunkter' },
    ],
    cohosts: [await organisationId('Arjeplogs kommun')],
  });
  await event({
    spaceId: sok,
    kind: 'knowledge_dialogue',
    title: 'Kunskapsdialog: samverkan mellan offentlig sektor och civilsamhälle',
    description:
      'Kunskapsdialog för 50–70 deltagare på plats och digitalt, med samtal i fem digitala grupper. Dialogen flyttades från sitt ursprungliga datum; alla anmälda har fått den nya tiden.',
    startsAt: stockholm(now, 28, 9),
    endsAt: stockholm(now, 28, 12),
    municipalityCode: '2580',
    placeName: 'Luleå (lokal meddelas)',
    address: 'Luleå',
    lon: 22.156,
    lat: 65.584,
    capacity: 40,
    onlineUrl: 'https://example.org/mote/sok-kunskapsdialog',
    onlineCapacity: 30,
    agenda: [
      { startsAt: stockholm(now, 28, 9), title: 'Inledning: kartläggningen av dagens samverkan' },
      { startsAt: stockholm(now, 28, 9, 45), title: 'Samtal i fem grupper' },
      { startsAt: stockholm(now, 28, 11, 15), title: 'Återsamling och vägen mot en överenskommelse' },
    ],
    cohosts: [
      await organisationId('Region Norrbotten'),
      await organisationId('Länsstyrelsen i Norrbottens län'),
      await organisationId('Samforma'),
    ],
    rescheduled: true,
  });
}
