import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { publishPost } from '../modules/news/post/post.service.ts';
import { recordFollow } from '../modules/notifications/follow/follow.service.ts';
import { anonymous, type Actor } from '../platform/actor.ts';

const DAY = 86_400_000;

interface DemoPost {
  space: string;
  daysAgo: number;
  title: string;
  body: string;
  visibility?: 'public' | 'members';
  pinned?: boolean;
}

/** News (Aktuellt) in the four demo projects: fictional but typical of what they report. */
const DEMO_POSTS: DemoPost[] = [
  {
    space: 'TALKO Lappland',
    daysAgo: 2,
    pinned: true,
    title: 'Uppstartsmöten i alla åtta kommuner – anmäl dig nu',
    body: 'Under våren håller vi uppstartsmöten i Arjeplog, Arvidsjaur, Storuman, Sorsele, Malå, Lycksele, Vilhelmina och Dorotea. Varje möte pågår i två dagar och samlar kommunen, företagen, föreningarna och unga.\n\n- Dag 1: byarnas behov och vad som redan finns\n- Dag 2: den lokala arbetsgruppen bildas\n\nAnmälan och program finns under Evenemang: https://example.org/talko',
  },
  {
    space: 'TALKO Lappland',
    daysAgo: 12,
    title: 'Ungdomsgruppen är på plats',
    body: 'Sju unga från fyra kommuner har bildat projektets ungdomsgrupp. De ska pröva verktyget först av alla och säga till när något inte fungerar för den som är 16.\n\nFörsta träffen hölls digitalt och nästa blir i Storuman.',
  },
  {
    space: 'TALKO Lappland',
    daysAgo: 20,
    visibility: 'members',
    title: 'Internt: underlag till styrgruppen 14 mars',
    body: 'Lägesrapporten till styrgruppen ligger i dokumenten för mötet. Kommentera senast fredag så att vi hinner föra in era synpunkter.',
  },
  {
    space: 'Service i samverkan',
    daysAgo: 5,
    pinned: true,
    title: 'Serviceplanen för Älvdalen ute på samråd',
    body: 'Förslaget till kommunal serviceplan för Älvdalen är nu ute på samråd. Alla kan lämna synpunkter utan konto fram till den 30 april.\n\nPlanen bygger på tillgänglighetsanalysen: hur långt det är till dagligvaror, drivmedel, post och apotek från varje by.',
  },
  {
    space: 'Service i samverkan',
    daysAgo: 16,
    title: 'Idre livs blir paketombud',
    body: 'Efter byarnas inspel och ett möte med kommunen och butiken blir Idre livs paketombud från juni. Det kortar vägen till närmaste ombud med fyra mil för många i Idre-fjällen.',
  },
  {
    space: 'SÖK Samverkan Norrbotten',
    daysAgo: 7,
    title: 'Kunskapsdialog om överenskommelsen',
    body: 'Den första kunskapsdialogen om en överenskommelse mellan offentlig sektor och civilsamhället i Norrbotten samlade 46 deltagare på plats i Luleå och digitalt.\n\nDokumentationen och nästa steg finns under Evenemang.',
  },
  {
    space: 'SÖK Samverkan Norrbotten',
    daysAgo: 25,
    title: 'Kartläggningen av samverkan är igång',
    body: 'Föreningar, kommuner och regionen får nu en kort enkät om vilka de samverkar med. Svaren bildar nätverkskartan som vi följer upp efter ett år.',
  },
  {
    space: 'Agenda 2030 – med civilsamhället som motor',
    daysAgo: 4,
    title: 'Ny mötesform: Agenda 2030-fika i byarna',
    body: 'Under hösten prövar vi en enkel mötesform: en fika i bygdegården där föreningarna kopplar det de redan gör till de globala målen. Hör av dig om din förening vill vara värd.',
  },
  {
    space: 'Agenda 2030 – med civilsamhället som motor',
    daysAgo: 30,
    title: 'Alliansen för hållbara byar växer',
    body: 'Tolv föreningar från Norrbotten och Västerbotten har nu gått med i alliansen. Nästa gemensamma insats är en kurs i ansökningar till lokala utvecklingsfonder.',
  },
];

/**
 * News posts in the four projects (published through the news service, with earlier dates) and
 * some followers: the demo's facilitator and village member follow TALKO Lappland, the member also
 * an input, and two fictional villagers follow news by a confirmed e-mail address.
 */
export async function seedDemoNews(trx: Kysely<Database>, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const users = new Map((await trx.selectFrom('users').select(['id', 'email', 'name', 'language', 'is_admin']).execute()).map((u) => [u.email, u]));
  const actorOf = (email: string): Actor => {
    const u = users.get(email);
    return u ? { kind: 'user', user: { id: u.id, email: u.email, name: u.name, language: u.language, isAdmin: u.is_admin }, via: 'session', sessionId: null } : anonymous;
  };
  const author = actorOf('processledare@example.org');
  for (const post of DEMO_POSTS) {
    const at = new Date(now.getTime() - post.daysAgo * DAY);
    await publishPost(trx, { now: () => at }, { actor: author, requestId: null }, spaceIds.get(post.space)!, { title: post.title, body: post.body, visibility: post.visibility ?? 'public', pinned: post.pinned ?? false }, at);
  }
  const clock = { now: () => now };
  const talko = spaceIds.get('TALKO Lappland')!;
  for (const email of ['processledare@example.org', 'byalag@example.org']) {
    const user = users.get(email);
    if (user) await recordFollow(trx, clock, { actor: actorOf(email), requestId: null }, { kind: 'space', targetId: talko, userId: user.id, email: null, language: 'sv', confirmedAt: now });
  }
  const input = await trx.selectFrom('inputs').select('id').where('space_id', '=', talko).orderBy('number').limit(1).executeTakeFirst();
  const member = users.get('byalag@example.org');
  if (input && member) await recordFollow(trx, clock, { actor: actorOf(member.email), requestId: null }, { kind: 'input', targetId: input.id, userId: member.id, email: null, language: 'sv', confirmedAt: now });
  for (const [email, space] of [
    ['bybo.sorsele@example.org', 'TALKO Lappland'],
    ['bybo.idre@example.org', 'Service i samverkan'],
  ] as const) {
    await recordFollow(trx, clock, { actor: anonymous, requestId: null }, { kind: 'space', targetId: spaceIds.get(space)!, userId: null, email, language: 'sv', confirmedAt: now });
  }
}
