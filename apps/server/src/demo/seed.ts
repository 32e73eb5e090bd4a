import { randomBytes } from 'node:crypto';
import { localityInput, type SpaceKind, type SpaceRole } from '@samhandling/contracts';
import { anonymous } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Deps } from '../platform/deps.ts';
import { createUser } from '../modules/accounts/user/user.service.ts';
import { createLocality } from '../modules/geography/locality/locality.service.ts';
import { insertMembership } from '../modules/spaces/membership/membership.repository.ts';
import { insertSpace, replaceSpaceMunicipalities } from '../modules/spaces/space/space.repository.ts';
import { takeAdvisoryLock } from '../modules/system/system.repository.ts';
import { demoContext, demoDeps, demoUser, joinTransaction } from './demo-context.ts';
import { seedDemoApiTokens } from './api-tokens.ts';
import { seedDemoActors } from './actors.ts';
import { seedDemoStewardship } from './stewardship.ts';
import { seedDemoServicePlans } from './service-plans.ts';
import { seedDemoServicePoints } from './service-points.ts';
import { seedDemoInputs } from './inputs.ts';
import { seedDemoGroupsEvents } from './groups-events.ts';
import { seedDemoBoard } from './board.ts';
import { seedDemoPrivacy } from './privacy.ts';
import { seedDemoAgendaLibrary } from './agenda-library.ts';
import { seedDemoAccessibility, seedDemoJoining, seedDemoProfiles } from './inviting.ts';
import { seedDemoModels } from './models.ts';
import { seedDemoNews } from './news.ts';
import { seedDemoAlliances } from './alliances.ts';
import { seedDemoAgreements } from './agreements.ts';
import { seedDemoProcesses } from './process.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoMaterial } from './material.ts';
import { seedDemoMapping } from './mapping.ts';

const NORRBOTTEN = ['2505', '2506', '2510', '2513', '2514', '2518', '2521', '2523', '2560', '2580', '2581', '2582', '2583', '2584'];
const VASTERBOTTEN = ['2401', '2403', '2404', '2409', '2417', '2418', '2421', '2422', '2425', '2460', '2462', '2463', '2480', '2481', '2482'];

interface DemoSpace {
  name: string;
  kind: SpaceKind;
  description: string;
  municipalityCodes: string[];
}

/** The four projects Samhandling grew from, with their real municipalities. */
export const DEMO_SPACES: DemoSpace[] = [
  {
    name: 'TALKO Lappland',
    kind: 'project',
    description:
      'Lokal utveckling genom samverkan mellan tre sektorer i byarna i åtta lappländska kommuner: en lokal arbetsgrupp per kommun (4 offentliga, 4 privata, 4 från civilsamhället och 1 ungdomsrepresentant), en ungdomsgrupp, uppstartsmöten och testtillfällen av verktyget i varje kommun.',
    municipalityCodes: ['2506', '2505', '2425', '2481', '2422', '2421', '2462', '2463'],
  },
  {
    name: 'Service i samverkan',
    kind: 'project',
    description:
      'Hela Sverige ska leva bygger en hållbar struktur för serviceplanering i elva pilotkommuner från Arvidsjaur till Älmhult: kartlägga service och samverkan, samla byarnas servicebehov, ta fram en kommunal serviceplan och en lokal servicelösning per kommun. (Demon visar fyra av pilotkommunerna.)',
    municipalityCodes: ['2505', '2039', '2085', '0765'],
  },
  {
    name: 'SÖK Samverkan Norrbotten',
    kind: 'regional',
    description:
      'Region Norrbotten, Länsstyrelsen Norrbotten och Samforma kartlägger dagens samverkan mellan offentlig sektor och civilsamhälle, håller kunskapsdialoger och tar fram en överenskommelse och en handlingsplan.',
    municipalityCodes: NORRBOTTEN,
  },
  {
    name: 'Agenda 2030 – med civilsamhället som motor',
    kind: 'alliance',
    description:
      'Samforma stärker kunskapen om Agenda 2030 i den ideella sektorn i Norrbotten och Västerbotten och bygger strukturer för gemensamma insatser: tematiska mötesformer, nya samverkansmetoder och allianser.',
    municipalityCodes: [...NORRBOTTEN, ...VASTERBOTTEN],
  },
];

/** Clearly fictional people (example.org addresses are reserved for examples). */
const DEMO_USERS: { email: string; name: string; isAdmin: boolean; roles: [string, SpaceRole][] }[] = [
  { email: 'admin@example.org', name: 'Demo Administratör', isAdmin: true, roles: [] },
  {
    email: 'processledare@example.org',
    name: 'Demo Processledare (fiktiv)',
    isAdmin: false,
    roles: [
      ['TALKO Lappland', 'space_admin'],
      ['Service i samverkan', 'facilitator'],
    ],
  },
  {
    email: 'byalag@example.org',
    name: 'Demo Byalagsmedlem (fiktiv)',
    isAdmin: false,
    roles: [
      ['TALKO Lappland', 'member'],
      ['Agenda 2030 – med civilsamhället som motor', 'member'],
    ],
  },
  {
    email: 'region@example.org',
    name: 'Demo Regional samordnare (fiktiv)',
    isAdmin: false,
    roles: [
      ['SÖK Samverkan Norrbotten', 'space_admin'],
      ['Agenda 2030 – med civilsamhället som motor', 'space_admin'],
      ['Service i samverkan', 'observer'],
    ],
  },
];

/** Villages in the demo municipalities; positions approximate, populations left out. */
/**
 * The demo's villages and towns with ROUNDED, APPROXIMATE population figures: demo values so that
 * "Använd orterna" (an analysis from the localities) works, not statistics (data/SOURCES.md).
 */
export const DEMO_LOCALITIES: { name: string; municipalityCode: string; lon: number; lat: number; population: number }[] = [
  { name: 'Sorsele', municipalityCode: '2422', lon: 17.534, lat: 65.535, population: 1200 },
  { name: 'Ammarnäs', municipalityCode: '2422', lon: 16.208, lat: 65.958, population: 200 },
  { name: 'Blattnicksele', municipalityCode: '2422', lon: 17.583, lat: 65.338, population: 100 },
  { name: 'Arjeplog', municipalityCode: '2506', lon: 17.887, lat: 66.051, population: 1900 },
  { name: 'Slagnäs', municipalityCode: '2506', lon: 18.178, lat: 65.588, population: 100 },
  { name: 'Åsele', municipalityCode: '2463', lon: 17.355, lat: 64.161, population: 1800 },
  { name: 'Älvdalen', municipalityCode: '2039', lon: 14.038, lat: 61.226, population: 1800 },
  { name: 'Idre', municipalityCode: '2039', lon: 12.717, lat: 61.857, population: 750 },
  { name: 'Ludvika', municipalityCode: '2085', lon: 15.187, lat: 60.149, population: 14500 },
  { name: 'Grängesberg', municipalityCode: '2085', lon: 14.994, lat: 60.078, population: 3400 },
  { name: 'Fredriksberg', municipalityCode: '2085', lon: 14.379, lat: 60.137, population: 400 },
  { name: 'Älmhult', municipalityCode: '0765', lon: 14.139, lat: 56.551, population: 10000 },
  { name: 'Diö', municipalityCode: '0765', lon: 14.215, lat: 56.633, population: 700 },
  { name: 'Arvidsjaur', municipalityCode: '2505', lon: 19.168, lat: 65.592, population: 4500 },
  { name: 'Glommersträsk', municipalityCode: '2505', lon: 19.633, lat: 65.262, population: 300 },
];

export interface DemoResult {
  seeded: boolean;
  credentials: { email: string; password: string; name: string; isAdmin: boolean }[];
}

/** Fills an empty database (no users, no spaces) with the demo; does nothing otherwise. */
export async function seedDemo(deps: Deps, options: { password?: string } = {}): Promise<DemoResult> {
  const password = options.password ?? randomBytes(9).toString('base64url');
  const now = deps.clock.now();
  const seeded = await deps.db.transaction().execute(async (trx) => {
    // Several instances may start at once on an empty database: one seeds, the others see it done.
    await takeAdvisoryLock(trx, 'samhandling.demo-seed');
    const users = await trx.selectFrom('users').select('id').limit(1).execute();
    const spaces = await trx.selectFrom('spaces').select('id').limit(1).execute();
    if (users.length > 0 || spaces.length > 0) return null;
    // Through the services, in this transaction, with the clock stopped at `now` (demo-context.ts).
    const demo = demoDeps(deps, joinTransaction(trx), now);
    const spaceIds = new Map<string, string>();
    for (const space of DEMO_SPACES) {
      // The service makes a space's creator its leader; the demo's spaces have no creator, their people come next.
      const { id } = await insertSpace(trx, { name: space.name, description: space.description, kind: space.kind, visibility: 'public', joinPolicy: 'invitation', goals: [], targets: [], createdBy: null, now });
      spaceIds.set(space.name, id);
      await replaceSpaceMunicipalities(trx, id, space.municipalityCodes);
    }
    for (const user of DEMO_USERS) {
      const { id } = await createUser(demo, { actor: anonymous, requestId: null }, { email: user.email, name: user.name, password, isAdmin: user.isAdmin, language: 'sv' });
      // People join a space by invitation (a mail to accept); the demo's people are members from the start.
      for (const [spaceName, role] of user.roles) await insertMembership(trx, spaceIds.get(spaceName)!, id, role, now);
    }
    const admin = demoContext(deps, await demoUser(demo, 'admin@example.org'));
    // API tokens with scopes on the admin's account
    await seedDemoApiTokens(demo, now);
    await seedDemoActors(demo, spaceIds);
    // organisation stewardship: representatives and a suggestion waiting for them
    await seedDemoStewardship(demo);
    // service points (helper A)
    await seedDemoServicePoints(demo, spaceIds);
    await seedDemoGroupsEvents(demo, spaceIds, now);
    // live workshop boards
    await seedDemoBoard(demo, spaceIds);
    for (const l of DEMO_LOCALITIES) await createLocality(demo, admin, localityInput.parse({ name: l.name, municipalityCode: l.municipalityCode, lon: l.lon, lat: l.lat, population: l.population }));
    await seedDemoServicePlans(demo, spaceIds);
    // inputs: needs and ideas in the four spaces, some followed to their answer
    await seedDemoInputs(demo, spaceIds, now);
    // people's data: a member's input and registration to download, a withdrawn consent
    await seedDemoPrivacy(demo, spaceIds, now);
    // news (Aktuellt) in the four projects, and some followers
    await seedDemoNews(trx, spaceIds, now);
    // agreements: SÖK's collaboration agreement, two of three parties adopted
    await seedDemoAgreements(demo, spaceIds, now);
    // Agenda 2030 down to the target and the knowledge library
    await seedDemoAgendaLibrary(demo, spaceIds);
    // guided processes, test-session feedback, project goals and facts (issue 12)
    await seedDemoProcesses(demo, spaceIds, now);
    // action plans: SÖK's plan with five measures and indicators, TALKO Sorsele's local plan answering inputs
    await seedDemoPlans(trx, deps, spaceIds);
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId: null }, {
      action: 'demo.seed',
      resourceType: 'system',
      resourceId: null,
      details: { spaces: DEMO_SPACES.length, users: DEMO_USERS.length },
    });
    return spaceIds;
  });
  if (!seeded) return { seeded: false, credentials: [] };
  // A finished accessibility analysis with a saved scenario (made through the services, after the rest is in).
  try {
    await seedDemoAccessibility(deps);
  } catch (error) {
    console.warn('demo: the accessibility analysis could not be made:', error);
  }
  // How people join each project's space, and a request waiting for Service i samverkan's leaders (issue 13 §2).
  await seedDemoJoining(deps, seeded);
  // The demo people's profiles, shown as each chose (everyone, members of shared spaces).
  await seedDemoProfiles(deps);
  // collaboration models, through their services (which open their own transactions)
  await seedDemoModels(deps);
  // Alliances, joint initiatives and volunteers: through their services (each opens its own transaction), after the rest is committed.
  await seedDemoAlliances(deps, seeded);
  // Library files and "used in" links, event documents (stored under DATA_DIR/uploads like uploads).
  await seedDemoMaterial(deps, seeded);
  // TALKO Lappland's network at the project start, and its mapping survey with answers.
  await seedDemoMapping(deps, seeded);
  return { seeded: true, credentials: DEMO_USERS.map((u) => ({ email: u.email, password, name: u.name, isAdmin: u.isAdmin })) };
}
