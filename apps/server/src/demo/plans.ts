import type { TargetCode } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createInputs, planInputWithMeasure } from '../modules/dialogues/input/input.service.ts';
import { writeActionPlan } from '../modules/plans/action-plan/action-plan.service.ts';
import { addIndicator, writeIndicatorValue } from '../modules/plans/indicator/indicator.service.ts';
import { writeMeasure } from '../modules/plans/measure/measure.service.ts';
import { anonymous, type RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';

const TALKO = 'TALKO Lappland';
const SOK = 'SÖK Samverkan Norrbotten';

interface DemoMeasure {
  title: string;
  description: string;
  goal: number;
  responsible: string;
  participants: { organisation: string; what: string; hours?: number; moneySek?: number; youth?: boolean }[];
  municipalityCode?: string;
  locality?: string;
  place?: string;
  startDate: string;
  endDate: string;
  milestones: { title: string; date: string; done?: boolean }[];
  budgetSek?: number;
  funding?: { source: string; amountSek?: number }[];
  status: 'planned' | 'ongoing' | 'done' | 'paused';
  statusReason?: string;
  goals: number[];
  targets: TargetCode[];
  indicator?: { name: string; unit: string; baseline: [number, string]; target: [number, string]; values: [number, string, string][] };
  /** The demo input (by the start of its text) the measure answers. */
  answers?: string;
}

/** SÖK's action plan under the agreement: what each party commits to, 2026–2027 (written for the demo). */
const SOK_MEASURES: DemoMeasure[] = [
  {
    title: 'Kunskapsdialoger mellan parterna två gånger per termin',
    description: 'Region, länsstyrelse och civilsamhälle möts kring ett aktuellt tema – folkhälsa, beredskap, integration – och för det som kommer fram vidare till respektive organisation.',
    goal: 0,
    responsible: 'Samforma',
    participants: [
      { organisation: 'Region Norrbotten', what: 'Värdskap och lokaler i Luleå', hours: 80 },
      { organisation: 'Länsstyrelsen i Norrbottens län', what: 'Medverkar med sakkunniga per tema', hours: 60 },
    ],
    place: 'Luleå och digitalt',
    startDate: '2026-01-15',
    endDate: '2027-12-15',
    milestones: [
      { title: 'Vårens första dialog: folkhälsa', date: '2026-03-12', done: true },
      { title: 'Höstens dialog: civil beredskap', date: '2026-10-08', done: true },
      { title: 'Sammanställning till styrgruppen', date: '2027-01-31' },
    ],
    budgetSek: 180_000,
    funding: [{ source: 'Region Norrbotten, verksamhetsbidrag', amountSek: 120_000 }, { source: 'Länsstyrelsen, 2:1-medel', amountSek: 60_000 }],
    status: 'ongoing',
    goals: [16, 17],
    targets: ['16.7', '17.17'],
    indicator: { name: 'Genomförda kunskapsdialoger', unit: 'st', baseline: [1, '2025-12-31'], target: [8, '2027-12-31'], values: [[2, '2026-06-30', 'Minnesanteckningar'], [3, '2026-10-31', 'Minnesanteckningar']] },
  },
  {
    title: 'Gemensam mötesplanering i länets kommuner',
    description: 'En gemensam kalender och turordning så att föreningar i de fjorton kommunerna möter regionen och länsstyrelsen på hemmaplan i stället för att resa till Luleå.',
    goal: 0,
    responsible: 'Region Norrbotten',
    participants: [{ organisation: 'Norrbottens bildningsförbund', what: 'Samordnar studieförbundens lokaler i kommunerna', hours: 120 }],
    startDate: '2026-02-01',
    endDate: '2027-06-30',
    milestones: [
      { title: 'Kalendern publicerad', date: '2026-04-01', done: true },
      { title: 'Möten i alla fjorton kommuner', date: '2027-06-30' },
    ],
    budgetSek: 90_000,
    funding: [{ source: 'Region Norrbotten', amountSek: 90_000 }],
    status: 'ongoing',
    goals: [11, 16],
    targets: ['16.7'],
    indicator: { name: 'Kommuner där ett gemensamt möte hållits', unit: 'kommuner', baseline: [3, '2025-12-31'], target: [14, '2027-06-30'], values: [[5, '2026-04-30', 'Mötesplaneringen'], [7, '2026-08-31', 'Mötesplaneringen'], [9, '2026-11-30', 'Mötesplaneringen']] },
    answers: 'Gemensam planering',
  },
  {
    title: 'Kompetensutveckling för föreningarnas styrelser',
    description: 'Kurser i föreningskunskap, ekonomi och ansökningar, på folkhögskolan och på distans.',
    goal: 1,
    responsible: 'Norrbottens bildningsförbund',
    participants: [{ organisation: 'Sunderby folkhögskola', what: 'Kursledare och lokaler', hours: 200, moneySek: 40_000 }],
    place: 'Sunderbyn och digitalt',
    startDate: '2026-03-01',
    endDate: '2027-11-30',
    milestones: [
      { title: 'Första kursomgången', date: '2026-04-20', done: true },
      { title: 'Distansomgång för inlandet', date: '2027-02-15' },
    ],
    budgetSek: 240_000,
    funding: [{ source: 'Folkbildningsrådet', amountSek: 160_000 }, { source: 'Egen insats', amountSek: 80_000 }],
    status: 'ongoing',
    goals: [4, 17],
    targets: ['4.4'],
    indicator: { name: 'Deltagare i utbildningarna', unit: 'personer', baseline: [0, '2025-12-31'], target: [300, '2027-11-30'], values: [[45, '2026-05-31', 'Kursregister'], [110, '2026-09-30', 'Kursregister'], [160, '2026-11-30', 'Kursregister']] },
  },
  {
    title: 'Idéburet offentligt partnerskap: vägledning och två piloter',
    description: 'En gemensam vägledning för IOP i Norrbotten och två piloter där en kommun och en förening provar formen.',
    goal: 1,
    responsible: 'Länsstyrelsen i Norrbottens län',
    participants: [
      { organisation: 'Samforma', what: 'Förankrar vägledningen hos föreningarna', hours: 100 },
      { organisation: 'Region Norrbotten', what: 'Juridiskt stöd', hours: 40 },
    ],
    startDate: '2026-04-01',
    endDate: '2027-09-30',
    milestones: [
      { title: 'Vägledningen på remiss', date: '2026-09-01', done: true },
      { title: 'Första piloten startar', date: '2027-01-15' },
    ],
    budgetSek: 150_000,
    funding: [{ source: 'Länsstyrelsen', amountSek: 150_000 }],
    status: 'ongoing',
    goals: [17],
    targets: ['17.17'],
    indicator: { name: 'Påbörjade IOP-piloter', unit: 'st', baseline: [0, '2025-12-31'], target: [2, '2027-09-30'], values: [[0, '2026-06-30', 'Styrgruppens protokoll'], [1, '2026-11-30', 'Styrgruppens protokoll']] },
  },
  {
    title: 'Följeforskning om samverkan mellan sektorerna',
    description: 'Forskare följer samverkan och återkopplar vad som fungerar, i en delrapport och en slutrapport.',
    goal: 0,
    responsible: 'Luleå tekniska universitet',
    participants: [{ organisation: 'Samforma', what: 'Intervjupersoner och enkätutskick', hours: 30 }],
    startDate: '2026-09-01',
    endDate: '2027-12-31',
    milestones: [
      { title: 'Delrapport', date: '2027-03-31' },
      { title: 'Slutrapport', date: '2027-12-31' },
    ],
    budgetSek: 300_000,
    funding: [{ source: 'Forskningsanslag (sökt)' }],
    status: 'planned',
    goals: [17],
    targets: ['17.17'],
    indicator: { name: 'Organisationer som svarat på enkäten', unit: 'st', baseline: [0, '2026-08-31'], target: [120, '2027-10-31'], values: [[34, '2026-11-30', 'Enkätverktyget']] },
  },
];

/** TALKO's local action plan for Sorsele: three measures that answer the villages' inputs. */
const SORSELE_MEASURES: DemoMeasure[] = [
  {
    title: 'Ungdomarnas träffpunkt i Ammarnäs',
    description: 'Två kvällar i veckan i bygdegården, med unga som själva planerar verksamheten.',
    goal: 0,
    responsible: 'Sorsele kommun',
    participants: [
      { organisation: 'Studieförbundet Vuxenskolan', what: 'Ledare och studiecirklar för unga', hours: 150, youth: true },
      { organisation: 'Bygdegårdarnas Riksförbund', what: 'Lokalen i Ammarnäs bygdegård', moneySek: 12_000 },
    ],
    locality: 'Ammarnäs',
    place: 'Ammarnäs bygdegård',
    startDate: '2027-01-10',
    endDate: '2027-12-15',
    milestones: [{ title: 'Första kvällen', date: '2027-01-21' }],
    budgetSek: 60_000,
    funding: [{ source: 'Sorsele kommun, fritidsnämnden', amountSek: 40_000 }, { source: 'Allmänna arvsfonden (sökt)' }],
    status: 'planned',
    goals: [3, 10, 11],
    targets: ['11.7'],
    indicator: { name: 'Unga som besöker träffpunkten', unit: 'personer per vecka', baseline: [0, '2026-12-31'], target: [15, '2027-12-15'], values: [] },
    answers: 'En träffpunkt för unga i Ammarnäs',
  },
  {
    title: 'Anropsstyrd trafik mellan byarna och Sorsele',
    description: 'Närtrafik som bokas dagen före, som komplement till linjebussen de dagar den inte går.',
    goal: 1,
    responsible: 'Sorsele kommun',
    participants: [{ organisation: 'Coompanion', what: 'Stöd till en kooperativ taxilösning', hours: 40 }],
    municipalityCode: '2422',
    startDate: '2026-11-01',
    endDate: '2027-10-31',
    milestones: [
      { title: 'Avtal med trafikföretag', date: '2027-01-31' },
      { title: 'Första bokningsbara resan', date: '2027-03-01' },
    ],
    budgetSek: 200_000,
    funding: [{ source: 'Länstrafiken', amountSek: 150_000 }, { source: 'Sorsele kommun', amountSek: 50_000 }],
    status: 'ongoing',
    goals: [3, 11],
    targets: ['11.2'],
    answers: 'Bussen till Arjeplog',
  },
  {
    title: 'Paketombud i Blattnicksele',
    description: 'Byns lanthandel blir ombud för paket och apoteksvaror.',
    goal: 1,
    responsible: 'Coompanion',
    participants: [{ organisation: 'Sorsele kommun', what: 'Näringslivsstöd till lanthandeln', moneySek: 25_000 }],
    locality: 'Blattnicksele',
    startDate: '2026-10-01',
    endDate: '2027-04-30',
    milestones: [{ title: 'Avtal med ombudsföretaget', date: '2027-02-28' }],
    budgetSek: 25_000,
    funding: [{ source: 'Sorsele kommun', amountSek: 25_000 }],
    status: 'ongoing',
    goals: [9, 11],
    targets: ['9.1'],
    answers: 'Vi saknar ett paketombud i Blattnicksele',
  },
];

/** TALKO Storuman's draft local plan: not adopted yet, so the process step stays open. */
const STORUMAN_MEASURES: DemoMeasure[] = [
  {
    title: 'Servicepunkt i Tärnaby med post och apoteksombud',
    description: 'Lanthandeln i Tärnaby samlar paket, apoteksvaror och kontantuttag på ett ställe.',
    goal: 0,
    responsible: 'Storumans kommun',
    participants: [{ organisation: 'Coompanion', what: 'Affärsplan för lanthandeln', hours: 30 }],
    municipalityCode: '2421',
    startDate: '2027-02-01',
    endDate: '2027-09-30',
    milestones: [{ title: 'Beslut om stöd till lanthandeln', date: '2027-03-31' }],
    status: 'planned',
    goals: [9, 11],
    targets: ['9.1'],
  },
  {
    title: 'Bygdedialog om vinterväghållning',
    description: 'Byaföreningarna och kommunen går igenom vilka enskilda vägar som plogas och hur.',
    goal: 0,
    responsible: 'Storumans kommun',
    participants: [],
    municipalityCode: '2421',
    startDate: '2026-11-15',
    endDate: '2027-02-28',
    milestones: [],
    status: 'ongoing',
    goals: [11],
    targets: ['11.2'],
  },
];

/**
 * SÖK's action plan with five measures (each with a responsible party and an indicator with
 * values) and TALKO Sorsele's local action plan whose three measures answer demo inputs,
 * written through the plans module's services (issue 10 §4).
 */
export async function seedDemoPlans(trx: Kysely<Database>, deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const ctx: RequestContext = { actor: anonymous, language: 'sv', requestId: 'demo', ip: '127.0.0.1', userAgent: undefined, origin: '' };
  const organisations = new Map((await trx.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [o.name, o.id]));
  const localities = new Map((await trx.selectFrom('localities').select(['id', 'name']).execute()).map((l) => [l.name, l.id]));
  const orgId = (name: string) => {
    const id = organisations.get(name);
    if (!id) throw new Error(`demo plans: no organisation ${name}`);
    return id;
  };

  const talko = spaceIds.get(TALKO)!;
  // A need raised at the Sorsele kick-off that the third measure answers.
  await createInputs(trx, { actor: anonymous, requestId: null, clock: deps.clock }, talko, [
    {
      text: 'Vi saknar ett paketombud i Blattnicksele – i dag hämtar vi paket i Sorsele, fem mil bort.',
      kind: 'need',
      theme: 'service',
      serviceType: 'post',
      goals: [9, 11],
      localityId: localities.get('Blattnicksele') ?? null,
      source: 'facilitator',
      channel: 'meeting',
      submitterSector: 'resident',
      submitterAgeGroup: '26_64',
    },
  ]);

  // SÖK's plan carries out SÖK's agreement (demo/agreements.ts, seeded before the plans).
  const sokAgreement = await trx.selectFrom('agreements').select('id').where('space_id', '=', spaceIds.get(SOK)!).orderBy('created_at').executeTakeFirst();
  const plans: [string, Parameters<typeof writeActionPlan>[4], DemoMeasure[]][] = [
    [
      SOK,
      {
        title: 'Handlingsplan för samverkan i Norrbotten 2026–2027',
        agreementId: sokAgreement?.id ?? null,
        summary: 'Vad Region Norrbotten, Länsstyrelsen i Norrbottens län och civilsamhället genom Samforma åtar sig för att förverkliga överenskommelsen. Följs upp varje år i styrgruppen.',
        status: 'active',
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
        goals: [
          { title: 'Fördjupad dialog och samverkan mellan sektorerna', description: 'Parterna möts regelbundet och på hemmaplan i hela länet.' },
          { title: 'Ett starkare civilsamhälle i hela länet', description: 'Föreningarna har kunskap och former för att vara en jämbördig part.' },
        ],
        links: [
          { title: 'Regional utvecklingsstrategi för Norrbotten', url: 'https://www.norrbotten.se/sv/Utveckling-och-tillvaxt/Regional-utvecklingsstrategi/' },
          { title: 'Agenda 2030 – regeringens handlingsplan', url: 'https://www.regeringen.se/' },
        ],
      },
      SOK_MEASURES,
    ],
    [
      TALKO,
      {
        title: 'Lokal handlingsplan Sorsele 2026–2027',
        summary: 'Den lokala arbetsgruppen i Sorsele har samlat byarnas behov och idéer och prioriterat tre åtgärder.',
        status: 'active',
        periodStart: '2026-10-01',
        periodEnd: '2027-12-31',
        goals: [
          { title: 'Unga vill och kan bo kvar i byarna', description: '' },
          { title: 'Vardagsservice och resor inom räckhåll', description: '' },
        ],
        links: [{ title: 'Översiktsplan för Sorsele kommun', url: 'https://www.sorsele.se/' }],
      },
      SORSELE_MEASURES,
    ],
    [
      TALKO,
      {
        title: 'Lokal handlingsplan Storuman 2027 (utkast)',
        summary: 'Utkast från arbetsgruppen i Storuman; antas när gruppen är fullständig.',
        status: 'draft',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        goals: [{ title: 'Service och mötesplatser i byarna', description: '' }],
        links: [],
      },
      STORUMAN_MEASURES,
    ],
  ];

  for (const [spaceName, planInput, measures] of plans) {
    const spaceId = spaceIds.get(spaceName)!;
    const planId = await writeActionPlan(trx, deps, ctx, spaceId, planInput);
    const goals = await trx.selectFrom('action_plan_goals').select('id').where('plan_id', '=', planId).orderBy('position').execute();
    for (const m of measures) {
      const measureId = await writeMeasure(
        trx,
        deps,
        ctx,
        { id: planId, spaceId },
        {
          title: m.title,
          description: m.description,
          goalId: goals[m.goal]!.id,
          responsibleOrganisationId: orgId(m.responsible),
          participants: m.participants.map((p) => ({ organisationId: orgId(p.organisation), what: p.what, hours: p.hours ?? null, moneySek: p.moneySek ?? null, youth: p.youth ?? false })),
          municipalityCode: m.municipalityCode ?? null,
          localityId: m.locality ? (localities.get(m.locality) ?? null) : null,
          place: m.place ?? '',
          startDate: m.startDate,
          endDate: m.endDate,
          milestones: m.milestones,
          budgetSek: m.budgetSek ?? null,
          funding: (m.funding ?? []).map((f) => ({ source: f.source, amountSek: f.amountSek ?? null })),
          goals: m.goals,
          targets: m.targets,
          links: [],
          status: m.status,
          ...(m.statusReason ? { statusReason: m.statusReason } : {}),
        },
      );
      if (m.indicator) {
        const i = m.indicator;
        const indicatorId = await addIndicator(trx, deps, ctx, { spaceId, measureId }, {
          name: i.name,
          unit: i.unit,
          baselineValue: i.baseline[0],
          baselineDate: i.baseline[1],
          targetValue: i.target[0],
          targetDate: i.target[1],
          direction: 'increase',
        });
        for (const [value, measuredOn, source] of i.values) await writeIndicatorValue(trx, deps, ctx, indicatorId, { value, measuredOn, source });
      }
      if (m.answers) {
        const input = await trx
          .selectFrom('inputs')
          .select('id')
          .where('space_id', '=', spaceId)
          .where('text', 'like', `${m.answers}%`)
          .where('status', 'in', ['received', 'being_assessed'])
          .executeTakeFirst();
        if (input) await planInputWithMeasure(trx, deps, ctx, input.id, measureId, 'Ingår i den lokala handlingsplanen.');
      }
    }
  }
}
