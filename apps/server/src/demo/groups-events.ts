import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

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

/** Pairs of every two organisations, as the groups module derives them. */
function pairs(ids: string[]): [string, string][] {
  const sorted = [...new Set(ids)].sort();
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push([sorted[i]!, sorted[j]!]);
  return out;
}

/**
 * TALKO's local working groups (Sorsele with the fictional demo people, Arjeplog and Storuman
 * still forming, a youth group) and upcoming events: a kick-off in Sorsele, a test session in
 * Arjeplog and SÖK's knowledge dialogue that had to be moved.
 */
export async function seedDemoGroupsEvents(trx: Kysely<Database>, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const talko = spaceIds.get(TALKO)!;
  const sok = spaceIds.get(SOK)!;
  const people = await trx
    .selectFrom('people')
    .innerJoin('space_people', 'space_people.person_id', 'people.id')
    .leftJoin('person_affiliations', 'person_affiliations.person_id', 'people.id')
    .select(['people.id', 'people.name', 'people.youth_representative', 'person_affiliations.organisation_id', 'person_affiliations.role'])
    .where('space_people.space_id', '=', talko)
    .execute();
  const organisationId = async (name: string) =>
    (await trx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;

  const targets = JSON.stringify({ public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 });
  const group = async (
    name: string,
    municipalityCode: string | null,
    kind: 'local' | 'youth',
    description: string,
    groupTargets = targets,
  ) =>
    (
      await trx
        .insertInto('working_groups')
        .values({
          space_id: talko,
          municipality_code: municipalityCode,
          name,
          kind,
          description,
          targets: groupTargets,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const sorsele = await group(
    'Lokal arbetsgrupp Sorsele',
    '2422',
    'local',
    'Byarnas utveckling i Sorsele kommun: offentliga, privata och ideella aktörer tillsammans. (Demo: medlemmarna är fiktiva.)',
  );
  await group('Lokal arbetsgrupp Arjeplog', '2506', 'local', 'Gruppen bildas hösten 2026.');
  await group('Lokal arbetsgrupp Storuman', '2421', 'local', 'Gruppen bildas hösten 2026.');
  await group(
    'Ungdomsgruppen',
    null,
    'youth',
    'Unga från alla åtta kommuner som ger sin syn på byarnas framtid.',
    JSON.stringify({ public: 0, private: 0, civil_society: 0, academia: 0, youth: 6 }),
  );
  for (const person of people) {
    await trx
      .insertInto('working_group_members')
      .values({
        group_id: sorsele,
        person_id: person.id,
        organisation_id: person.organisation_id,
        role: person.role ?? '',
        youth_representative: person.youth_representative,
        joined_at: now,
      })
      .execute();
  }
  const memberOrgs = people.map((p) => p.organisation_id).filter((id): id is string => id !== null);
  for (const [a, b] of pairs(memberOrgs)) {
    await trx
      .insertInto('collaborations')
      .values({
        org_a: a,
        org_b: b,
        type: 'network_membership',
        frequency: 'regular',
        source: 'derived',
        example_data: true,
        description: 'Arbetsgrupp: Lokal arbetsgrupp Sorsele',
        level: null,
        start_date: iso(now).slice(0, 10),
        end_date: null,
        survey_id: null,
        created_by: null,
        created_at: now,
        working_group_id: sorsele,
        derived_kind: 'working_group',
        derived_id: sorsele,
        space_id: talko,
      })
      .execute();
  }

  const event = async (values: {
    spaceId: string;
    kind: Database['events']['kind'];
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
    cohosts: (string | null)[];
    sequence?: number;
    rescheduledAt?: Date | null;
  }) => {
    const { id } = await trx
      .insertInto('events')
      .values({
        space_id: values.spaceId,
        kind: values.kind,
        title: values.title,
        description: values.description,
        public: true,
        starts_at: values.startsAt,
        ends_at: values.endsAt,
        municipality_code: values.municipalityCode,
        working_group_id: values.workingGroupId ?? null,
        place_name: values.placeName ?? null,
        address: values.address ?? null,
        lon: values.lon ?? null,
        lat: values.lat ?? null,
        online_url: values.onlineUrl ?? null,
        capacity: values.capacity ?? null,
        online_capacity: values.onlineCapacity ?? null,
        questions: JSON.stringify(['organisation', 'sector', 'age_group', 'dietary_needs', 'accessibility_needs']),
        agenda: JSON.stringify(values.agenda.map((a) => ({ startsAt: iso(a.startsAt), endsAt: null, title: a.title, description: '' }))),
        ical_uid: `${crypto.randomUUID()}@samhandling`,
        sequence: values.sequence ?? 0,
        rescheduled_at: values.rescheduledAt ?? null,
        cancel_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cohosts = [...new Set(values.cohosts.filter((c): c is string => c !== null))];
    if (cohosts.length)
      await trx
        .insertInto('event_cohosts')
        .values(cohosts.map((organisation_id) => ({ event_id: id, organisation_id })))
        .execute();
    return id;
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
    sequence: 1,
    rescheduledAt: now,
  });
}
