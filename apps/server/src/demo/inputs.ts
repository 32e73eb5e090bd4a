import { inputPatch } from '@samhandling/contracts';
import { recordPlannedBeforeMeasures } from '../modules/dialogues/input/input.repository.ts';
import { createInputs, patchInput, type NewInputItem } from '../modules/dialogues/input/input.service.ts';
import { anonymous } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoDeps, demoUser } from './demo-context.ts';

const DAY = 86_400_000;

interface DemoInput {
  space: string;
  daysAgo: number;
  locality?: string;
  item: Omit<NewInputItem, 'localityId'>;
  /** Later status changes: days after creation, status, reason, plan reference. */
  history?: [number, 'being_assessed' | 'planned' | 'done' | 'declined', string, { id: string; label: string }?][];
}

/** Fictional but typical needs and ideas in the four demo spaces, some followed to their answer. */
const DEMO_INPUTS: DemoInput[] = [
  {
    space: 'Service i samverkan',
    daysAgo: 60,
    locality: 'Idre',
    item: {
      text: 'Paketombudet i Idre har lagt ner. Vi behöver ett ställe i byn där vi kan hämta och lämna paket – i dag är det fyra mil till närmaste ombud.',
      kind: 'need',
      theme: 'service',
      serviceType: 'post',
      goals: [9, 11],
      source: 'form',
      submitterSector: 'resident',
      submitterAgeGroup: '65_plus',
    },
    history: [
      [5, 'being_assessed', 'Togs upp på bymötet i Idre och i kommunens arbetsgrupp för service.'],
      [30, 'planned', 'Butiken i Idre kan bli paketombud med stöd från kommunen.', { id: 'demo-serviceplan-alvdalen-1', label: 'Serviceplan Älvdalen (utkast): paketombud i Idre livs' }],
    ],
  },
  {
    space: 'Service i samverkan',
    daysAgo: 40,
    locality: 'Älvdalen',
    item: {
      text: 'Det går inte längre att ta ut kontanter eller sätta in dagskassan i byn sedan bankkontoret stängde.',
      kind: 'need',
      theme: 'service',
      serviceType: 'payment',
      goals: [8, 10],
      source: 'facilitator',
      channel: 'meeting',
      submitterSector: 'private',
      submitterAgeGroup: '26_64',
    },
    history: [[7, 'being_assessed', 'Kommunen för dialog med länsstyrelsen om stöd till betaltjänster.']],
  },
  {
    space: 'Service i samverkan',
    daysAgo: 12,
    item: {
      text: 'Macken i Grangärde hotas av nedläggning. Utan den blir det tre mil till närmaste drivmedel för oss som bor här.',
      kind: 'need',
      theme: 'service',
      serviceType: 'fuel',
      point: { lon: 14.99, lat: 60.26 },
      goals: [7, 11],
      source: 'facilitator',
      channel: 'paper',
      submitterSector: 'resident',
    },
  },
  {
    space: 'Service i samverkan',
    daysAgo: 90,
    item: {
      text: 'Låt hemtjänstens bilar ta med varor från butiken till de äldre i byarna.',
      kind: 'idea',
      theme: 'service',
      serviceType: 'groceries',
      municipalityCode: '2505',
      goals: [2, 3],
      source: 'form',
      submitterSector: 'resident',
      submitterAgeGroup: '65_plus',
    },
    history: [
      [10, 'being_assessed', 'Utreds tillsammans med omsorgsförvaltningen.'],
      [45, 'declined', 'Hemtjänstens bilar får enligt avtalet inte köra varor. Idén förs i stället vidare till arbetet med samlastning av varutransporter.'],
    ],
  },
  {
    space: 'TALKO Lappland',
    daysAgo: 20,
    locality: 'Ammarnäs',
    item: {
      text: 'En träffpunkt för unga i Ammarnäs – vi har ingenstans att vara på kvällarna och måste åka till Sorsele.',
      kind: 'idea',
      theme: 'culture_leisure',
      goals: [3, 10, 11],
      source: 'form',
      submitterSector: 'resident',
      submitterAgeGroup: '16_25',
    },
    history: [[6, 'being_assessed', 'Ungdomsgruppen och arbetsgruppen i Sorsele tar upp idén på nästa möte.']],
  },
  {
    space: 'TALKO Lappland',
    daysAgo: 8,
    locality: 'Slagnäs',
    item: {
      text: 'Bussen till Arjeplog går bara två dagar i veckan. Det räcker inte för den som ska till vårdcentralen eller jobba.',
      kind: 'need',
      theme: 'transport',
      goals: [3, 11],
      source: 'facilitator',
      channel: 'phone',
      submitterSector: 'resident',
      submitterAgeGroup: '65_plus',
    },
  },
  {
    space: 'TALKO Lappland',
    daysAgo: 120,
    locality: 'Åsele',
    item: {
      text: 'En matmarknad en lördag i månaden där byarnas odlare, jägare och bagare säljer direkt.',
      kind: 'idea',
      theme: 'work_business',
      goals: [2, 8, 12],
      source: 'form',
      submitterSector: 'civil_society',
      submitterAgeGroup: '26_64',
    },
    history: [
      [14, 'planned', 'Byaföreningen och kommunen ordnar en första marknad.', { id: 'demo-talko-asele-2', label: 'Lokal handlingsplan Åsele: bymarknad' }],
      [80, 'done', 'Första marknaden hölls i juni; den fortsätter varje månad under sommaren.'],
    ],
  },
  {
    space: 'SÖK Samverkan Norrbotten',
    daysAgo: 30,
    item: {
      text: 'Ett gemensamt kalendarium för föreningarnas och kommunernas dialogmöten, så att vi inte krockar och kan gå på varandras.',
      kind: 'idea',
      theme: 'democracy_participation',
      municipalityCode: '2580',
      goals: [16, 17],
      source: 'form',
      submitterSector: 'civil_society',
    },
    history: [[9, 'planned', 'Ingår i förslaget till handlingsplan.', { id: 'demo-sok-handlingsplan-3', label: 'Handlingsplan SÖK (förslag): gemensam mötesplanering' }]],
  },
  {
    space: 'SÖK Samverkan Norrbotten',
    daysAgo: 4,
    item: {
      text: 'Föreningarna behöver veta vem på regionen och länsstyrelsen de ska kontakta i olika frågor.',
      kind: 'need',
      theme: 'democracy_participation',
      municipalityCode: '2581',
      goals: [16, 17],
      source: 'form',
      submitterSector: 'civil_society',
      submitterAgeGroup: '26_64',
    },
  },
  {
    space: 'Agenda 2030 – med civilsamhället som motor',
    daysAgo: 15,
    item: {
      text: 'Klädbytardagar i bygdegårdarna, ihop med en kväll om hållbar konsumtion.',
      kind: 'idea',
      theme: 'nature_environment',
      municipalityCode: '2482',
      goals: [12, 13],
      source: 'form',
      submitterSector: 'civil_society',
      submitterAgeGroup: '16_25',
    },
  },
  {
    space: 'Agenda 2030 – med civilsamhället som motor',
    daysAgo: 100,
    item: {
      text: 'Studiecirklar om Agenda 2030 för byalag och föreningsstyrelser, på kvällstid och på distans.',
      kind: 'need',
      theme: 'school_education',
      municipalityCode: '2480',
      goals: [4, 17],
      source: 'facilitator',
      channel: 'meeting',
      submitterSector: 'civil_society',
    },
    history: [
      [20, 'planned', 'Studieförbundet tar fram en cirkel.', { id: 'demo-a2030-aktivitet-1', label: 'Aktivitetsplan Agenda 2030: studiecirkel för föreningar' }],
      [75, 'done', 'Tre cirklar har hållits under våren, två på distans.'],
    ],
  },
];

/** Leaders who follow up each space's inputs. */
const TRIAGED_BY: Record<string, string> = {
  'Service i samverkan': 'processledare@example.org',
  'TALKO Lappland': 'processledare@example.org',
  'SÖK Samverkan Norrbotten': 'region@example.org',
  'Agenda 2030 – med civilsamhället som motor': 'region@example.org',
};

export async function seedDemoInputs(deps: Deps, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const localities = await deps.db.selectFrom('localities').select(['id', 'name']).execute();
  const localityId = new Map(localities.map((l) => [l.name, l.id]));
  for (const demo of DEMO_INPUTS) {
    const spaceId = spaceIds.get(demo.space)!;
    const created = new Date(now.getTime() - demo.daysAgo * DAY);
    const [first] = await createInputs(deps.db, { actor: anonymous, requestId: null, clock: { now: () => created } }, spaceId, [
      { ...demo.item, ...(demo.locality ? { localityId: localityId.get(demo.locality)! } : {}) },
    ]);
    const id = first!.id;
    const leader = demoContext(deps, await demoUser(deps, TRIAGED_BY[demo.space]!));
    for (const [days, next, reason, plannedRef] of demo.history ?? []) {
      const at = new Date(created.getTime() + days * DAY);
      if (plannedRef) {
        // Planned has pointed at a measure since issue 10; these were planned earlier, with the plan's name for reference.
        await recordPlannedBeforeMeasures(deps.db, id, { at, reason, ref: plannedRef });
        continue;
      }
      await patchInput(demoDeps(deps, deps.db, at), leader, id, inputPatch.parse({ status: next, reason }));
    }
  }
}
