import { feedbackEndpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildSignedInUser, buildSpace } from '../../test/factories.ts';
import { buildHeldEvent } from '../../test/process-factories.ts';

let t: TestApp;
let lead: { id: string; client: Client };
let member: { id: string; client: Client };
let spaceId: string;

const QUESTIONS = [
  { id: 'useful', kind: 'scale' as const, text: 'Hur användbart var verktyget?', required: true, scaleLabels: ['Inte alls', 'Mycket'] as [string, string] },
  { id: 'role', kind: 'single' as const, text: 'Vilken roll hade du?', options: ['Boende', 'Företag', 'Förening'] },
  { id: 'parts', kind: 'multiple' as const, text: 'Vilka delar prövade du?', options: ['Karta', 'Inlägg', 'Arbetsgrupp'] },
  { id: 'better', kind: 'text' as const, text: 'Vad kan bli bättre?' },
];

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t);
  member = await buildSignedInUser(t);
  spaceId = (
    await buildSpace(t, {
      visibility: 'members',
      municipalityCodes: ['2422', '2421'],
      members: [
        { user: lead, role: 'facilitator' },
        { user: member, role: 'member' },
      ],
    })
  ).id;
});
afterAll(() => t.close());

async function form(eventId: string, body: Record<string, unknown> = {}) {
  const answer = await lead.client.call(feedbackEndpoints.createFeedbackForm, { params: { id: eventId }, body: { title: 'Återkoppling testtillfälle', questions: QUESTIONS, ...body } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

describe('test-session feedback', () => {
  it('is answered 20 times without an account; distribution, mean and n are right and a retry counts once', async () => {
    const event = await buildHeldEvent(t, spaceId, '2422', { kind: 'test_session' });
    const created = await form(event.id);
    expect((await member.client.call(feedbackEndpoints.createFeedbackForm, { params: { id: event.id }, body: { title: 'Nej', questions: QUESTIONS } })).status).toBe(403);
    // Anyone with the link sees the form, though the space is members-only.
    const anonymous = t.client();
    expect((await anonymous.call(feedbackEndpoints.getFeedbackForm, { params: { id: created.id } })).body.questions).toHaveLength(4);
    const qr = await anonymous.get(`/api/feedback-forms/${created.id}/qr.svg`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(String(qr.body)).toContain('<svg');

    const scores = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5, 4, 4, 5, 3, 2, 4, 5, 4];
    const roles = ['Boende', 'Företag', 'Förening', 'Boende'];
    for (let i = 0; i < 20; i++) {
      const body = {
        idempotencyKey: `telefon-${i}-abcdef`,
        sector: i % 2 ? ('resident' as const) : ('public' as const),
        answers: { useful: scores[i]!, role: roles[i % 4]!, parts: i % 3 === 0 ? ['Karta', 'Inlägg'] : ['Karta'], ...(i < 3 ? { better: `Förslag ${i}` } : {}) },
      };
      const answer = await anonymous.call(feedbackEndpoints.answerFeedbackForm, { params: { id: created.id }, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.duplicate).toBe(false);
      // The phone lost its signal and sent it again: counted once.
      if (i === 7) {
        const retry = await anonymous.call(feedbackEndpoints.answerFeedbackForm, { params: { id: created.id }, body });
        expect(retry.body).toEqual({ id: answer.body.id, duplicate: true });
      }
    }
    const results = (await lead.client.call(feedbackEndpoints.getFeedbackResults, { params: { id: created.id } })).body;
    expect(results.respondents).toBe(20);
    const useful = results.questions.find((q) => q.questionId === 'useful')!;
    const count = (s: number) => scores.filter((x) => x === s).length;
    expect(useful.distribution).toEqual([1, 2, 3, 4, 5].map((s) => ({ label: String(s), count: count(s) })));
    expect(useful.n).toBe(20);
    expect(useful.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 20, 2);
    expect(results.questions.find((q) => q.questionId === 'role')!.distribution).toEqual([
      { label: 'Boende', count: 10 },
      { label: 'Företag', count: 5 },
      { label: 'Förening', count: 5 },
    ]);
    expect(results.questions.find((q) => q.questionId === 'parts')!.distribution).toEqual([
      { label: 'Karta', count: 20 },
      { label: 'Inlägg', count: 7 },
      { label: 'Arbetsgrupp', count: 0 },
    ]);
    expect(results.questions.find((q) => q.questionId === 'better')).toMatchObject({ n: 3, texts: ['Förslag 0', 'Förslag 1', 'Förslag 2'] });
    expect(results.bySector).toEqual({ public: 10, resident: 10 });

    // Results are the leaders': members get 404, like anything they may not see.
    expect((await member.client.call(feedbackEndpoints.getFeedbackResults, { params: { id: created.id } })).status).toBe(404);
    const csv = await lead.client.get(`/api/feedback-forms/${created.id}/results?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.body).trim().split('\n')).toHaveLength(21);
  });

  it('refuses answers that do not fit the questions, in the participant’s language', async () => {
    const event = await buildHeldEvent(t, spaceId, '2422', { kind: 'test_session' });
    const created = await form(event.id);
    const anonymous = t.client({ language: 'en' });
    const bad = await anonymous.call(feedbackEndpoints.answerFeedbackForm, {
      params: { id: created.id },
      body: { idempotencyKey: 'telefon-bad-123', answers: { role: 'Kommun', parts: ['Karta', 'Karta'], nope: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { error: { fields: unknown } }).error.fields).toEqual({
      'answers.useful': 'This question needs an answer.',
      'answers.role': expect.any(String),
      'answers.parts': expect.any(String),
      'answers.nope': 'The question is not in the form.',
    });
    const scaleOutOfRange = await anonymous.call(feedbackEndpoints.answerFeedbackForm, { params: { id: created.id }, body: { idempotencyKey: 'telefon-bad-456', answers: { useful: 6 } } });
    expect(scaleOutOfRange.status).toBe(400);
  });

  it('compares the sessions of copied forms side by side and keeps a changes log', async () => {
    const sorsele = await buildHeldEvent(t, spaceId, '2422', { kind: 'test_session', daysAgo: 20 });
    const storuman = await buildHeldEvent(t, spaceId, '2421', { kind: 'test_session', daysAgo: 5 });
    const first = await form(sorsele.id, { title: 'Testtillfälle Sorsele' });
    const second = await form(storuman.id, { title: 'Testtillfälle Storuman', copyOf: first.id, questions: [{ kind: 'text', text: 'ignoreras' }] });
    expect(second.seriesId).toBe(first.seriesId);
    expect(second.questions.map((q) => q.id)).toEqual(QUESTIONS.map((q) => q.id));
    const anonymous = t.client();
    for (const [id, scores] of [
      [first.id, [2, 3]],
      [second.id, [4, 5, 5]],
    ] as const)
      for (const [i, s] of scores.entries())
        await anonymous.call(feedbackEndpoints.answerFeedbackForm, { params: { id }, body: { idempotencyKey: `jamfor-${id.slice(0, 8)}-${i}`, answers: { useful: s } } });
    const results = (await lead.client.call(feedbackEndpoints.getFeedbackResults, { params: { id: second.id } })).body;
    expect(results.comparison.map((c) => [c.title, c.respondents, c.means.useful])).toEqual([
      ['Testtillfälle Sorsele', 2, 2.5],
      ['Testtillfälle Storuman', 3, 4.67],
    ]);

    const logged = await lead.client.call(feedbackEndpoints.createFeedbackChange, {
      params: { id: spaceId },
      body: { date: '2026-03-02', change: 'Formuläret kortades till fyra frågor', reason: 'Testtillfället i Sorsele: för långt', formId: first.id },
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ formTitle: 'Testtillfälle Sorsele' });
    expect((await member.client.call(feedbackEndpoints.getFeedbackChanges, { params: { id: spaceId } })).body).toHaveLength(1);
    expect((await member.client.call(feedbackEndpoints.createFeedbackChange, { params: { id: spaceId }, body: { date: '2026-03-02', change: 'Ändrat', reason: 'Skäl' } })).status).toBe(403);
  });

  it('is edited freely until answered; then questions keep their ids, kinds and options, and the form says what it asks', async () => {
    const event = await buildHeldEvent(t, spaceId, '2421', { kind: 'test_session' });
    const created = await form(event.id, { askAgeGroup: false });
    expect(created).toMatchObject({ askSector: true, askAgeGroup: false });
    const rewrite = (questions: unknown[], extra: Record<string, unknown> = {}) =>
      lead.client.call(feedbackEndpoints.updateFeedbackForm, { params: { id: created.id }, body: { title: 'Återkoppling', questions, ...extra } as never });
    expect((await member.client.call(feedbackEndpoints.updateFeedbackForm, { params: { id: created.id }, body: { title: 'Nej', questions: QUESTIONS } })).status).toBe(403);

    // Without answers: remove a question, change a kind; a new question gets an id no kept one has.
    const free = await rewrite([{ kind: 'text', text: 'Vad tar du med dig?' }, QUESTIONS[0], { ...QUESTIONS[1], kind: 'multiple' }, QUESTIONS[3]], { askAgeGroup: false });
    expect(free.status, JSON.stringify(free.body)).toBe(200);
    expect(free.body.questions.map((q) => [q.id, q.kind])).toEqual([
      ['q1', 'text'],
      ['useful', 'scale'],
      ['role', 'multiple'],
      ['better', 'text'],
    ]);

    // A participant answers; sector is kept, the age group the form does not ask for is not.
    await t.client().call(feedbackEndpoints.answerFeedbackForm, {
      params: { id: created.id },
      body: { idempotencyKey: 'redigera-1234', sector: 'private', ageGroup: '16_25', answers: { useful: 4, role: ['Boende'] } },
    });
    const stored = await t.deps.db.selectFrom('feedback_answers').select(['sector', 'age_group']).where('form_id', '=', created.id).execute();
    expect(stored).toEqual([{ sector: 'private', age_group: null }]);

    // Now: no removing, no new kind, no rewording an option; each said at its field.
    const current = free.body.questions;
    const refused = await lead.client.call(
      feedbackEndpoints.updateFeedbackForm,
      { params: { id: created.id }, body: { title: 'Återkoppling', questions: [current[0], { ...current[1], kind: 'text' }, { ...current[2], options: ['Boende', 'Företagare', 'Förening'] }] } as never },
    );
    expect(refused.status).toBe(400);
    const fields = (refused.body as unknown as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['questions', 'questions.1.kind', 'questions.2.options']);
    expect(fields['questions.1.kind']).toBe('Formuläret har svar: frågans typ kan inte ändras.');
    // Texts, order, labels, new options last and new questions are fine.
    const allowed = await rewrite(
      [
        { ...current[1], text: 'Hur användbart var verktyget för byn?', scaleLabels: ['Inte alls', 'Helt'] },
        current[0],
        { ...current[2], options: [...current[2]!.options, 'Ung'] },
        current[3],
        { kind: 'scale', text: 'Skulle du rekommendera det?' },
      ],
      { askAgeGroup: true },
    );
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body).toMatchObject({ askAgeGroup: true, title: 'Återkoppling' });
    expect(allowed.body.questions.map((q) => q.id)).toEqual(['useful', 'q1', 'role', 'better', 'q5']);
    const results = (await lead.client.call(feedbackEndpoints.getFeedbackResults, { params: { id: created.id } })).body;
    expect(results.questions.find((q) => q.questionId === 'useful')).toMatchObject({ n: 1, mean: 4 });
    expect(results.questions.find((q) => q.questionId === 'role')!.distribution).toEqual([
      { label: 'Boende', count: 1 },
      { label: 'Företag', count: 0 },
      { label: 'Förening', count: 0 },
      { label: 'Ung', count: 0 },
    ]);
  });

  it('lets leaders correct and remove entries of the changes log', async () => {
    const entry = (await lead.client.call(feedbackEndpoints.createFeedbackChange, { params: { id: spaceId }, body: { date: '2026-04-01', change: 'Felskrivet', reason: 'Skäl' } })).body;
    const fix = { date: '2026-04-02', change: 'QR-koden sitter nu på varje bord', reason: 'Testtillfället i Storuman: få hittade länken' };
    expect((await member.client.call(feedbackEndpoints.updateFeedbackChange, { params: { id: spaceId, changeId: entry.id }, body: fix })).status).toBe(403);
    const other = await buildSpace(t, { municipalityCodes: ['2422'], members: [{ user: lead, role: 'facilitator' }] });
    expect((await lead.client.call(feedbackEndpoints.updateFeedbackChange, { params: { id: other.id, changeId: entry.id }, body: fix })).status).toBe(404);
    const updated = await lead.client.call(feedbackEndpoints.updateFeedbackChange, { params: { id: spaceId, changeId: entry.id }, body: fix });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: entry.id, ...fix, formId: null });
    expect((await member.client.call(feedbackEndpoints.deleteFeedbackChange, { params: { id: spaceId, changeId: entry.id } })).status).toBe(403);
    expect((await lead.client.call(feedbackEndpoints.deleteFeedbackChange, { params: { id: spaceId, changeId: entry.id } })).status).toBe(204);
    expect((await lead.client.call(feedbackEndpoints.getFeedbackChanges, { params: { id: spaceId } })).body.map((c) => c.id)).not.toContain(entry.id);
  });
});
