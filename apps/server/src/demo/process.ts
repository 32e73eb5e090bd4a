import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TALKO_TEMPLATE, TALKO_TEMPLATE_ID } from '../modules/processes/template/talko.ts';

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (now: Date, n: number) => new Date(now.getTime() - n * DAY);

/**
 * TALKO's eight municipalities, each at its own stage: days since the process started, and steps a
 * facilitator ticked. The local action plan is checked by the platform: Sorsele's step is done
 * because its plan is adopted in the plans module (demo/plans.ts); Storuman's plan is still a draft.
 */
const TALKO_PROCESSES: { code: string; startedDaysAgo: number; ticked: { step: string; note: string }[]; responsible?: string }[] = [
  { code: '2422', startedDaysAgo: 260, ticked: [{ step: 'evaluation', note: 'Resultaten gicks igenom på arbetsgruppens möte; två ändringar loggade.' }], responsible: 'Näringslivsutvecklare, Sorsele kommun' },
  { code: '2421', startedDaysAgo: 210, ticked: [], responsible: 'Landsbygdsutvecklare, Storumans kommun' },
  { code: '2481', startedDaysAgo: 190, ticked: [], responsible: 'Kommunens kontaktperson' },
  { code: '2506', startedDaysAgo: 120, ticked: [] },
  { code: '2505', startedDaysAgo: 95, ticked: [] },
  { code: '2462', startedDaysAgo: 60, ticked: [] },
  { code: '2425', startedDaysAgo: 25, ticked: [] },
  { code: '2463', startedDaysAgo: 10, ticked: [] },
];

/** Test sessions held in three municipalities, with the feedback people gave on their phones (score per answer). */
const TEST_SESSIONS: { code: string; place: string; daysAgo: number; scores: number[]; texts: string[] }[] = [
  { code: '2422', place: 'Folkets hus, Sorsele', daysAgo: 70, scores: [3, 4, 2, 3, 4, 3, 5, 2, 3, 4], texts: ['Formuläret var för långt.', 'Bra att se byarnas behov på kartan.'] },
  { code: '2421', place: 'Storumans bibliotek', daysAgo: 40, scores: [4, 4, 5, 3, 4, 5, 4, 4], texts: ['Lätt att följa processen steg för steg.'] },
  { code: '2481', place: 'Medborgarhuset, Lycksele', daysAgo: 12, scores: [5, 4, 4, 5, 3, 4, 5], texts: ['Vi vill kunna skriva ut checklistan.', 'Ungdomarna behöver egna frågor.'] },
];

const QUESTIONS = [
  { id: 'nytta', kind: 'scale', text: 'Hur användbart är verktyget för ert lokala utvecklingsarbete?', required: true, scaleLabels: ['Inte alls', 'Mycket'], options: [] },
  { id: 'enkelt', kind: 'scale', text: 'Hur lätt var det att följa processens steg?', required: false, scaleLabels: ['Svårt', 'Lätt'], options: [] },
  { id: 'delar', kind: 'multiple', text: 'Vilka delar prövade ni?', required: false, scaleLabels: null, options: ['Processens steg', 'Inspel från byarna', 'Arbetsgruppens balans', 'Resultatsidan'] },
  { id: 'battre', kind: 'text', text: 'Vad skulle göra verktyget bättre?', required: false, scaleLabels: null, options: [] },
];

const SECTORS = ['resident', 'public', 'private', 'civil_society'];
const AGES = ['16_25', '26_64', '26_64', '65_plus'];

/** Goals and facts for the four projects (amounts are illustrative; people in the steering groups are fictional). */
const PROJECTS: Record<
  string,
  {
    goals: { title: string; figureKey: string; target: number }[];
    facts: { periodStart: string; periodEnd: string; budget: number; coFinanciers: { name: string; amount: number }[]; steeringGroup: { name: string; organisation: string; role: string }[] };
    spinOffs: { daysAgo: number; text: string; source: string }[];
  }
> = {
  'TALKO Lappland': {
    goals: [
      { title: 'Lokala arbetsgrupper bildade i 8 av 8 kommuner', figureKey: 'municipalities_with_complete_group', target: 8 },
      { title: 'Minst 100 bybor deltar i dialogerna', figureKey: 'participants', target: 100 },
      { title: 'Testtillfällen med återkoppling: 60 svar', figureKey: 'feedback_answers', target: 60 },
      { title: 'Processens steg klara i alla kommuner', figureKey: 'process_steps_done', target: 56 },
    ],
    facts: {
      periodStart: '2024-09-01',
      periodEnd: '2027-08-31',
      budget: 9_800_000,
      coFinanciers: [
        { name: 'Europeiska regionala utvecklingsfonden', amount: 4_900_000 },
        { name: 'Region Västerbotten', amount: 1_500_000 },
        { name: 'Region Norrbotten', amount: 1_000_000 },
        { name: 'De åtta kommunerna', amount: 2_400_000 },
      ],
      steeringGroup: [
        { name: 'Demo Ordförande (fiktiv)', organisation: 'Sorsele kommun', role: 'Ordförande' },
        { name: 'Demo Ledamot (fiktiv)', organisation: 'Hela Sverige ska leva Västerbotten', role: 'Ledamot' },
        { name: 'Demo Ungdomsrepresentant (fiktiv)', organisation: 'Ungdomsgruppen', role: 'Ledamot' },
      ],
    },
    spinOffs: [
      { daysAgo: 45, text: 'Byaföreningen i Ammarnäs och ICA-handlaren startade en gemensam varuutkörning till äldre.', source: 'Arbetsgruppen i Sorsele' },
      { daysAgo: 20, text: 'Storumans kommun tog in processens checklista i sin landsbygdsstrategi.', source: 'Kommunstyrelsens protokoll' },
    ],
  },
  'Service i samverkan': {
    goals: [
      { title: 'Servicebehov insamlade från byarna: 200 inspel', figureKey: 'inputs', target: 200 },
      { title: 'Byadialoger om service: 12 möten', figureKey: 'events_held', target: 12 },
    ],
    facts: {
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      budget: 12_000_000,
      coFinanciers: [
        { name: 'Tillväxtverket', amount: 8_000_000 },
        { name: 'Pilotkommunerna', amount: 4_000_000 },
      ],
      steeringGroup: [{ name: 'Demo Projektägare (fiktiv)', organisation: 'Hela Sverige ska leva', role: 'Projektägare' }],
    },
    spinOffs: [{ daysAgo: 30, text: 'Två pilotkommuner samordnar nu sitt stöd till lanthandlare.', source: 'Uppföljningsmöte' }],
  },
  'SÖK Samverkan Norrbotten': {
    goals: [
      { title: 'Kunskapsdialoger genomförda: 6', figureKey: 'events_held', target: 6 },
      { title: 'Hälften av samverkan över sektorsgränser', figureKey: 'network_cross_sector_share', target: 0.5 },
    ],
    facts: {
      periodStart: '2025-01-01',
      periodEnd: '2026-12-31',
      budget: 3_200_000,
      coFinanciers: [
        { name: 'Region Norrbotten', amount: 1_600_000 },
        { name: 'Länsstyrelsen Norrbotten', amount: 1_600_000 },
      ],
      steeringGroup: [{ name: 'Demo Regional samordnare (fiktiv)', organisation: 'Region Norrbotten', role: 'Ordförande' }],
    },
    spinOffs: [{ daysAgo: 60, text: 'Samforma och länsstyrelsen bildade ett gemensamt nätverk för föreningsstöd.', source: 'Kunskapsdialog 2' }],
  },
  'Agenda 2030 – med civilsamhället som motor': {
    goals: [
      { title: 'Föreningar och medborgare i dialogerna: 300', figureKey: 'participants', target: 300 },
      { title: 'Idéer för hållbar utveckling: 100 inspel', figureKey: 'inputs', target: 100 },
    ],
    facts: {
      periodStart: '2024-03-01',
      periodEnd: '2026-02-28',
      budget: 2_500_000,
      coFinanciers: [{ name: 'Myndigheten för ungdoms- och civilsamhällesfrågor', amount: 2_500_000 }],
      steeringGroup: [{ name: 'Demo Samordnare (fiktiv)', organisation: 'Samforma', role: 'Projektledare' }],
    },
    spinOffs: [{ daysAgo: 15, text: 'En allians för lokal livsmedelsproduktion bildades i Piteå.', source: 'Alliansens första möte' }],
  },
};

/**
 * The guided TALKO process running in its eight municipalities at different stages, a feedback
 * form used in three test sessions (compared side by side) with a changes log, and project goals,
 * facts and spin-off effects for the four projects. Written in the seed's transaction, with the
 * modules' own template (TALKO_TEMPLATE) and shapes.
 */
export async function seedDemoProcesses(trx: Kysely<Database>, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const talko = spaceIds.get('TALKO Lappland')!;
  const facilitator = (await trx.selectFrom('users').select('id').where('email', '=', 'processledare@example.org').executeTakeFirst())?.id ?? null;
  const processIds = new Map<string, string>();
  for (const p of TALKO_PROCESSES) {
    const { id } = await trx
      .insertInto('processes')
      .values({
        space_id: talko,
        template_id: TALKO_TEMPLATE_ID,
        name: 'TALKO – lokal utveckling i samverkan',
        municipality_code: p.code,
        locality_id: null,
        starts_on: isoDate(daysAgo(now, p.startedDaysAgo)),
        phases: JSON.stringify(TALKO_TEMPLATE.phases),
        created_by: facilitator,
        created_at: daysAgo(now, p.startedDaysAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    processIds.set(p.code, id);
    for (const tick of p.ticked)
      await trx
        .insertInto('process_steps')
        .values({ process_id: id, step_id: tick.step, ticked_at: daysAgo(now, 14), ticked_by: facilitator, note: tick.note, responsible: null, due_date: null })
        .execute();
    if (p.responsible)
      await trx
        .insertInto('process_steps')
        .values({ process_id: id, step_id: 'handover', responsible: p.responsible, due_date: null })
        .onConflict((oc) => oc.columns(['process_id', 'step_id']).doUpdateSet({ responsible: p.responsible }))
        .execute();
  }

  const seriesId = randomUUID();
  const formIds: string[] = [];
  for (const [i, session] of TEST_SESSIONS.entries()) {
    const startsAt = daysAgo(now, session.daysAgo);
    startsAt.setUTCHours(16, 0, 0, 0);
    const { id: eventId } = await trx
      .insertInto('events')
      .values({
        space_id: talko,
        kind: 'test_session',
        title: `Testtillfälle: verktyget i ${session.place.split(', ').at(-1)}`,
        description: 'Arbetsgruppen prövar processen och verktyget och säger vad som ska ändras.',
        public: true,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
        municipality_code: session.code,
        working_group_id: null,
        place_name: session.place,
        address: null,
        lon: null,
        lat: null,
        online_url: null,
        capacity: 30,
        online_capacity: null,
        registration_opens_at: null,
        registration_closes_at: null,
        questions: JSON.stringify([]),
        agenda: JSON.stringify([]),
        cancelled_at: null,
        cancel_reason: null,
        rescheduled_at: null,
        ical_uid: `${randomUUID()}@samhandling`,
        created_by: facilitator,
        created_at: daysAgo(now, session.daysAgo + 30),
        updated_at: daysAgo(now, session.daysAgo + 30),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: formId } = await trx
      .insertInto('feedback_forms')
      .values({
        space_id: talko,
        series_id: seriesId,
        event_id: eventId,
        process_id: processIds.get(session.code) ?? null,
        step_id: 'test-session',
        title: 'Återkoppling på TALKO-verktyget',
        intro: 'Fyra korta frågor om verktyget. Svaren är anonyma.',
        questions: JSON.stringify(QUESTIONS),
        created_by: facilitator,
        created_at: daysAgo(now, session.daysAgo + 2),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    formIds.push(formId);
    await trx
      .insertInto('feedback_answers')
      .values(
        session.scores.map((score, j) => ({
          form_id: formId,
          idempotency_key: `demo-${i}-${j}-${randomUUID().slice(0, 8)}`,
          sector: SECTORS[j % SECTORS.length]!,
          age_group: AGES[j % AGES.length]!,
          answers: JSON.stringify({
            nytta: score,
            enkelt: Math.max(1, Math.min(5, score + ((j % 3) - 1))),
            delar: j % 2 ? ['Processens steg', 'Inspel från byarna'] : ['Processens steg', 'Arbetsgruppens balans', 'Resultatsidan'],
            ...(session.texts[j] ? { battre: session.texts[j] } : {}),
          }),
          created_at: new Date(startsAt.getTime() + 2 * 3_600_000 + j * 60_000),
        })),
      )
      .execute();
  }
  await trx
    .insertInto('feedback_changes')
    .values([
      { space_id: talko, form_id: formIds[0]!, date: isoDate(daysAgo(now, 60)), change: 'Återkopplingsformuläret kortades från nio till fyra frågor.', reason: 'Testtillfället i Sorsele: deltagarna tyckte att formuläret var för långt.', created_by: facilitator, created_at: daysAgo(now, 60) },
      { space_id: talko, form_id: formIds[2]!, date: isoDate(daysAgo(now, 8)), change: 'Checklistan för varje steg går att skriva ut.', reason: 'Testtillfället i Lycksele: arbetsgruppen ville ha checklistan på papper.', created_by: facilitator, created_at: daysAgo(now, 8) },
    ])
    .execute();

  for (const [name, project] of Object.entries(PROJECTS)) {
    const spaceId = spaceIds.get(name);
    if (!spaceId) continue;
    for (const goal of project.goals) await trx.insertInto('project_goals').values({ space_id: spaceId, title: goal.title, figure_key: goal.figureKey, target: goal.target, created_at: now }).execute();
    const f = project.facts;
    await trx
      .insertInto('project_facts')
      .values({ space_id: spaceId, period_start: f.periodStart, period_end: f.periodEnd, budget: f.budget, co_financiers: JSON.stringify(f.coFinanciers), steering_group: JSON.stringify(f.steeringGroup), updated_at: now })
      .execute();
    for (const s of project.spinOffs)
      await trx.insertInto('spin_off_effects').values({ space_id: spaceId, date: isoDate(daysAgo(now, s.daysAgo)), text: s.text, source: s.source, created_by: null, created_at: now }).execute();
  }
}
