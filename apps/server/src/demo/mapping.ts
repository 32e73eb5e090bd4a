import type { surveyAnswerInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { takeSnapshot } from '../modules/actors/network/network.service.ts';
import { answerSurvey, sendSurvey } from '../modules/actors/survey/survey.service.ts';
import { anonymous, type RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';

const TALKO = 'TALKO Lappland';

/** TALKO Lappland's project period began on 1 September 2024 (the project's facts in process.ts). */
export const TALKO_BASELINE_DATE = '2024-09-01';

type Answer = z.input<typeof surveyAnswerInput>['answers'][number];

/**
 * Who got the mapping survey (fictional example.org addresses for the real organisations) and what
 * those who answered said: organisation names, tie type and frequency. Three have not answered yet.
 */
const RECIPIENTS: { organisation: string; email: string; answers?: [string, Answer['type'], Answer['frequency']][] }[] = [
  {
    organisation: 'Sorsele kommun',
    email: 'naringsliv.sorsele@example.org',
    answers: [
      ['Ammarnäs Bensin & Service (exempel)', 'partnership', 'regular'],
      ['Studieförbundet Vuxenskolan', 'joint_project', 'regular'],
      ['Hela Sverige ska leva Västerbotten', 'informal_contact', 'occasional'],
    ],
  },
  {
    organisation: 'Ammarnäs Bensin & Service (exempel)',
    email: 'ammarnas.bensin@example.org',
    answers: [
      ['Sorsele kommun', 'partnership', 'regular'],
      ['Sorsele Taxi & Buss (exempel)', 'informal_contact', 'regular'],
    ],
  },
  {
    organisation: 'Studieförbundet Vuxenskolan',
    email: 'sv.lappland@example.org',
    answers: [
      ['Sorsele kommun', 'joint_project', 'regular'],
      ['Lycksele kommun', 'joint_project', 'occasional'],
      ['Hela Sverige ska leva Västerbotten', 'partnership', 'regular'],
    ],
  },
  {
    organisation: 'Lycksele kommun',
    email: 'landsbygd.lycksele@example.org',
    answers: [
      ['Studieförbundet Vuxenskolan', 'joint_project', 'occasional'],
      ['Storumans kommun', 'informal_contact', 'occasional'],
    ],
  },
  {
    organisation: 'Arjeplogs kommun',
    email: 'utveckling.arjeplog@example.org',
    answers: [
      ['Arvidsjaurs kommun', 'partnership', 'regular'],
      ['Coompanion', 'informal_contact', 'occasional'],
    ],
  },
  { organisation: 'Storumans kommun', email: 'kontakt.storuman@example.org' },
  { organisation: 'Coompanion', email: 'coompanion.norr@example.org' },
  { organisation: 'Hela Sverige ska leva Västerbotten', email: 'hssl.vasterbotten@example.org' },
];

/**
 * TALKO Lappland's network before and after: a snapshot of the network as it stood at the project's
 * start (saved first, so it holds fewer ties than today), then the mapping survey sent to eight
 * organisations, five of which answer through their links. Through the network and survey services.
 */
export async function seedDemoMapping(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const db = deps.db;
  const talko = spaceIds.get(TALKO)!;
  const row = await db.selectFrom('users').select(['id', 'email', 'name', 'is_admin']).where('email', '=', 'processledare@example.org').executeTakeFirstOrThrow();
  const leader: RequestContext = {
    actor: { kind: 'user', user: { id: row.id, email: row.email, name: row.name, language: 'sv', isAdmin: row.is_admin }, via: 'session', sessionId: null },
    language: 'sv',
    requestId: 'demo-seed',
    ip: '127.0.0.1',
    userAgent: undefined,
    origin: deps.config.publicUrl ?? 'http://localhost:3000',
  };
  await takeSnapshot(deps, leader, talko, { name: 'Utgångsläge vid projektstart', at: TALKO_BASELINE_DATE });

  const orgs = new Map((await db.selectFrom('organisations').select(['id', 'name']).where('name', 'in', RECIPIENTS.map((r) => r.organisation).concat(RECIPIENTS.flatMap((r) => (r.answers ?? []).map(([name]) => name)))).execute()).map((o) => [o.name, o.id]));
  const id = (name: string) => {
    const found = orgs.get(name);
    if (!found) throw new Error(`demo mapping: no organisation ${name}`);
    return found;
  };
  await sendSurvey(deps, leader, talko, {
    title: 'Kartläggning av samverkan i TALKO-kommunerna',
    message: 'Vilka organisationer samarbetar ni med i dag, och hur ofta? Svaren blir en karta över samverkan i de åtta kommunerna som arbetsgrupperna utgår från. Det tar ungefär tio minuter.',
    recipients: RECIPIENTS.map((r) => ({ organisationId: id(r.organisation), email: r.email })),
  });
  // Each answer comes through the organisation's own link, as from the e-mail.
  const mails = await db.selectFrom('outbox').select(['text', 'recipients']).execute();
  for (const recipient of RECIPIENTS) {
    if (!recipient.answers) continue;
    const mail = mails.find((m) => m.recipients.includes(recipient.email) && m.text.includes('/survey#token='));
    const token = mail && /\/survey#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`demo mapping: no survey link for ${recipient.email}`);
    await answerSurvey(deps, { ...leader, actor: anonymous }, {
      token,
      answers: recipient.answers.map(([name, type, frequency]) => ({ organisationId: id(name), type, frequency })),
    });
  }
}
