import { describe, expect, it } from 'vitest';
import { emptyCoFinancier, factsBodyOf, factsDraftOf } from './facts-form.ts';

describe('the project facts form', () => {
  it('reads amounts as Swedes write them and empty dates as none', () => {
    const draft = factsDraftOf(null);
    draft.budget = '12 500 000';
    draft.periodStart = '2024-01-01';
    draft.coFinanciers = [{ ...emptyCoFinancier(), name: 'Region Västerbotten', amount: '2 000 000,50' }];
    draft.steeringGroup = [{ key: 'k', name: 'Anna Lind', organisation: 'Sorsele kommun', role: 'Ordförande' }];
    expect(factsBodyOf(draft)).toEqual({
      body: {
        periodStart: '2024-01-01',
        periodEnd: null,
        budget: 12_500_000,
        coFinanciers: [{ name: 'Region Västerbotten', amount: 2_000_000.5 }],
        steeringGroup: [{ name: 'Anna Lind', organisation: 'Sorsele kommun', role: 'Ordförande' }],
      },
      problems: {},
    });
  });

  it('finds an amount that is missing or not a number before anything is sent', () => {
    const draft = factsDraftOf({ periodStart: null, periodEnd: null, budget: 100, coFinanciers: [], steeringGroup: [], spinOffs: [] });
    expect(draft.budget).toBe('100');
    draft.budget = 'mycket';
    draft.coFinanciers = [{ ...emptyCoFinancier(), name: 'ERUF', amount: '' }];
    expect(factsBodyOf(draft).problems).toEqual({ budget: 'number', 'coFinanciers.0.amount': 'required' });
  });

  it('shows saved amounts with a decimal comma', () => {
    const draft = factsDraftOf({ periodStart: '2024-01-01', periodEnd: '2026-12-31', budget: 1500.5, coFinanciers: [{ name: 'ERUF', amount: 750.25 }], steeringGroup: [], spinOffs: [] });
    expect([draft.budget, draft.coFinanciers[0]!.amount]).toEqual(['1500,5', '750,25']);
  });
});
