import { randomUUID } from 'node:crypto';
import {
  eventInput,
  feedbackAnswerInput,
  feedbackChangeInput,
  feedbackFormInput,
  processInput,
  processStepPatch,
  processTemplateInput,
  projectFactsInput,
  projectGoalInput,
  spinOffInput,
  tickInput,
} from '@samhandling/contracts';
import { createSpaceGoal, createSpinOff, putSpaceFacts } from '../modules/dashboards/dashboard/dashboard.service.ts';
import { createEvent } from '../modules/dialogues/event/event.service.ts';
import { answerFeedbackForm, createFeedbackChange, createFeedbackForm } from '../modules/feedback/form/form.service.ts';
import { patchProcessStep, startProcess, tickProcessStep } from '../modules/processes/process/process.service.ts';
import { TALKO_TEMPLATE_ID } from '../modules/processes/template/talko.ts';
import { createProcessTemplate } from '../modules/processes/template/template.service.ts';
import { anonymous } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoDeps, demoUser } from './demo-context.ts';

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

const SECTORS = ['resident', 'public', 'private', 'civil_society'] as const;
const AGES = ['16_25', '26_64', '26_64', '65_plus'] as const;

/** Who leads each project's goals and facts. */
const LED_BY: Record<string, string> = {
  'TALKO Lappland': 'processledare@example.org',
  'Service i samverkan': 'processledare@example.org',
  'SÖK Samverkan Norrbotten': 'region@example.org',
  'Agenda 2030 – med civilsamhället som motor': 'region@example.org',
};

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
export async function seedDemoProcesses(deps: Deps, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const talko = spaceIds.get('TALKO Lappland')!;
  // TALKO's process leader runs the processes and the test sessions; each act at its date.
  const facilitator = demoContext(deps, await demoUser(deps, 'processledare@example.org'));
  const at = (when: Date) => demoDeps(deps, deps.db, when);
  const processIds = new Map<string, string>();
  for (const p of TALKO_PROCESSES) {
    const started = daysAgo(now, p.startedDaysAgo);
    const { id } = await startProcess(at(started), facilitator, talko, processInput.parse({ templateId: TALKO_TEMPLATE_ID, municipalityCode: p.code, startsOn: isoDate(started), name: 'TALKO – lokal utveckling i samverkan' }));
    processIds.set(p.code, id);
    for (const tick of p.ticked) await tickProcessStep(at(daysAgo(now, 14)), facilitator, id, tick.step, tickInput.parse({ done: true, note: tick.note }));
    if (p.responsible) await patchProcessStep(deps, facilitator, id, 'handover', processStepPatch.parse({ responsible: p.responsible }));
  }

  const formIds: string[] = [];
  for (const [i, session] of TEST_SESSIONS.entries()) {
    const startsAt = daysAgo(now, session.daysAgo);
    startsAt.setUTCHours(16, 0, 0, 0);
    const event = await createEvent(
      at(daysAgo(now, session.daysAgo + 30)),
      facilitator,
      talko,
      eventInput.parse({
        kind: 'test_session',
        title: `Testtillfälle: verktyget i ${session.place.split(', ').at(-1)}`,
        description: 'Arbetsgruppen prövar processen och verktyget och säger vad som ska ändras.',
        public: true,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        municipalityCode: session.code,
        placeName: session.place,
        capacity: 30,
        questions: [],
        agenda: [],
      }),
    );
    // The sessions share one form's questions (copied from the first), so they compare side by side.
    const form = await createFeedbackForm(
      at(daysAgo(now, session.daysAgo + 2)),
      facilitator,
      event.id,
      feedbackFormInput.parse({
        title: 'Återkoppling på TALKO-verktyget',
        intro: 'Fyra korta frågor om verktyget. Svaren är anonyma.',
        questions: QUESTIONS.map(({ scaleLabels, ...q }) => (scaleLabels ? { ...q, scaleLabels } : q)),
        processId: processIds.get(session.code),
        stepId: 'test-session',
        ...(formIds[0] ? { copyOf: formIds[0] } : {}),
      }),
    );
    formIds.push(form.id);
    for (const [j, score] of session.scores.entries()) {
      await answerFeedbackForm(
        at(new Date(startsAt.getTime() + 2 * 3_600_000 + j * 60_000)),
        demoContext(deps, anonymous),
        form.id,
        feedbackAnswerInput.parse({
          idempotencyKey: `demo-${i}-${j}-${randomUUID().slice(0, 8)}`,
          sector: SECTORS[j % SECTORS.length]!,
          ageGroup: AGES[j % AGES.length]!,
          answers: {
            nytta: score,
            enkelt: Math.max(1, Math.min(5, score + ((j % 3) - 1))),
            delar: j % 2 ? ['Processens steg', 'Inspel från byarna'] : ['Processens steg', 'Arbetsgruppens balans', 'Resultatsidan'],
            ...(session.texts[j] ? { battre: session.texts[j] } : {}),
          },
        }),
      );
    }
  }
  const changes = [
    { form: formIds[0]!, daysAgo: 60, change: 'Återkopplingsformuläret kortades från nio till fyra frågor.', reason: 'Testtillfället i Sorsele: deltagarna tyckte att formuläret var för långt.' },
    { form: formIds[2]!, daysAgo: 8, change: 'Checklistan för varje steg går att skriva ut.', reason: 'Testtillfället i Lycksele: arbetsgruppen ville ha checklistan på papper.' },
  ];
  for (const c of changes) {
    const when = daysAgo(now, c.daysAgo);
    await createFeedbackChange(at(when), facilitator, talko, feedbackChangeInput.parse({ date: isoDate(when), change: c.change, reason: c.reason, formId: c.form }));
  }

  await seedDemoTemplate(deps, spaceIds);

  for (const [name, project] of Object.entries(PROJECTS)) {
    const spaceId = spaceIds.get(name);
    if (!spaceId) continue;
    const leader = demoContext(deps, await demoUser(deps, LED_BY[name]!));
    for (const goal of project.goals) await createSpaceGoal(deps, leader, spaceId, projectGoalInput.parse(goal));
    const f = project.facts;
    await putSpaceFacts(deps, leader, spaceId, projectFactsInput.parse({ periodStart: f.periodStart, periodEnd: f.periodEnd, budget: f.budget, coFinanciers: f.coFinanciers, steeringGroup: f.steeringGroup }));
    for (const s of project.spinOffs) await createSpinOff(deps, leader, spaceId, spinOffInput.parse({ date: isoDate(daysAgo(now, s.daysAgo)), text: s.text, source: s.source }));
  }
}

/**
 * Service i samverkan's own process template, written as a leader writes one in the template
 * editor: the service-planning method of its eleven pilots, with material from the library.
 */
async function seedDemoTemplate(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const spaceId = spaceIds.get('Service i samverkan');
  if (!spaceId) return;
  const leader = demoContext(deps, await demoUser(deps, LED_BY['Service i samverkan']!));
  const item = async (title: string) => (await deps.db.selectFrom('library_items').select('id').where('title', '=', title).executeTakeFirst())?.id;
  const dialogue = await item('Bydialog om service – från behov till serviceplan');
  const servicePoint = await item('Servicepunkten i byns lanthandel');
  const material = (title: string, id: string | undefined) => (id ? [{ title, url: `/library/${id}`, libraryItemId: id }] : [{ title }]);
  const input = processTemplateInput.parse({
    spaceId,
    name: 'Serviceplanering i samverkan',
    description: 'Från kartläggning av kommunens service till en lokal servicelösning: så arbetar de elva pilotkommunerna, steg för steg.',
    phases: [
      {
        id: 'kartlaggning',
        title: 'Kartläggning',
        steps: [
          {
            id: 'inventering',
            title: 'Inventera service och samverkan',
            guidance: {
              what: 'Gå igenom servicepunkterna i kommunen (dagligvaror, drivmedel, post, apotek, betaltjänster) och vilka som samverkar kring dem.',
              why: 'Serviceplanen ska bygga på hur det ser ut i dag.',
              who: 'Processledaren med kommunens näringslivsfunktion.',
              duration: '4 veckor',
            },
            checklist: ['Servicepunkterna uppdaterade på kartan', 'Tillgänglighetsanalys körd', 'Samverkansparter listade'],
            material: material('Servicepunkten i byns lanthandel', servicePoint),
            criterion: null,
            dueAfterDays: 30,
          },
        ],
      },
      {
        id: 'behov',
        title: 'Byarnas behov',
        steps: [
          {
            id: 'bydialoger',
            title: 'Bydialoger om service',
            guidance: {
              what: 'Möt lokala utvecklingsgrupper och företag i byarna och samla deras servicebehov, unga och äldre inräknade.',
              why: 'Behoven ska komma från dem som bor och verkar i byarna.',
              who: 'Processledaren och byalagen.',
              duration: '6–8 veckor',
            },
            checklist: ['Minst tre bydialoger', 'Unga tillfrågade', 'Inspelen sorterade efter serviceslag'],
            material: material('Bydialog om service – från behov till serviceplan', dialogue),
            criterion: { kind: 'event_held', eventKind: 'village_forum' },
            dueAfterDays: 90,
          },
          {
            id: 'inspel',
            title: 'Minst 15 inspel om service',
            guidance: { what: 'Inspelen från dialogerna och formuläret förs in med plats och serviceslag.', why: 'Varje behov ska gå att följa till en åtgärd.', who: 'Processledaren.', duration: 'Löpande' },
            checklist: ['Papperssvar inmatade'],
            material: [],
            criterion: { kind: 'inputs_collected', min: 15 },
            dueAfterDays: 100,
          },
        ],
      },
      {
        id: 'plan',
        title: 'Serviceplan och servicelösning',
        steps: [
          {
            id: 'serviceplan',
            title: 'Kommunal serviceplan antagen',
            guidance: { what: 'Skriv serviceplanen med åtgärder, ansvar och tid och låt kommunfullmäktige anta den.', why: 'Planen gör behoven till beslut.', who: 'Kommunen med arbetsgruppen.', duration: '3 månader' },
            checklist: ['Samråd hållet', 'Antagen av fullmäktige'],
            material: [],
            criterion: { kind: 'action_plan_adopted' },
            dueAfterDays: 200,
          },
          {
            id: 'servicelosning',
            title: 'Lokal servicelösning i drift',
            guidance: { what: 'En servicepunkt eller annan lösning knuten till dagligvaror, drivmedel, post, apotek eller betaltjänster.', why: 'Det är resultatet byarna märker.', who: 'Butiken, kommunen och byalaget.', duration: '6 månader' },
            checklist: ['Avtal med butiken', 'Skyltning i byn'],
            material: [],
            criterion: null,
            dueAfterDays: 365,
          },
        ],
      },
    ],
  });
  await createProcessTemplate(deps, leader, input);
}
