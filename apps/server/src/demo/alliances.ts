import type { Deps } from '../platform/deps.ts';
import { anonymous, type Actor, type RequestContext } from '../platform/actor.ts';
import { rebuildCohostCollaborations } from '../modules/dialogues/event/event.service.ts';
import { insertMember } from '../modules/alliances/alliance/alliance.repository.ts';
import { addAllianceMember, createAlliance } from '../modules/alliances/alliance/alliance.service.ts';
import { addInitiativePartner, createInitiative, patchInitiative, postInitiativeUpdate } from '../modules/alliances/initiative/initiative.service.ts';
import { storeInitiativeDocument } from '../modules/alliances/initiative-document/initiative-document.service.ts';
import { demoPdf } from './material.ts';
import { confirmVolunteerSignup, createVolunteerCall, signUpAsVolunteer } from '../modules/alliances/volunteer/volunteer.service.ts';

/**
 * The alliance of "Agenda 2030 – med civilsamhället som motor" (issue 11 §2), seeded through the
 * services as its leaders, representatives and volunteers would: member organisations, three joint
 * initiatives with partners and commitments, and a call for volunteers with sign-ups. Also turns the
 * demo events' co-hosts into derived collaborations, as the event service does for new events.
 */
export async function seedDemoAlliances(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const db = deps.db;
  const user = async (email: string): Promise<Actor> => {
    const row = await db.selectFrom('users').select(['id', 'email', 'name', 'is_admin']).where('email', '=', email).executeTakeFirstOrThrow();
    return { kind: 'user', user: { id: row.id, email: row.email, name: row.name, language: 'sv', isAdmin: row.is_admin }, via: 'session', sessionId: null };
  };
  const ctx = (actor: Actor): RequestContext => ({ actor, language: 'sv', requestId: 'demo', ip: '127.0.0.1', userAgent: undefined, origin: deps.config.publicUrl ?? 'http://localhost:3000' });
  const org = async (name: string) => (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const admin = ctx(await user('admin@example.org'));
  const byalag = ctx(await user('byalag@example.org'));

  for (const { id } of await db.selectFrom('events').select('id').execute()) await rebuildCohostCollaborations(db, id);

  const spaceId = spaceIds.get('Agenda 2030 – med civilsamhället som motor')!;
  const alliance = await createAlliance(deps, admin, spaceId, {
    name: 'Alliansen för hållbara bygder i norr',
    purpose:
      'Civilsamhällets organisationer i Norrbotten och Västerbotten gör Agenda 2030 konkret tillsammans: klimatsmarta byar, lokal mat och en inkluderande föreningsvardag. Alliansen samlar kunskap och genomför gemensamma initiativ med kommuner och företag.',
    public: true,
    goals: [2, 11, 13, 17],
    targets: ['11.a', '13.3', '17.17'],
  });
  // Hela Sverige ska leva Västerbotten joins on the leaders' invitation, accepted by its (fictional) representative.
  await addAllianceMember(deps, admin, alliance.id, { organisationId: await org('Hela Sverige ska leva Västerbotten') });
  await addAllianceMember(deps, byalag, alliance.id, { organisationId: await org('Hela Sverige ska leva Västerbotten') });
  // The others joined at the alliance's start-up meeting: recorded as members by the leaders.
  const now = deps.clock.now();
  // (The service invites; an organisation's representative accepts. These have no representative in the demo.)
  for (const name of ['Samforma', 'Hela Sverige ska leva Norrbotten', 'Hushållningssällskapet', 'Coompanion', 'Studieförbundet Vuxenskolan', 'Norrbottens bildningsförbund']) {
    await insertMember(db, { alliance_id: alliance.id, organisation_id: await org(name), status: 'member', contact_person_id: null, created_at: now, joined_at: now });
  }
  // An invitation still waiting for an answer.
  await addAllianceMember(deps, admin, alliance.id, { organisationId: await org('LRF') });

  const energy = await createInitiative(deps, admin, alliance.id, {
    title: 'Klimatsmarta byar – energikartläggning i tio byar',
    description:
      'Byaföreningar kartlägger sina bygdegårdars och byars energianvändning tillsammans med rådgivare och tar fram en plan för solel, energieffektivisering och gemensamma inköp. Resultaten delas som ett studiematerial andra byar kan använda.',
    leadOrganisationId: await org('Hela Sverige ska leva Norrbotten'),
    goals: [7, 13],
    targets: ['7.2', '13.3'],
    municipalityCode: '2581',
    placeName: 'Roknäs bygdegård',
    lon: 21.323,
    lat: 65.351,
    startDate: '2026-03-01',
    endDate: '2027-06-30',
    status: 'planned',
  });
  await addInitiativePartner(deps, admin, energy.id, { organisationId: await org('Coompanion'), commitment: 'Rådgivning om energikooperativ och gemensam ekonomisk förening' });
  await addInitiativePartner(deps, admin, energy.id, { organisationId: await org('Studieförbundet Vuxenskolan'), commitment: 'Studiecirklar i byarna och ett studiematerial' });
  await addInitiativePartner(deps, admin, energy.id, { organisationId: await org('Hela Sverige ska leva Västerbotten'), commitment: 'Sprider metoden till byar i Västerbotten' });
  await patchInitiative(deps, admin, energy.id, {
    status: 'ongoing',
    results: 'Fyra av tio byar har gjort sin kartläggning. Två bygdegårdar har fått offert på solceller.',
    indicators: [
      { name: 'Byar som kartlagt sin energianvändning', value: 4, unit: 'byar' },
      { name: 'Deltagare i studiecirklar', value: 37, unit: 'personer' },
    ],
  });
  await postInitiativeUpdate(deps, admin, energy.id, { text: 'Kartläggningen i Roknäs och Norrfjärden är klar. Nästa byavandring blir i Sjulsmark.' });

  const food = await createInitiative(deps, admin, alliance.id, {
    title: 'Lokal mat i skolköken',
    description: 'Lantbrukare, skolkök och föreningar i Skellefteå provar hur mer närproducerad mat kan nå skolorna, med en gemensam leveransdag och en temavecka om matsvinn.',
    leadOrganisationId: await org('Hushållningssällskapet'),
    goals: [2, 12],
    targets: ['2.4', '12.3'],
    municipalityCode: '2482',
    placeName: 'Skellefteå centrum',
    lon: 20.951,
    lat: 64.75,
    startDate: '2026-08-15',
    endDate: '2027-05-31',
    status: 'planned',
  });
  await addInitiativePartner(deps, admin, food.id, { organisationId: await org('Samforma'), commitment: 'Processledning av dialogmötena med skolkök och producenter' });
  // Started in August: the first term's results and the lead's report (a PDF stored as uploads are).
  await patchInitiative(deps, admin, food.id, {
    status: 'ongoing',
    results: 'Tre gårdar levererar till fyra skolkök på en gemensam leveransdag varannan vecka. Temaveckan om matsvinn hölls i oktober med elever från två skolor.',
    indicators: [
      { name: 'Skolkök med lokala leveranser', value: 4, unit: 'kök' },
      { name: 'Lokala producenter', value: 3, unit: 'gårdar' },
      { name: 'Minskat matsvinn under temaveckan', value: 18, unit: '%' },
    ],
  });
  const foodReport = await demoPdf('lagesrapport-lokal-mat-i-skolkoken.pdf', {
    title: 'Lägesrapport hösten 2026: lokal mat i skolköken',
    subtitle: 'Alliansen för hållbara bygder i norr – initiativ lett av Hushållningssällskapet',
    meta: [
      ['Kommun', 'Skellefteå'],
      ['Period', 'Augusti–november 2026'],
      ['Partner', 'Samforma (processledning av dialogmötena)'],
    ],
    blocks: [
      { kind: 'heading', level: 2, text: 'Vad vi har gjort' },
      { kind: 'list', items: ['Två dialogmöten mellan skolkök, lantbrukare och föreningar.', 'En gemensam leveransdag varannan vecka från tre gårdar till fyra skolkök.', 'Temavecka om matsvinn med elever från två skolor.'] },
      { kind: 'heading', level: 2, text: 'Resultat' },
      {
        kind: 'table',
        caption: 'Indikatorer efter första terminen',
        headers: ['Indikator', 'Värde'],
        rows: [
          ['Skolkök med lokala leveranser', '4'],
          ['Lokala producenter', '3'],
          ['Minskat matsvinn under temaveckan', '18 %'],
        ],
        numeric: [1],
      },
      { kind: 'heading', level: 2, text: 'Nästa steg' },
      { kind: 'paragraph', text: 'Under våren prövas en andra leveransdag och en gemensam upphandlingsdialog med kommunens kostenhet.' },
    ],
  });
  await db.transaction().execute((trx) => storeInitiativeDocument(trx, deps, admin, food.id, foodReport));

  const inclusion = await createInitiative(deps, admin, alliance.id, {
    title: 'Nyanlända i föreningslivet',
    description: 'Föreningar i Lycksele öppnar sina verksamheter för nyanlända med faddrar, prova-på-dagar och en gemensam föreningsmässa.',
    leadOrganisationId: await org('Studieförbundet Vuxenskolan'),
    goals: [10, 16],
    targets: ['10.2', '16.7'],
    municipalityCode: '2481',
    placeName: 'Lycksele',
    lon: 18.673,
    lat: 64.596,
    status: 'idea',
  });
  // Hela Sverige ska leva Västerbotten asks to join; the lead has not answered yet.
  await addInitiativePartner(deps, byalag, inclusion.id, { organisationId: await org('Hela Sverige ska leva Västerbotten'), commitment: 'Kontakter med byaföreningarna runt Lycksele' });
  const sketch = await demoPdf('ideskiss-nyanlanda-i-foreningslivet.pdf', {
    title: 'Idéskiss: nyanlända i föreningslivet',
    subtitle: 'Underlag till alliansens möte – Studieförbundet Vuxenskolan',
    meta: [
      ['Kommun', 'Lycksele'],
      ['Status', 'Idé, söker partner'],
    ],
    blocks: [
      { kind: 'heading', level: 2, text: 'Idén' },
      { kind: 'paragraph', text: 'Föreningar i Lycksele öppnar sina verksamheter för nyanlända: varje förening utser en fadder, erbjuder en prova-på-dag och deltar i en gemensam föreningsmässa under våren.' },
      { kind: 'heading', level: 2, text: 'Vad vi behöver' },
      { kind: 'list', items: ['Fem föreningar som vill vara med första året.', 'Kontakt med kommunens mottagning av nyanlända.', 'Lokal till föreningsmässan.'] },
    ],
  });
  await db.transaction().execute((trx) => storeInitiativeDocument(trx, deps, admin, inclusion.id, sketch));

  const start = new Date(now.getTime() + 21 * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const call = await createVolunteerCall(deps, admin, energy.id, {
    title: 'Energikartläggare till byavandringen i Sjulsmark',
    description: 'Följ med på byavandringen, anteckna uppgifter om husen och hjälp till med fika. Ingen förkunskap behövs.',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    placeName: 'Sjulsmarks bygdegård',
    municipalityCode: '2581',
    wanted: 8,
  });
  const volunteers = [
    { name: 'Maja Volontär (fiktiv)', email: 'maja.volontar@example.org', confirm: true },
    { name: 'Nils Hjälpsam (fiktiv)', email: 'nils.hjalpsam@example.org', confirm: true },
    { name: 'Sara Exempel (fiktiv)', email: 'sara.exempel@example.org', confirm: false },
  ];
  for (const v of volunteers) {
    await signUpAsVolunteer(deps, ctx(anonymous), call.id, { name: v.name, email: v.email });
    if (!v.confirm) continue;
    const mails = await db.selectFrom('outbox').select(['text', 'recipients']).execute();
    const mail = mails.find((m) => m.recipients.includes(v.email));
    const token = mail && /volunteer\/confirm#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token) await confirmVolunteerSignup(deps, ctx(anonymous), token);
  }
}
