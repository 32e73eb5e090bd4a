import type { FeedbackForm } from '@samhandling/contracts';
import { describe, expect, it } from 'vitest';
import { emptyQuestion, feedbackBodyOf, feedbackDraftOf } from './feedback-form.ts';

const FORM: FeedbackForm = {
  id: 'f1',
  spaceId: 's1',
  seriesId: 'x',
  eventId: 'e1',
  eventTitle: 'Testtillfälle',
  municipalityName: 'Sorsele',
  processId: 'p1',
  stepId: 'test-session',
  title: 'Återkoppling',
  intro: 'Tack för att du kom',
  questions: [
    { id: 'useful', kind: 'scale', text: 'Hur användbart?', required: true, scaleLabels: ['Inte alls', 'Mycket'], options: [] },
    { id: 'role', kind: 'single', text: 'Roll?', required: false, scaleLabels: null, options: ['Boende', 'Företag'] },
  ],
  askSector: true,
  askAgeGroup: false,
  createdAt: '2026-03-01T10:00:00Z',
};

describe('the feedback form editor’s form', () => {
  it('gives back the saved form as the API takes it, with ids, labels and options', () => {
    expect(feedbackBodyOf(feedbackDraftOf(FORM))).toEqual({
      title: 'Återkoppling',
      intro: 'Tack för att du kom',
      askSector: true,
      askAgeGroup: false,
      processId: 'p1',
      stepId: 'test-session',
      questions: [
        { id: 'useful', kind: 'scale', text: 'Hur användbart?', required: true, scaleLabels: ['Inte alls', 'Mycket'] },
        { id: 'role', kind: 'single', text: 'Roll?', required: false, options: ['Boende', 'Företag'] },
      ],
    });
  });

  it('locks the questions of a form that has answers', () => {
    expect(feedbackDraftOf(FORM, true).questions.every((q) => q.locked)).toBe(true);
    expect(feedbackDraftOf(FORM, false).questions.some((q) => q.locked)).toBe(false);
  });

  it('sends options one per line without blanks, scale words only for a scale, and the default words when left empty', () => {
    const draft = feedbackDraftOf(undefined, false, 'e9');
    expect(draft.eventId).toBe('e9');
    draft.title = 'Ny';
    draft.questions = [
      { ...emptyQuestion('multiple'), text: 'Vad prövade du?', options: 'Karta\n\n Inlägg \n', low: 'ignoreras' },
      { ...emptyQuestion('scale'), text: 'Betyg', low: '', high: ' Toppen ' },
    ];
    const body = feedbackBodyOf(draft);
    expect(body.questions).toEqual([
      { kind: 'multiple', text: 'Vad prövade du?', required: false, options: ['Karta', 'Inlägg'] },
      { kind: 'scale', text: 'Betyg', required: false, scaleLabels: ['Inte alls', 'Toppen'] },
    ]);
    expect(body).not.toHaveProperty('processId');
    expect(body).not.toHaveProperty('stepId');
  });
});
