import type { Block } from '../modules/services/service-plan-export/document-model.ts';
import { writePdf } from '../modules/services/service-plan-export/pdf-writer.ts';
import { storeEventDocument } from '../modules/dialogues/event-document/event-document.service.ts';
import { storeLibraryFile, storeLibraryLink, type LibraryLinkKind } from '../modules/library/item/library-item.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import type { IncomingFile } from '../platform/stored-files.ts';

const TALKO = 'TALKO Lappland';
const SOK = 'SÖK Samverkan Norrbotten';

const FOOTER: Block = { kind: 'paragraph', text: 'Exempelmaterial skrivet för demon av Samhandling. Personer som nämns är fiktiva.', muted: true };

/** A short A4 PDF written at seed time with the service plan's PDF writer (the shipped DejaVu font prints å, ä, ö). */
export async function demoPdf(fileName: string, doc: { title: string; subtitle: string; meta: [string, string][]; blocks: Block[] }): Promise<IncomingFile> {
  const bytes = await writePdf({ language: 'sv', title: doc.title, subtitle: doc.subtitle, municipalityName: '', meta: doc.meta, blocks: [...doc.blocks, FOOTER] });
  return { filename: fileName, bytes, fields: { title: doc.title } };
}

/** Files for library items (by title), written for the demo. */
const LIBRARY_FILES: Record<string, () => Promise<IncomingFile>> = {
  'Dagordning för uppstartsmöte i byn': () =>
    demoPdf('dagordning-uppstartsmote.pdf', {
      title: 'Dagordning: uppstartsmöte i byn',
      subtitle: 'Mall för processledaren – TALKO Lappland',
      meta: [
        ['Tid', 'Två timmar, en vardagskväll'],
        ['Plats', 'Bygdegården, skolan eller digitalt'],
        ['Inbjudna', 'Byarådet, företagarna, föreningarna, kommunen och unga i byn'],
      ],
      blocks: [
        { kind: 'heading', level: 2, text: 'Före mötet' },
        { kind: 'list', items: ['Sätt upp inbjudan på anslagstavlan i affären och i bygdegården tre veckor före.', 'Fråga byarådet vilka frågor som brinner just nu.', 'Skriv ut kartan över byn och ta med post-it-lappar.'] },
        { kind: 'heading', level: 2, text: 'Dagordning' },
        {
          kind: 'list',
          numbered: true,
          items: [
            'Välkomna och presentationsrunda (15 min)',
            'Byvandring på kartan: var finns service, mötesplatser och företag i dag? (25 min)',
            'Byarnas behov och idéer – samtal i smågrupper (40 min)',
            'Fika (15 min)',
            'Nästa steg: vem gör vad, och datum för testtillfället (25 min)',
          ],
        },
        { kind: 'heading', level: 2, text: 'Frågor till byarådet' },
        { kind: 'list', items: ['Vad gör byn bra i dag, och vem gör det?', 'Vad saknas för att unga ska vilja bo kvar?', 'Vilken fråga vill ni att arbetsgruppen tar upp först?'] },
      ],
    }),
  'Kunskapsdialog mellan offentlig sektor och civilsamhälle': () =>
    demoPdf('metodstod-kunskapsdialog.pdf', {
      title: 'Metodstöd: kunskapsdialog',
      subtitle: 'Så förbereds, genomförs och dokumenteras en dialog – SÖK Samverkan Norrbotten',
      meta: [
        ['Deltagare', '50–70, på plats och digitalt'],
        ['Längd', 'En förmiddag (cirka tre timmar)'],
        ['Arrangörer', 'Region Norrbotten, Länsstyrelsen i Norrbottens län och Samforma'],
      ],
      blocks: [
        { kind: 'heading', level: 2, text: 'Upplägg' },
        {
          kind: 'list',
          numbered: true,
          items: [
            'Inledning från forskning eller praktik (30–45 min).',
            'Samtal i blandade grupper: offentlig sektor och civilsamhälle vid samma bord, digitala grupper för dem som deltar på distans.',
            'Återsamling: varje grupp lämnar sina tre viktigaste iakttagelser.',
            'Dokumentation: anteckningarna blir underlag till överenskommelsen och handlingsplanen.',
          ],
        },
        { kind: 'heading', level: 2, text: 'Om dialogen måste flyttas' },
        { kind: 'paragraph', text: 'Ställ in i god tid, meddela alla anmälda och föreslå ett nytt datum. Behåll anmälningarna: de flesta kommer även på den nya tiden.' },
      ],
    }),
  'Servicepunkten i byns lanthandel': () =>
    demoPdf('gott-exempel-servicepunkt-lanthandel.pdf', {
      title: 'Gott exempel: servicepunkten i byns lanthandel',
      subtitle: 'Service i samverkan – erfarenheter från pilotkommunerna',
      meta: [
        ['Parter', 'Kommunen, regionen och butiken'],
        ['Uppföljning', 'Två gånger per år'],
      ],
      blocks: [
        { kind: 'heading', level: 2, text: 'Vad servicepunkten erbjuder' },
        {
          kind: 'table',
          caption: 'Tjänster i lanthandeln',
          headers: ['Tjänst', 'Hur'],
          rows: [
            ['Paket', 'Ombud för utlämning och inlämning'],
            ['Apoteksvaror', 'Receptfria läkemedel och utlämning av beställda varor'],
            ['Betalservice', 'Kontantuttag och betalning av räkningar'],
            ['Drivmedel', 'Pump med kortbetalning dygnet runt'],
          ],
        },
        { kind: 'heading', level: 2, text: 'Lärdomar' },
        { kind: 'list', items: ['En kontaktperson hos kommunen.', 'Ett skriftligt avtal om vad butiken åtar sig och vilken ersättning som betalas.', 'Gemensamma öppettider och en skylt som visar vad som finns.'] },
      ],
    }),
  'Agenda 2030 för föreningen – studiematerial': () =>
    demoPdf('agenda-2030-for-foreningen.pdf', {
      title: 'Agenda 2030 för föreningen',
      subtitle: 'Studiematerial i fyra träffar – Agenda 2030 med civilsamhället som motor',
      meta: [
        ['Träffar', 'Fyra, cirka två timmar var'],
        ['För', 'Byaföreningar, idrottsföreningar och studiecirklar'],
      ],
      blocks: [
        { kind: 'heading', level: 2, text: 'Träffarna' },
        {
          kind: 'list',
          numbered: true,
          items: [
            'De globala målen: vad betyder de i vår bygd?',
            'Vår förening i dag: vilka mål bidrar vi redan till?',
            'Välj ett delmål att arbeta vidare med.',
            'Från idé till gemensamt initiativ i en allians.',
          ],
        },
      ],
    }),
};

/** Library items (by title) used in events, measures and initiatives (by title). */
const LINKS: { item: string; kind: LibraryLinkKind; target: string }[] = [
  { item: 'Dagordning för uppstartsmöte i byn', kind: 'event', target: 'Uppstartsmöte: lokal arbetsgrupp Sorsele' },
  { item: 'Lokal arbetsgrupp i tre sektorer (4+4+4+1)', kind: 'event', target: 'Uppstartsmöte: lokal arbetsgrupp Sorsele' },
  { item: 'Kunskapsdialog mellan offentlig sektor och civilsamhälle', kind: 'event', target: 'Kunskapsdialog: samverkan mellan offentlig sektor och civilsamhälle' },
  { item: 'Kunskapsdialog mellan offentlig sektor och civilsamhälle', kind: 'measure', target: 'Kunskapsdialoger mellan parterna två gånger per termin' },
  { item: 'Servicepunkten i byns lanthandel', kind: 'measure', target: 'Paketombud i Blattnicksele' },
  { item: 'Agenda 2030 för föreningen – studiematerial', kind: 'initiative', target: 'Klimatsmarta byar – energikartläggning i tio byar' },
  { item: 'Agenda 2030 för föreningen – studiematerial', kind: 'initiative', target: 'Nyanlända i föreningslivet' },
];

/**
 * The knowledge library's files and "used in" links, and documents of held and coming events:
 * stored under DATA_DIR/uploads like uploads, through the library and event-document services.
 * Runs after the alliances (the initiatives must exist), in one transaction.
 */
export async function seedDemoMaterial(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const db = deps.db;
  const user = async (email: string): Promise<Actor> => {
    const row = await db.selectFrom('users').select(['id', 'email', 'name', 'is_admin']).where('email', '=', email).executeTakeFirstOrThrow();
    return { kind: 'user', user: { id: row.id, email: row.email, name: row.name, language: 'sv', isAdmin: row.is_admin }, via: 'session', sessionId: null };
  };
  const leader = { actor: await user('processledare@example.org'), requestId: 'demo-seed' };
  const region = { actor: await user('region@example.org'), requestId: 'demo-seed' };
  const item = async (title: string) => (await db.selectFrom('library_items').select(['id', 'space_id']).where('title', '=', title).executeTakeFirstOrThrow());
  const event = async (space: string, title: string) =>
    (await db.selectFrom('events').select('id').where('space_id', '=', spaceIds.get(space)!).where('title', '=', title).orderBy('starts_at').executeTakeFirstOrThrow()).id;
  const target = async (kind: LibraryLinkKind, title: string) => {
    const table = kind === 'event' ? 'events' : kind === 'measure' ? 'measures' : 'initiatives';
    return (await db.selectFrom(table).select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  };
  const ctxFor = (spaceId: string) => (spaceId === spaceIds.get(SOK) ? region : leader);

  const files = await Promise.all(Object.entries(LIBRARY_FILES).map(async ([title, make]) => [title, await make()] as const));
  const minutes = await demoPdf('minnesanteckningar-testtillfalle-sorsele.pdf', {
    title: 'Minnesanteckningar från testtillfället i Sorsele',
    subtitle: 'TALKO Lappland – lokal arbetsgrupp Sorsele',
    meta: [
      ['Plats', 'Folkets hus, Sorsele'],
      ['Närvarande', '11 av 13 i arbetsgruppen, processledaren och två från ungdomsgruppen'],
      ['Antecknat av', 'Demo Processledare (fiktiv)'],
    ],
    blocks: [
      { kind: 'heading', level: 2, text: '1. Genomgång av verktyget' },
      { kind: 'paragraph', text: 'Processledaren visade arbetsgruppens sida, balansvyn och hur byarna lämnar inspel. Gruppen saknar fortfarande en representant från näringslivet.' },
      { kind: 'heading', level: 2, text: '2. Vi provade på ett verkligt ärende' },
      { kind: 'paragraph', text: 'Inspelet om paketombud i Blattnicksele fördes in som åtgärd i den lokala handlingsplanen. Ammarnäs Bensin & Service (exempel) berättade om erfarenheterna av att vara ombud.' },
      { kind: 'heading', level: 2, text: '3. Synpunkter' },
      { kind: 'list', items: ['Formuläret för återkoppling upplevdes som för långt.', 'Bra att se byarnas behov på kartan.', 'Ungdomarna vill ha egna frågor i enkäten.'] },
      { kind: 'heading', level: 2, text: 'Beslut och nästa steg' },
      { kind: 'list', items: ['Processledaren kortar återkopplingsformuläret till fyra frågor.', 'Nästa möte hålls i Ammarnäs; ungdomsrepresentanten bjuder in ungdomsgruppen.'] },
    ],
  });
  const presentation = await demoPdf('inledning-kartlaggning-samverkan.pdf', {
    title: 'Inledning: kartläggningen av dagens samverkan',
    subtitle: 'Presentation till kunskapsdialogen – SÖK Samverkan Norrbotten',
    meta: [
      ['Talare', 'Demo Regional samordnare (fiktiv)'],
      ['Underlag', 'Kartläggningen av samverkan mellan offentlig sektor och civilsamhälle i Norrbotten'],
    ],
    blocks: [
      { kind: 'heading', level: 2, text: 'Vad vi har kartlagt' },
      { kind: 'list', items: ['Vilka organisationer som samverkar i länets fjorton kommuner, och hur ofta.', 'Vilka överenskommelser och partnerskap som redan finns.', 'Var civilsamhället saknar en kontaktväg in i kommunen eller regionen.'] },
      { kind: 'heading', level: 2, text: 'Frågor till grupperna' },
      { kind: 'list', numbered: true, items: ['Vad fungerar i samverkan i er kommun i dag?', 'Vad behöver en överenskommelse säga för att göra skillnad?', 'Vem saknas vid bordet?'] },
    ],
  });

  // Everything looked up before the transaction (PGlite has one connection).
  const stored = await Promise.all(files.map(async ([title, file]) => ({ item: await item(title), file })));
  const links = await Promise.all(LINKS.map(async (link) => ({ item: await item(link.item), kind: link.kind, targetId: await target(link.kind, link.target) })));
  const testSession = await event(TALKO, 'Testtillfälle: verktyget i Sorsele');
  const dialogue = await event(SOK, 'Kunskapsdialog: samverkan mellan offentlig sektor och civilsamhälle');
  await db.transaction().execute(async (trx) => {
    for (const { item, file } of stored) await storeLibraryFile(trx, deps, ctxFor(item.space_id), item.id, file);
    for (const { item, kind, targetId } of links) await storeLibraryLink(trx, deps.clock, ctxFor(item.space_id), kind, targetId, item.id);
    await storeEventDocument(trx, deps, leader, testSession, 'minutes', minutes);
    await storeEventDocument(trx, deps, region, dialogue, 'presentation', presentation);
  });
}
