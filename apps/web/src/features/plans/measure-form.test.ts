import { describe, expect, it } from 'vitest';
import { emptyFunding, emptyMilestone, emptyParticipant, parseSwedishNumber, patchOf, type MeasureDraft } from './measure-form.ts';

const draft = (patch: Partial<MeasureDraft> = {}): MeasureDraft => ({
  title: 'Åtgärd',
  description: '',
  responsibleOrganisationId: '',
  municipalityCode: '2580',
  initialMunicipalityCode: '2580',
  place: '',
  startDate: '',
  endDate: '',
  budgetSek: '',
  participants: [],
  milestones: [],
  funding: [],
  links: [],
  goals: [],
  targets: [],
  ...patch,
});

describe('parseSwedishNumber', () => {
  it('reads numbers as written in Swedish', () => {
    expect(parseSwedishNumber('1 500')).toBe(1500);
    expect(parseSwedishNumber('1\u00a0500,5')).toBe(1500.5);
    expect(parseSwedishNumber('2.5')).toBe(2.5);
    expect(parseSwedishNumber('25 000 kr')).toBe(25000);
    expect(parseSwedishNumber('  ')).toBeNull();
  });
  it('answers NaN for what is not a number', () => {
    expect(parseSwedishNumber('tio')).toBeNaN();
    expect(parseSwedishNumber('1,5,5')).toBeNaN();
  });
});

describe('patchOf', () => {
  it('turns the draft into the PATCH body with numbers and nulls', () => {
    const { body, problems } = patchOf(
      draft({
        budgetSek: '120 000',
        participants: [{ ...emptyParticipant(), organisationId: 'o1', what: 'Lokaler', hours: '12,5', moneySek: '3 000' }],
        milestones: [{ ...emptyMilestone(), title: 'Start', date: '2026-03-01' }],
        funding: [{ ...emptyFunding(), source: 'Leader', amountSek: '' }],
      }),
    );
    expect(problems).toEqual({});
    expect(body.budgetSek).toBe(120000);
    expect(body.participants).toEqual([{ organisationId: 'o1', what: 'Lokaler', hours: 12.5, moneySek: 3000, youth: false }]);
    expect(body.milestones).toEqual([{ title: 'Start', date: '2026-03-01', done: false }]);
    expect(body.funding).toEqual([{ source: 'Leader', amountSek: null }]);
    expect(body.startDate).toBeNull();
  });
  it('sends the municipality only when it changed, and then clears the locality (whose municipality it was)', () => {
    expect('municipalityCode' in patchOf(draft()).body).toBe(false);
    expect(patchOf(draft({ municipalityCode: '2581' })).body).toMatchObject({ municipalityCode: '2581', localityId: null });
    expect(patchOf(draft({ municipalityCode: '' })).body).toMatchObject({ municipalityCode: null, localityId: null });
  });
  it('names the row field whose number cannot be read', () => {
    const { problems } = patchOf(
      draft({
        participants: [emptyParticipant(), { ...emptyParticipant(), hours: 'många', moneySek: '10,5' }],
        funding: [{ ...emptyFunding(), amountSek: 'x' }],
      }),
    );
    expect(problems).toEqual({
      'participants.1.hours': 'number',
      'participants.1.moneySek': 'wholeNumber',
      'funding.0.amountSek': 'number',
    });
  });
});
