import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { createAnalysis, getAnalysisOrigins } from '../modules/services/analysis/analysis.service.ts';
import { populationFromLocalities } from '../modules/services/population/population.service.ts';
import { runScenario, scenarioThread } from '../modules/services/scenario/scenario.service.ts';
import { saveOwnProfile } from '../modules/accounts/profile/profile.service.ts';
import { joinSpace } from '../modules/spaces/join-request/join-request.service.ts';
import { patchSpace } from '../modules/spaces/space/space.service.ts';

const SERVICE = 'Service i samverkan';
const FACILITATOR = 'processledare@example.org';

/**
 * Issue 13 §3: the headline feature never dead-ends in the demo. Service i samverkan gets a
 * finished accessibility analysis from its localities (approximate demo population; straight
 * lines, since the demo imports no road network, and the analysis page says so) and one saved
 * scenario: what happens if the busiest grocery shop closes. Made through the services, as the
 * facilitator would; the analysis job runs here, before the server starts.
 */
async function demoContext(deps: Deps, email: string): Promise<RequestContext | null> {
  const user = await deps.db.selectFrom('users').select(['id', 'email', 'name', 'is_admin']).where('email', '=', email).executeTakeFirst();
  if (!user) return null;
  return {
    actor: { kind: 'user', user: { id: user.id, email: user.email, name: user.name, language: 'sv', isAdmin: user.is_admin }, via: 'session', sessionId: null },
    language: 'sv',
    requestId: randomUUID(),
    ip: '127.0.0.1',
    userAgent: 'samhandling demo',
    origin: deps.config.publicUrl ?? 'http://localhost:3000',
  };
}

/**
 * Issue 13 §2: the four projects say how people join. Agenda 2030's movement is open to anyone
 * signed in; Service i samverkan and SÖK take members on request, and the village member has asked
 * to join Service i samverkan (the facilitator finds the request under the space's members); TALKO
 * Lappland keeps to invitations. Through the services, as the space admins would set it.
 */
export async function seedDemoJoining(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const admin = await demoContext(deps, 'admin@example.org');
  const villager = await demoContext(deps, 'byalag@example.org');
  if (!admin || !villager) return;
  const policies: [string, 'open' | 'request' | 'invitation'][] = [
    ['Agenda 2030 – med civilsamhället som motor', 'open'],
    [SERVICE, 'request'],
    ['SÖK Samverkan Norrbotten', 'request'],
    ['TALKO Lappland', 'invitation'],
  ];
  for (const [name, joinPolicy] of policies) {
    const id = spaceIds.get(name);
    if (id) await patchSpace(deps, admin, id, { joinPolicy });
  }
  const service = spaceIds.get(SERVICE);
  if (service) {
    await joinSpace(deps, villager, service, {
      message: 'Jag sitter i byalaget i Särna och vill vara med när serviceplanen för Älvdalen tas fram – särskilt om ombudet för apotek och post.',
    });
  }
}

/** The demo people's profiles (fictional), each shown as its person chose; member lists link to them. */
export async function seedDemoProfiles(deps: Deps): Promise<void> {
  const profiles: [string, Parameters<typeof saveOwnProfile>[2]][] = [
    [
      'processledare@example.org',
      {
        organisation: 'Älvdalens kommun; processledare i Service i samverkan och TALKO Lappland',
        sector: 'public',
        municipalityCode: '2039',
        presentation: 'Leder byadialogerna i Idre, Särna och Älvdalen och arbetet med kommunens serviceplan. Hör gärna av dig om servicepunkter och ombud.',
        visibility: 'members',
      },
    ],
    [
      'byalag@example.org',
      {
        organisation: 'Ammarnäs byaförening',
        sector: 'civil_society',
        municipalityCode: '2422',
        presentation: 'Sitter i byaföreningens styrelse. Engagerad i bygdegården, snöskoterleden och i att behålla ombudet för post och apotek i byn.',
        visibility: 'everyone',
      },
    ],
    [
      'region@example.org',
      {
        organisation: 'Region Norrbotten, regional utveckling',
        sector: 'public',
        municipalityCode: '2580',
        presentation: 'Samordnar SÖK Samverkan Norrbotten och överenskommelsen mellan regionen, länsstyrelsen och civilsamhället.',
        visibility: 'members',
      },
    ],
  ];
  for (const [email, profile] of profiles) {
    const ctx = await demoContext(deps, email);
    if (ctx) await saveOwnProfile(deps, ctx, profile);
  }
}

export async function seedDemoAccessibility(deps: Deps): Promise<{ analysisId: string; scenarioId: string | null } | null> {
  const space = await deps.db.selectFrom('spaces').select('id').where('name', '=', SERVICE).executeTakeFirst();
  const user = await deps.db.selectFrom('users').select(['id', 'email', 'name', 'is_admin']).where('email', '=', FACILITATOR).executeTakeFirst();
  if (!space || !user) return null;
  const ctx: RequestContext = {
    actor: { kind: 'user', user: { id: user.id, email: user.email, name: user.name, language: 'sv', isAdmin: user.is_admin }, via: 'session', sessionId: null },
    language: 'sv',
    requestId: randomUUID(),
    ip: '127.0.0.1',
    userAgent: 'samhandling demo',
    origin: deps.config.publicUrl ?? 'http://localhost:3000',
  };
  const population = await populationFromLocalities(deps, ctx, space.id, { name: 'Orterna (ungefärliga demovärden)' });
  const { id: analysisId } = await createAnalysis(deps, ctx, space.id, {
    populationId: population.id,
    name: 'Nuläge 2026 – orterna, fågelvägen (demo)',
  });
  await deps.jobs.idle();
  const origins = await getAnalysisOrigins(deps, ctx, analysisId);
  const groceries = origins.types.indexOf('groceries');
  const served = new Map<string, number>();
  for (const origin of origins.origins) {
    const nearest = origin.times[groceries]?.[0];
    if (typeof nearest === 'string') served.set(nearest, (served.get(nearest) ?? 0) + origin.population);
  }
  const busiest = [...served.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const scenario = busiest ? await runScenario(deps, ctx, analysisId, { close: [busiest], open: [], move: [], name: 'Om den mest använda livsmedelsbutiken stänger' }) : null;
  // The scenario thread would keep `samhandling seed` from exiting; the server starts it again on first use.
  await scenarioThread.stop();
  return { analysisId, scenarioId: scenario?.id ?? null };
}
