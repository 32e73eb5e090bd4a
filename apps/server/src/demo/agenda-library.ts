import { eventPatch, localTargetInput, libraryItemInput, spacePatch } from '@samhandling/contracts';
import { storeLocalTarget } from '../modules/agenda2030/local-target/local-target.service.ts';
import { patchEvent } from '../modules/dialogues/event/update-event.ts';
import { storeLibraryItem } from '../modules/library/item/library-item.service.ts';
import { patchSpace } from '../modules/spaces/space/space.service.ts';
import { anonymous } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoUser } from './demo-context.ts';

const TALKO = 'TALKO Lappland';
const SIS = 'Service i samverkan';
const SOK = 'SÖK Samverkan Norrbotten';
const A2030 = 'Agenda 2030 – med civilsamhället som motor';

/** Theme goals and targets of the four spaces (the spaces' own tags). */
const SPACE_TAGS: Record<string, { goals: number[]; targets: string[] }> = {
  [TALKO]: { goals: [8, 11, 17], targets: ['8.3', '11.a', '17.17'] },
  [SIS]: { goals: [9, 11], targets: ['9.1', '11.a', '11.3'] },
  [SOK]: { goals: [16, 17], targets: ['16.7', '17.17'] },
  [A2030]: { goals: [4, 16, 17], targets: ['4.7', '16.7', '17.17'] },
};

/** Realistic library items from the four projects (fictional wording, real kinds of material). */
const ITEMS: { space: string; item: Omit<Parameters<typeof libraryItemInput.parse>[0], 'spaceId'> }[] = [
  {
    space: TALKO,
    item: {
      visibility: 'public',
      kind: 'method',
      title: 'Lokal arbetsgrupp i tre sektorer (4+4+4+1)',
      summary: 'Så sätter kommunen samman en arbetsgrupp med fyra från offentlig sektor, fyra från näringslivet, fyra från civilsamhället och en ungdomsrepresentant.',
      body: 'Metoden bygger på att byarådet, företagarna och kommunen möts som jämlikar. Steg 1: kartlägg aktörerna i kommunen. Steg 2: bjud in till uppstartsmöte. Steg 3: låt gruppen välja två utvecklingsfrågor för året och ett testtillfälle i en by. Ungdomsrepresentanten har egen röst och egen budget för ungas förslag.',
      themes: ['democracy_participation', 'work_business'],
      goals: [17],
      targets: ['17.17', '11.a'],
      sectors: ['public', 'private', 'civil_society'],
      licence: 'CC BY 4.0',
      publishedOn: '2025-02-10',
    },
  },
  {
    space: TALKO,
    item: {
      visibility: 'public',
      kind: 'template',
      title: 'Dagordning för uppstartsmöte i byn',
      summary: 'En mall för kvällens uppstartsmöte: presentation, byvandring på kartan, behov och idéer, nästa steg.',
      body: 'Mallen används av processledaren. Den tar två timmar och fungerar i bygdegården eller digitalt. Bilagor: inbjudan att sätta upp på anslagstavlan och en lista över frågor till byarådet.',
      themes: ['democracy_participation'],
      targets: ['16.7'],
      licence: 'CC BY 4.0',
      publishedOn: '2025-03-01',
    },
  },
  {
    space: SIS,
    item: {
      visibility: 'public',
      kind: 'good_example',
      title: 'Servicepunkten i byns lanthandel',
      summary: 'Lanthandeln blev ombud för paket, apoteksvaror och betalservice – och räddade butiken.',
      body: 'I samverkan mellan kommunen, Region och butiken samlades servicen på ett ställe. Servicepunkterna i kommunen har nu gemensamma öppettider och en skylt som visar vad som finns. Erfarenheterna: en kontaktperson hos kommunen, ett skriftligt avtal, och uppföljning två gånger per år.',
      themes: ['service'],
      goals: [11],
      targets: ['11.a', '9.1'],
      municipalityCode: '2039',
      licence: 'CC BY 4.0',
      publishedOn: '2025-05-20',
    },
  },
  {
    space: SIS,
    item: {
      visibility: 'public',
      kind: 'method',
      title: 'Bydialog om service – från behov till serviceplan',
      summary: 'Hur byarnas servicebehov samlas in och förs vidare till den kommunala serviceplanen.',
      body: 'Bydialogen hålls i varje by med dagligvarubutik eller servicepunkt. Inspelen sorteras efter serviceslag och tas upp i kommunens arbetsgrupp. Serviceplanen visar sedan vilka åtgärder som svarar mot vilka behov.',
      themes: ['service', 'democracy_participation'],
      targets: ['11.3', '11.a'],
      licence: 'CC BY 4.0',
      publishedOn: '2025-04-02',
    },
  },
  {
    space: SIS,
    item: {
      visibility: 'members',
      kind: 'report',
      title: 'Lägesrapport från pilotkommunerna (internt utkast)',
      summary: 'Utkast till halvårsrapport med läget i varje pilotkommun; delas bara inom arenan.',
      body: 'Rapporten sammanfattar kartläggningen av service och samverkan och vilka lokala servicelösningar som prövas.',
      themes: ['service'],
      goals: [11],
      licence: 'Alla rättigheter förbehållna',
    },
  },
  {
    space: SOK,
    item: {
      visibility: 'public',
      kind: 'method',
      title: 'Kunskapsdialog mellan offentlig sektor och civilsamhälle',
      summary: 'En serie dialoger som leder fram till en överenskommelse om samverkan i länet.',
      body: 'Varje kunskapsdialog har ett tema, en inledning från forskning eller praktik och samtal i blandade grupper. Dokumentationen blir underlag till överenskommelsen och handlingsplanen.',
      themes: ['democracy_participation'],
      targets: ['16.7', '17.17'],
      countyCode: '25',
      licence: 'CC BY 4.0',
      publishedOn: '2025-01-15',
    },
  },
  {
    space: A2030,
    item: {
      visibility: 'public',
      kind: 'material',
      title: 'Agenda 2030 för föreningen – studiematerial',
      summary: 'Fyra träffar om de globala målen i den egna föreningens vardag.',
      body: 'Materialet hjälper byaföreningar, idrottsföreningar och studieförbund att se hur deras arbete bidrar till målen, och att välja ett delmål att arbeta vidare med i en allians.',
      themes: ['democracy_participation', 'culture_leisure'],
      goals: [4, 17],
      targets: ['4.7', '17.17'],
      licence: 'CC BY-SA 4.0',
      publishedOn: '2025-06-01',
    },
  },
];

/**
 * Agenda 2030 down to the target and the knowledge library in the demo: the spaces' and some
 * events' theme goals, local targets under global targets, and library items from the projects.
 */
export async function seedDemoAgendaLibrary(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const trx = deps.db;
  const clock = deps.clock;
  const ctx = { actor: anonymous, requestId: null };
  // The spaces' and events' theme tags, set by the admin through the services as a leader would.
  const admin = demoContext(deps, await demoUser(deps, 'admin@example.org'));
  for (const [space, tags] of Object.entries(SPACE_TAGS)) await patchSpace(deps, admin, spaceIds.get(space)!, spacePatch.parse(tags));
  // Theme goals on the demo's events: knowledge dialogues and village meetings carry their themes.
  for (const event of await trx.selectFrom('events').select(['id', 'kind']).where('kind', 'in', ['knowledge_dialogue', 'village_forum', 'kick_off']).execute()) {
    const tags = event.kind === 'knowledge_dialogue' ? { goals: [16, 17], targets: ['16.7', '17.17'] } : { goals: [11], targets: ['11.a', '11.3'] };
    await patchEvent(deps, admin, event.id, eventPatch.parse(tags));
  }
  await storeLocalTarget(trx, clock, ctx, spaceIds.get(SIS)!, localTargetInput.parse({
    title: 'Dagligvaror inom 20 minuter från varje by i Älvdalen',
    description: 'Kommunens lokala mål i serviceplanen.',
    municipalityCode: '2039',
    targets: ['11.a', '9.1'],
    indicator: { name: 'Andel invånare inom 20 minuter', unit: '%', baseline: 86, target: 95, values: [{ date: '2025-12-31', value: 88 }] },
  }));
  await storeLocalTarget(trx, clock, ctx, spaceIds.get(A2030)!, localTargetInput.parse({
    title: 'Tio föreningar i varje län arbetar med ett delmål',
    targets: ['17.17', '4.7'],
    indicator: { name: 'Föreningar med valt delmål', unit: 'st', baseline: 3, target: 20, values: [] },
  }));
  await storeLocalTarget(trx, clock, ctx, spaceIds.get(SOK)!, localTargetInput.parse({ title: 'En överenskommelse om samverkan antagen i Norrbotten', targets: ['16.7', '17.17'] }));
  for (const { space, item } of ITEMS) await storeLibraryItem(trx, clock, ctx, libraryItemInput.parse({ ...item, spaceId: spaceIds.get(space)! }));
}
