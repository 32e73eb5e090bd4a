import type { ModelContentInput } from '@samhandling/contracts';
import { modelContent } from '@samhandling/contracts';
import type { RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { publicLibraryItemIdByTitle } from '../modules/library/item/library-item.service.ts';
import { applyModel, createModel, patchModelUse } from '../modules/models/model/model.service.ts';
import { createSpace } from '../modules/spaces/space/space.service.ts';

const FOUR_FOUR_FOUR_ONE = { public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 };

/** TALKO Lappland: a local working group of three sectors and a young voice, kick-off and test session. */
const TALKO_MODEL: ModelContentInput = {
  title: 'TALKO: tresektorsgrupp i byarna (4 + 4 + 4 + 1)',
  summary: 'En lokal arbetsgrupp per kommun med fyra från offentlig sektor, fyra från näringslivet, fyra från civilsamhället och en ungdomsrepresentant, som tillsammans testar verktyget för lokal utveckling.',
  purpose: 'Att låta kommunen, företagen och föreningarna i byarna planera lokal utveckling tillsammans i stället för var för sig, med unga vid bordet från början.',
  whenItFits: 'Glesbygdskommuner med flera byar, aktiva byalag och en kommun som vill ha ett fast forum för byarnas frågor. Passar när det finns en processledare med tid några timmar i veckan.',
  steps: [
    { title: 'Bilda den lokala arbetsgruppen', description: 'Bjud in fyra från varje sektor och en ungdomsrepresentant. Balansvyn visar vilka platser som saknas.' },
    { title: 'Uppstartsmöte', description: 'Gemensam bild av byarnas läge och behov; workshoptavla med två frågor.' },
    { title: 'Testtillfälle', description: 'Arbetsgruppen testar verktyget på ett verkligt ärende från en by.' },
    { title: 'Utvärdera och fortsätt', description: 'Enkät till organisationerna och beslut om hur gruppen arbetar vidare.' },
  ],
  roles: [
    { title: 'Processledare', description: 'Kallar, leder mötena och håller ihop gruppen.' },
    { title: 'Ungdomsrepresentant', description: 'Bär ungas perspektiv och återkopplar till ungdomsgruppen.' },
  ],
  cost: 'Ungefär 40 timmar processledning per kommun och halvår, lokalhyra och fika till två möten.',
  lessonsLearned: 'Boka testtillfället redan vid uppstarten. Näringslivets platser är svårast att fylla: fråga företagarföreningen tidigt. Ungdomsrepresentanten behöver en vuxen kontakt i gruppen.',
  material: [{ title: 'Metodstöd för lokala arbetsgrupper (TALKO)', url: 'https://example.org/talko/metodstod', libraryItemId: null }],
  goals: [11, 17],
  targets: ['11.3', '17.17'],
  originMunicipalityCode: '2422',
  template: {
    templateVersion: 1,
    workingGroups: [
      { key: 'lokal', name: 'Lokal arbetsgrupp', kind: 'local', description: 'Fyra från varje sektor och en ungdomsrepresentant.', targets: FOUR_FOUR_FOUR_ONE },
      { key: 'unga', name: 'Ungdomsgrupp', kind: 'youth', description: 'Unga som ungdomsrepresentanten stämmer av med.', targets: { public: 0, private: 0, civil_society: 0, academia: 0, youth: 6 } },
    ],
    eventSeries: [
      {
        key: 'start',
        title: 'Uppstart och test',
        events: [
          {
            key: 'uppstart',
            kind: 'kick_off',
            title: 'Uppstartsmöte för den lokala arbetsgruppen',
            description: 'Vi lär känna varandra och tar fram en gemensam bild av byarnas behov.',
            weekOffset: 0,
            startTime: '18:00',
            durationMinutes: 150,
            workingGroupKey: 'lokal',
            agenda: [
              { minuteOffset: 0, title: 'Välkomna och presentation', description: '' },
              { minuteOffset: 20, title: 'Byarnas läge i dag', description: 'Arbete i blandade grupper på workshoptavlan.' },
              { minuteOffset: 100, title: 'Hur arbetar vi vidare?', description: 'Datum för testtillfället.' },
            ],
          },
          {
            key: 'test',
            kind: 'test_session',
            title: 'Testtillfälle av verktyget',
            description: 'Arbetsgruppen prövar verktyget på ett verkligt ärende från en by.',
            weekOffset: 6,
            startTime: '13:00',
            durationMinutes: 180,
            workingGroupKey: 'lokal',
            agenda: [],
          },
        ],
      },
    ],
    boardPromptSets: [{ key: 'behov', title: 'Byarnas läge', eventKey: 'uppstart', prompts: ['Vad fungerar bra i byarna i dag?', 'Vad saknas för att fler ska kunna bo kvar?'] }],
    servicePlan: null,
    survey: { title: 'Hur samverkar ni i dag?', message: 'En kort enkät före uppstarten, till organisationerna i arbetsgruppen.', questions: ['Vilka organisationer samverkar ni med?', 'Hur ofta?'] },
    actionPlanGoals: [{ text: 'Fler unga engagerade i byarnas föreningar', indicator: 'Antal unga i föreningarnas styrelser', goals: [11], targets: ['11.3'] }],
  },
};

/** Service i samverkan: village dialogues that end in the municipality's service plan. */
const SERVICE_MODEL: ModelContentInput = {
  title: 'Service i samverkan: byadialog till serviceplan',
  summary: 'Byadialoger i kommunens byar samlar servicebehoven, som blir underlag till en kommunal serviceplan med mål, servicenivåer och åtgärder.',
  purpose: 'Att serviceplanen bygger på det byarna själva säger, och att byarna ser vad som blev av det.',
  whenItFits: 'När kommunen ska ta fram eller revidera sin serviceplan och vill nå byarna, inte bara centralorten.',
  steps: [
    { title: 'Kartlägg service och samverkan', description: 'Servicepunkter, avstånd och vilka som redan samverkar.' },
    { title: 'Byadialoger', description: 'Två byaforum med workshoptavla: vad finns, vad behövs.' },
    { title: 'Serviceplan', description: 'Behoven blir mål och åtgärder i en serviceplan som går på samråd.' },
  ],
  roles: [
    { title: 'Landsbygdsutvecklare', description: 'Håller i byadialogerna och planen.' },
    { title: 'Byalagens kontaktpersoner', description: 'Bjuder in i byn och återkopplar.' },
  ],
  cost: 'Två kvällsmöten per by, cirka 80 timmar handläggning för planen.',
  lessonsLearned: 'Ta med kartan över servicepunkterna till byamötet. Återkoppla inom en månad, annars tappar byarna intresset.',
  material: [{ title: 'Vägledning för kommunala serviceplaner', url: 'https://example.org/serviceplan/vagledning', libraryItemId: null }],
  goals: [9, 11],
  targets: ['11.a', '9.1'],
  originMunicipalityCode: '2505',
  template: {
    templateVersion: 1,
    workingGroups: [],
    eventSeries: [
      {
        key: 'byadialog',
        title: 'Byadialoger',
        events: [
          { key: 'byaforum-1', kind: 'village_forum', title: 'Byadialog: vilken service behöver byn?', description: 'Vi går igenom servicen i byn i dag och vad som saknas.', weekOffset: 0, startTime: '18:30', durationMinutes: 120, workingGroupKey: null, agenda: [{ minuteOffset: 0, title: 'Kartan över servicen i dag', description: '' }, { minuteOffset: 30, title: 'Behov och idéer', description: 'Workshoptavla.' }] },
          { key: 'byaforum-2', kind: 'village_forum', title: 'Byadialog: återkoppling och prioritering', description: 'Vad blev av behoven, och vad ska prioriteras i serviceplanen?', weekOffset: 8, startTime: '18:30', durationMinutes: 120, workingGroupKey: null, agenda: [] },
        ],
      },
    ],
    boardPromptSets: [{ key: 'servicebehov', title: 'Servicebehov i byn', eventKey: 'byaforum-1', prompts: ['Vilken service använder du i byn?', 'Vad saknar du mest?', 'Vad kan byn göra själv?'] }],
    servicePlan: {
      title: 'Kommunal serviceplan',
      periodYears: 4,
      background: 'Planen bygger på byadialogerna och kartläggningen av servicepunkter.',
      goals: [
        { text: 'Dagligvaror inom 20 minuter för alla byar med fler än 50 invånare', indicator: 'Andel invånare inom 20 minuter' },
        { text: 'Ett serviceombud med paket och apoteksvaror i varje servicenod', indicator: 'Antal servicenoder med ombud' },
      ],
    },
    survey: null,
    actionPlanGoals: [],
  },
};

/** SÖK Samverkan Norrbotten: knowledge dialogues that lead to an agreement between the public sector and civil society. */
const SOK_MODEL: ModelContentInput = {
  title: 'SÖK: kunskapsdialoger till överenskommelse',
  summary: 'En serie kunskapsdialoger mellan offentlig sektor och civilsamhälle som mynnar ut i en lokal överenskommelse och en handlingsplan.',
  purpose: 'Att bygga förtroende och gemensam kunskap innan parterna skriver under en överenskommelse om samverkan.',
  whenItFits: 'Kommuner eller regioner som vill formalisera samverkan med civilsamhället (en lokal överenskommelse, LÖK/IOP).',
  steps: [
    { title: 'Kartlägg dagens samverkan', description: 'Enkät och nätverkskarta över vilka som samverkar.' },
    { title: 'Tre kunskapsdialoger', description: 'Om roller, om resurser och om hur överenskommelsen ska följas upp.' },
    { title: 'Skriv överenskommelsen', description: 'En arbetsgrupp med båda sektorerna tar fram text och handlingsplan.' },
  ],
  roles: [
    { title: 'Samordnare i regionen', description: 'Leder dialogerna.' },
    { title: 'Civilsamhällets företrädare', description: 'Förankrar i sina organisationer.' },
  ],
  cost: 'Tre halvdagar, samordning cirka 20 procent av en tjänst under ett år.',
  lessonsLearned: 'Låt civilsamhället leda minst en av dialogerna. Handlingsplanen behöver namngivna ansvariga på båda sidor.',
  material: [{ title: 'Överenskommelser mellan offentlig sektor och civilsamhälle: exempel', url: 'https://example.org/sok/overenskommelser', libraryItemId: null }],
  goals: [16, 17],
  targets: ['16.7', '17.17'],
  originMunicipalityCode: '2580',
  template: {
    templateVersion: 1,
    workingGroups: [{ key: 'overenskommelse', name: 'Arbetsgrupp för överenskommelsen', kind: 'steering', description: 'Lika många från offentlig sektor som från civilsamhället.', targets: { public: 4, private: 0, civil_society: 4, academia: 0, youth: 1 } }],
    eventSeries: [
      {
        key: 'kunskapsdialoger',
        title: 'Kunskapsdialoger',
        events: [
          { key: 'dialog-roller', kind: 'knowledge_dialogue', title: 'Kunskapsdialog 1: våra roller', description: 'Vad gör civilsamhället och vad gör det offentliga i kommunen i dag?', weekOffset: 0, startTime: '09:00', durationMinutes: 210, workingGroupKey: null, agenda: [] },
          { key: 'dialog-resurser', kind: 'knowledge_dialogue', title: 'Kunskapsdialog 2: resurser och finansiering', description: 'Bidrag, IOP och lokaler.', weekOffset: 4, startTime: '09:00', durationMinutes: 210, workingGroupKey: null, agenda: [] },
          { key: 'dialog-uppfoljning', kind: 'knowledge_dialogue', title: 'Kunskapsdialog 3: hur följer vi upp?', description: 'Indikatorer och årlig uppföljning av överenskommelsen.', weekOffset: 8, startTime: '09:00', durationMinutes: 210, workingGroupKey: 'overenskommelse', agenda: [] },
          { key: 'skrivverkstad', kind: 'workshop', title: 'Skrivverkstad: överenskommelsen', description: 'Arbetsgruppen skriver utkastet till överenskommelse och handlingsplan.', weekOffset: 12, startTime: '13:00', durationMinutes: 180, workingGroupKey: 'overenskommelse', agenda: [] },
        ],
      },
    ],
    boardPromptSets: [{ key: 'roller', title: 'Våra roller', eventKey: 'dialog-roller', prompts: ['Vad gör civilsamhället bäst?', 'Vad ska det offentliga ta ansvar för?'] }],
    servicePlan: null,
    survey: { title: 'Kartläggning av samverkan', message: 'Vilka samverkar ni med i dag, och hur?', questions: ['Vilka samverkar ni med?', 'Finns en skriftlig överenskommelse?'] },
    actionPlanGoals: [
      { text: 'En undertecknad överenskommelse inom ett år', indicator: 'Undertecknad (ja/nej)', goals: [17], targets: ['17.17'] },
      { text: 'Årlig uppföljningsdialog med civilsamhället', indicator: 'Antal uppföljningsdialoger per år', goals: [16], targets: ['16.7'] },
    ],
  },
};

async function ctxOf(deps: Deps, email: string): Promise<RequestContext> {
  const user = await deps.db.selectFrom('users').select(['id', 'email', 'name', 'language', 'is_admin']).where('email', '=', email).executeTakeFirstOrThrow();
  return {
    actor: { kind: 'user', user: { id: user.id, email: user.email, name: user.name, language: user.language as 'sv' | 'en', isAdmin: user.is_admin }, via: 'session', sessionId: null },
    language: 'sv',
    requestId: 'demo-seed',
    ip: '127.0.0.1',
    userAgent: undefined,
    origin: '',
  };
}

/**
 * Three collaboration models from the projects, written by their leaders, and their use in
 * other municipalities' spaces (TALKO's has spread to three; the others are on their way).
 * Runs through the models, spaces and groups services after the demo's first transaction.
 */
export async function seedDemoModels(deps: Deps): Promise<void> {
  const leader = await ctxOf(deps, 'processledare@example.org');
  const region = await ctxOf(deps, 'region@example.org');
  // Each model's method text is also in the knowledge library: its material links there.
  const withLibrary = async (model: ModelContentInput, title: string): Promise<ModelContentInput> => {
    const libraryItemId = await publicLibraryItemIdByTitle(deps, title);
    return libraryItemId ? { ...model, material: [...(model.material ?? []), { title, url: null, libraryItemId }] } : model;
  };
  const talko = await createModel(deps, leader, modelContent.parse(await withLibrary(TALKO_MODEL, 'Lokal arbetsgrupp i tre sektorer (4+4+4+1)')));
  const service = await createModel(deps, leader, modelContent.parse(await withLibrary(SERVICE_MODEL, 'Bydialog om service – från behov till serviceplan')));
  const sok = await createModel(deps, region, modelContent.parse(await withLibrary(SOK_MODEL, 'Kunskapsdialog mellan offentlig sektor och civilsamhälle')));

  const space = async (ctx: RequestContext, name: string, description: string, municipalityCodes: string[]) =>
    (await createSpace(deps, ctx, { name, description, kind: 'municipal', visibility: 'public', municipalityCodes })).id;
  const southLapland = await space(leader, 'Södra Lappland i samverkan', 'Dorotea, Vilhelmina och Åsele bildar lokala arbetsgrupper efter TALKO:s modell.', ['2425', '2462', '2463']);
  const alvdalen = await space(leader, 'Serviceplanering Älvdalen', 'Älvdalens kommun tar fram sin serviceplan med byadialoger i Idre, Särna och Älvdalen.', ['2039']);
  const coast = await space(region, 'Överenskommelse Piteå och Kalix', 'Piteå och Kalix tar fram lokala överenskommelser med civilsamhället efter SÖK:s modell.', ['2581', '2514']);

  const use = async (ctx: RequestContext, modelId: string, spaceId: string, municipalityCode: string, days: number, notes: { adaptation: string; outcome: string }) => {
    const start = new Date(deps.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const applied = await applyModel(deps, ctx, modelId, { spaceId, municipalityCode, startDate: start });
    await patchModelUse(deps, ctx, applied.use.id, notes);
  };
  await use(leader, talko.id, southLapland, '2425', 21, { adaptation: 'Två platser för unga i stället för en: Dorotea har en aktiv ungdomsgrupp.', outcome: 'Gruppen är fulltalig utom näringslivet (2 av 4).' });
  await use(leader, talko.id, southLapland, '2462', 28, { adaptation: 'Uppstarten hölls digitalt för byarna längs Vojmån.', outcome: '' });
  await use(leader, talko.id, southLapland, '2463', 35, { adaptation: 'Gruppen delas med Åsele byaråd.', outcome: 'Testtillfället ledde till en gemensam ansökan om bygdemedel.' });
  await use(leader, service.id, alvdalen, '2039', 14, { adaptation: 'Byadialoger i Idre och Särna, digitalt för fäbodarna.', outcome: 'Underlag till serviceplanens samrådsversion.' });
  await use(region, sok.id, coast, '2581', 30, { adaptation: 'Fyra dialoger i stället för tre: en extra om idrottens roll.', outcome: '' });
  await use(region, sok.id, coast, '2514', 42, { adaptation: 'Dialogerna hålls tillsammans med Överkalix.', outcome: '' });
}
