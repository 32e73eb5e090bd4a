import { randomUUID } from 'node:crypto';
import { localityInput, servicePlanInput, servicePlanPatch } from '@samhandling/contracts';
import { createLocality } from '../modules/geography/locality/locality.service.ts';
import { createPlan, patchPlan } from '../modules/services/service-plan/service-plan.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoUser } from './demo-context.ts';

/**
 * Villages of Älvdalen the demo plan refers to, besides those the demo already has (positions and
 * rounded population approximate: demo values, not statistics; data/SOURCES.md).
 */
const EXTRA_LOCALITIES = [
  { name: 'Särna', lon: 13.134, lat: 61.693, population: 650 },
  { name: 'Evertsberg', lon: 13.955, lat: 61.133, population: 150 },
];

/**
 * A draft municipal service plan for Älvdalen in Service i samverkan, as a process leader would
 * start it: background, service levels for the main villages, goals and measures with the
 * organisations that take part. Texts are illustrative, not Älvdalen's actual plan.
 */
export async function seedDemoServicePlans(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const spaceId = spaceIds.get('Service i samverkan');
  if (!spaceId) return;
  const trx = deps.db;
  const admin = demoContext(deps, await demoUser(deps, 'admin@example.org'));
  for (const l of EXTRA_LOCALITIES) await createLocality(deps, admin, localityInput.parse({ name: l.name, municipalityCode: '2039', lon: l.lon, lat: l.lat, population: l.population }));
  const places = new Map((await trx.selectFrom('localities').select(['id', 'name']).where('municipality_code', '=', '2039').execute()).map((l) => [l.name, l.id]));
  const orgs = new Map(
    (await trx.selectFrom('organisations').select(['id', 'name']).where('name', 'in', ['Älvdalens kommun', 'Länsstyrelsen Dalarnas län', 'Hela Sverige ska leva Dalarna']).execute()).map((o) => [o.name, o.id]),
  );
  const org = (name: string) => (orgs.has(name) ? [orgs.get(name)!] : []);
  const place = (name: string) => places.get(name) ?? null;
  const goalReach = randomUUID();
  const goalNeeds = randomUUID();
  const levels = [
    { name: 'Älvdalen', level: 'service_town', services: ['groceries_full', 'post_agent', 'parcel_pickup', 'pharmacy_agent', 'cash_withdrawal', 'fuel', 'ev_charging', 'library', 'citizen_office'] },
    { name: 'Idre', level: 'service_node', services: ['groceries_full', 'parcel_pickup', 'pharmacy_agent', 'cash_withdrawal', 'fuel'] },
    { name: 'Särna', level: 'service_node', services: ['groceries_full', 'parcel_pickup', 'pharmacy_agent', 'fuel'] },
    { name: 'Evertsberg', level: 'service_point', services: ['groceries_partial', 'parcel_pickup'] },
  ].flatMap((l) => (place(l.name) ? [{ localityId: place(l.name)!, level: l.level as 'service_town' | 'service_node' | 'service_point', targetServices: l.services, note: '' }] : []));
  const content = {
    background:
      'Älvdalens kommun är till ytan en av Sveriges största kommuner, med långa avstånd mellan byarna. Servicen i byarna – dagligvaror, drivmedel, post och paket, apoteksombud och betaltjänster – är en förutsättning för att bo och verka här.\n\nPlanen tas fram i samverkan med byarnas utvecklingsgrupper, handlarna och Länsstyrelsen Dalarnas län inom Service i samverkan. Den bygger på dialoger i byarna och på en tillgänglighetsanalys av avstånden till service.',
    links: [
      { title: 'Regional serviceplan för Dalarnas län', url: null, note: 'Länsstyrelsen Dalarnas län' },
      { title: 'Översiktsplan för Älvdalens kommun', url: null, note: '' },
    ],
    levels,
    goals: [
      { id: goalReach, text: 'Ingen invånare ska ha mer än 30 minuter med bil till närmaste dagligvarubutik.', indicator: 'Andel invånare med mer än 30 minuter till dagligvaror' },
      { id: goalNeeds, text: 'Byarnas servicebehov ska samlas in och besvaras varje år.', indicator: 'Antal byar med dialog under året' },
    ],
    measures: [
      {
        id: randomUUID(),
        title: 'Lokal servicepunkt i Särna',
        description: 'Samla paketutlämning, apoteksombud och kontantuttag i byns butik.',
        localityId: place('Särna'),
        place: '',
        organisationIds: [...org('Älvdalens kommun'), ...org('Hela Sverige ska leva Dalarna')],
        startDate: '2026-03-01',
        endDate: '2026-12-31',
        costSek: 350000,
        status: 'planned',
        scenarioId: null,
        goalIds: [goalReach],
      },
      {
        id: randomUUID(),
        title: 'Paketombud i Idre livs',
        description: 'Butiken blir paketombud med stöd från kommunen, sedan det förra ombudet lagt ner (behov från bymötet i Idre).',
        localityId: place('Idre'),
        place: '',
        organisationIds: [...org('Älvdalens kommun')],
        startDate: '2026-02-01',
        endDate: '2026-09-30',
        costSek: 40000,
        status: 'planned',
        scenarioId: null,
        goalIds: [goalReach, goalNeeds],
      },
      {
        id: randomUUID(),
        title: 'Investeringsstöd till lanthandeln i Evertsberg',
        description: 'Stöd till kylar och frysar så att butiken kan hålla ett basutbud året runt.',
        localityId: place('Evertsberg'),
        place: '',
        organisationIds: [...org('Länsstyrelsen Dalarnas län'), ...org('Älvdalens kommun')],
        startDate: '2026-05-01',
        endDate: '2027-06-30',
        costSek: 180000,
        status: 'planned',
        scenarioId: null,
        goalIds: [goalReach],
      },
      {
        id: randomUUID(),
        title: 'Årliga servicedialoger i byarna',
        description: 'Möten med byarnas utvecklingsgrupper, unga och äldre om servicebehov.',
        localityId: null,
        place: 'Alla byar',
        organisationIds: [...org('Älvdalens kommun'), ...org('Hela Sverige ska leva Dalarna')],
        startDate: '2026-01-01',
        endDate: '2029-12-31',
        costSek: 60000,
        status: 'in_progress',
        scenarioId: null,
        goalIds: [goalNeeds],
      },
    ],
  };
  // The process leader starts the plan and writes its content, as on the plan's page.
  const leader = demoContext(deps, await demoUser(deps, 'processledare@example.org'));
  const plan = await createPlan(deps, leader, spaceId, servicePlanInput.parse({ title: 'Serviceplan för Älvdalens kommun 2026–2029', municipalityCode: '2039', periodStart: '2026-01-01', periodEnd: '2029-12-31' }));
  await patchPlan(deps, leader, plan.id, servicePlanPatch.parse(content));
}
