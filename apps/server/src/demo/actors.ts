import { collaborationInput, organisationInput, personInput } from '@samhandling/contracts';
import type { LevelValue, SectorValue } from '../db/schema.ts';
import { createOrganisation } from '../modules/actors/organisation/organisation.service.ts';
import { recordCollaboration } from '../modules/actors/collaboration/collaboration.service.ts';
import { createPerson } from '../modules/actors/person/person.service.ts';
import { addSpaceOrganisation } from '../modules/actors/space-organisation/space-organisation.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoUser } from './demo-context.ts';

interface DemoOrganisation {
  key: string;
  name: string;
  sector: SectorValue;
  type: string;
  level: LevelValue;
  municipalityCode: string | null;
  website?: string;
  spaces: string[];
}

const TALKO = 'TALKO Lappland';
const SERVICE = 'Service i samverkan';
const SOK = 'SÖK Samverkan Norrbotten';
const AGENDA = 'Agenda 2030 – med civilsamhället som motor';

const municipality = (key: string, name: string, code: string, spaces: string[]): DemoOrganisation => ({
  key,
  name,
  sector: 'public',
  type: 'municipality',
  level: 'municipal',
  municipalityCode: code,
  spaces,
});

/**
 * The real organisations the four projects name. No organisation numbers: we do not invent
 * official data. The collaborations between them are marked as example data.
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  municipality('arjeplog', 'Arjeplogs kommun', '2506', [TALKO, SOK]),
  municipality('arvidsjaur', 'Arvidsjaurs kommun', '2505', [TALKO, SERVICE, SOK]),
  municipality('dorotea', 'Dorotea kommun', '2425', [TALKO]),
  municipality('lycksele', 'Lycksele kommun', '2481', [TALKO]),
  municipality('sorsele', 'Sorsele kommun', '2422', [TALKO]),
  municipality('storuman', 'Storumans kommun', '2421', [TALKO]),
  municipality('vilhelmina', 'Vilhelmina kommun', '2462', [TALKO]),
  municipality('asele', 'Åsele kommun', '2463', [TALKO]),
  municipality('alvdalen', 'Älvdalens kommun', '2039', [SERVICE]),
  municipality('ludvika', 'Ludvika kommun', '2085', [SERVICE]),
  municipality('almhult', 'Älmhults kommun', '0765', [SERVICE]),
  { key: 'region-nb', name: 'Region Norrbotten', sector: 'public', type: 'region', level: 'regional', municipalityCode: '2580', spaces: [SOK] },
  { key: 'lst-nb', name: 'Länsstyrelsen i Norrbottens län', sector: 'public', type: 'county_board', level: 'regional', municipalityCode: '2580', spaces: [SOK] },
  { key: 'lst-w', name: 'Länsstyrelsen Dalarnas län', sector: 'public', type: 'county_board', level: 'regional', municipalityCode: '2080', spaces: [SERVICE] },
  { key: 'samforma', name: 'Samforma', sector: 'civil_society', type: 'network', level: 'regional', municipalityCode: null, spaces: [SOK, AGENDA] },
  { key: 'hssl', name: 'Hela Sverige ska leva', sector: 'civil_society', type: 'network', level: 'national', municipalityCode: null, spaces: [SERVICE, AGENDA] },
  { key: 'hssl-nb', name: 'Hela Sverige ska leva Norrbotten', sector: 'civil_society', type: 'network', level: 'regional', municipalityCode: null, spaces: [SERVICE, AGENDA] },
  { key: 'hssl-vb', name: 'Hela Sverige ska leva Västerbotten', sector: 'civil_society', type: 'network', level: 'regional', municipalityCode: null, spaces: [TALKO, AGENDA] },
  { key: 'hssl-w', name: 'Hela Sverige ska leva Dalarna', sector: 'civil_society', type: 'network', level: 'regional', municipalityCode: null, spaces: [SERVICE] },
  { key: 'tillvaxtverket', name: 'Tillväxtverket', sector: 'public', type: 'state_agency', level: 'national', municipalityCode: null, spaces: [SERVICE] },
  // Service i samverkan's co-financiers (the project in Dalarna): issue 13 §3.
  { key: 'bygdegardarna', name: 'Bygdegårdarnas Riksförbund', sector: 'civil_society', type: 'association', level: 'national', municipalityCode: null, spaces: [SERVICE] },
  { key: 'hushallning', name: 'Hushållningssällskapet', sector: 'civil_society', type: 'association', level: 'regional', municipalityCode: null, spaces: [SERVICE] },
  { key: 'lrf', name: 'LRF', sector: 'civil_society', type: 'association', level: 'national', municipalityCode: null, spaces: [SERVICE] },
  { key: 'ltu', name: 'Luleå tekniska universitet', sector: 'academia', type: 'university', level: 'regional', municipalityCode: '2580', spaces: [SOK] },
  { key: 'coompanion', name: 'Coompanion', sector: 'civil_society', type: 'cooperative', level: 'national', municipalityCode: null, spaces: [TALKO, AGENDA] },
  { key: 'sv', name: 'Studieförbundet Vuxenskolan', sector: 'civil_society', type: 'study_association', level: 'national', municipalityCode: null, spaces: [TALKO, AGENDA] },
  { key: 'sunderby', name: 'Sunderby folkhögskola', sector: 'civil_society', type: 'folk_high_school', level: 'local', municipalityCode: '2580', spaces: [SOK] },
  { key: 'nbf', name: 'Norrbottens bildningsförbund', sector: 'civil_society', type: 'association', level: 'regional', municipalityCode: null, spaces: [SOK, AGENDA] },
  { key: 'skr', name: 'SKR – Sveriges Kommuner och Regioner', sector: 'public', type: 'other', level: 'national', municipalityCode: null, spaces: [] },
  // The private sector of the three-sector model: the local shop, the fuel station, a transport
  // company (fictional businesses, named as examples, in the projects' villages).
  { key: 'idre-lanthandel', name: 'Idre Lanthandel (exempel)', sector: 'private', type: 'company', level: 'local', municipalityCode: '2039', spaces: [SERVICE] },
  { key: 'ammarnas-bensin', name: 'Ammarnäs Bensin & Service (exempel)', sector: 'private', type: 'company', level: 'local', municipalityCode: '2422', spaces: [TALKO] },
  { key: 'fjalltransport', name: 'Fjälltransport i Arvidsjaur AB (exempel)', sector: 'private', type: 'company', level: 'municipal', municipalityCode: '2505', spaces: [SERVICE, SOK] },
  { key: 'grangesberg-livs', name: 'Grängesbergs Livs (exempel)', sector: 'private', type: 'company', level: 'local', municipalityCode: '2085', spaces: [SERVICE] },
  { key: 'sorsele-taxi', name: 'Sorsele Taxi & Buss (exempel)', sector: 'private', type: 'company', level: 'municipal', municipalityCode: '2422', spaces: [TALKO] },
];

/** Example collaborations (example_data = true): plausible ties for the demo, not a mapping. */
const DEMO_COLLABORATIONS: [string, string, string, string][] = [
  ['region-nb', 'lst-nb', 'formal_agreement', 'continuous'],
  ['region-nb', 'samforma', 'partnership', 'regular'],
  ['lst-nb', 'samforma', 'joint_project', 'regular'],
  ['samforma', 'nbf', 'network_membership', 'continuous'],
  ['samforma', 'sunderby', 'joint_project', 'occasional'],
  ['region-nb', 'ltu', 'partnership', 'regular'],
  ['arjeplog', 'region-nb', 'informal_contact', 'occasional'],
  ['hssl', 'hssl-nb', 'network_membership', 'continuous'],
  ['hssl', 'hssl-vb', 'network_membership', 'continuous'],
  ['hssl', 'hssl-w', 'network_membership', 'continuous'],
  ['tillvaxtverket', 'hssl', 'funding', 'regular'],
  ['hssl', 'arvidsjaur', 'joint_project', 'regular'],
  ['hssl', 'alvdalen', 'joint_project', 'regular'],
  ['hssl', 'ludvika', 'joint_project', 'regular'],
  ['hssl', 'almhult', 'joint_project', 'regular'],
  ['hssl-w', 'lst-w', 'partnership', 'occasional'],
  ['lst-w', 'alvdalen', 'informal_contact', 'occasional'],
  ['sorsele', 'storuman', 'partnership', 'regular'],
  ['lycksele', 'asele', 'informal_contact', 'occasional'],
  ['vilhelmina', 'dorotea', 'partnership', 'regular'],
  ['coompanion', 'sorsele', 'informal_contact', 'occasional'],
  ['sv', 'arjeplog', 'joint_project', 'occasional'],
  ['bygdegardarna', 'hssl-w', 'network_membership', 'regular'],
  ['bygdegardarna', 'alvdalen', 'funding', 'occasional'],
  ['lrf', 'ludvika', 'joint_project', 'occasional'],
  ['hushallning', 'lst-w', 'partnership', 'regular'],
  ['idre-lanthandel', 'alvdalen', 'formal_agreement', 'regular'],
  ['grangesberg-livs', 'ludvika', 'informal_contact', 'occasional'],
  ['fjalltransport', 'arvidsjaur', 'formal_agreement', 'continuous'],
  ['fjalltransport', 'idre-lanthandel', 'informal_contact', 'occasional'],
  ['ammarnas-bensin', 'sorsele', 'informal_contact', 'regular'],
  ['sorsele-taxi', 'sorsele', 'formal_agreement', 'continuous'],
  ['hssl-nb', 'samforma', 'partnership', 'regular'],
  ['hushallning', 'lrf', 'partnership', 'regular'],
];

/** Clearly fictional people of a TALKO working group, each with a (demo) consent. */
const DEMO_PEOPLE: { name: string; organisation: string; role: string; youth?: boolean; ageGroup: string }[] = [
  { name: 'Anna Exempel (fiktiv)', organisation: 'sorsele', role: 'näringslivsutvecklare', ageGroup: '26_64' },
  { name: 'Erik Testsson (fiktiv)', organisation: 'coompanion', role: 'rådgivare', ageGroup: '26_64' },
  { name: 'Lisa Demo (fiktiv)', organisation: 'hssl-vb', role: 'styrelseledamot', ageGroup: '65_plus' },
  { name: 'Unga Ungdomsrepresentant (fiktiv)', organisation: 'sv', role: 'ungdomsrepresentant', youth: true, ageGroup: '16_25' },
];

/**
 * Through the services, as the admin records the registry and TALKO's leader its working group: the
 * organisations and the spaces they take part in, the example collaborations, the people with consent.
 */
export async function seedDemoActors(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const admin = demoContext(deps, await demoUser(deps, 'admin@example.org'));
  const leader = demoContext(deps, await demoUser(deps, 'processledare@example.org'));
  const ids = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const { id } = await createOrganisation(deps, admin, organisationInput.parse({ name: org.name, sector: org.sector, type: org.type, level: org.level, municipalityCode: org.municipalityCode, description: '', tags: [] }));
    ids.set(org.key, id);
    for (const space of org.spaces) await addSpaceOrganisation(deps, admin, spaceIds.get(space)!, id);
  }
  for (const [left, right, type, frequency] of DEMO_COLLABORATIONS) {
    await recordCollaboration(deps, admin, collaborationInput.parse({ organisationIds: [ids.get(left)!, ids.get(right)!], type, frequency, startDate: '2024-01-01', exampleData: true, confirmed: false }));
  }
  for (const person of DEMO_PEOPLE) {
    await createPerson(
      deps,
      leader,
      personInput.parse({
        name: person.name,
        youthRepresentative: person.youth ?? false,
        ageGroup: person.ageGroup,
        spaceId: spaceIds.get(TALKO)!,
        affiliations: [{ organisationId: ids.get(person.organisation)!, role: person.role }],
        consent: { purpose: 'Demo: lokal arbetsgrupp i TALKO Lappland', textVersion: 'demo', method: 'paper' },
      }),
    );
  }
}
