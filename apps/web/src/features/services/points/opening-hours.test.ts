import { afterAll, describe, expect, it } from 'vitest';
import i18n, { loadLanguage } from '../../../i18n/index.ts';
import { dayAndMonth, weekdayName } from './labels.ts';
import { openingDayHours, openingDayLabel, type OpeningDay } from './opening-hours.ts';

const day = (overrides: Partial<OpeningDay>): OpeningDay => ({ date: '2026-12-07', weekday: 1, intervals: [], comment: null, ...overrides });

afterAll(() => i18n.changeLanguage('sv'));

describe('opening hours on a service point page', () => {
  it('names each day in Swedish: weekday, day and month', async () => {
    await i18n.changeLanguage('sv');
    expect([1, 2, 3, 4, 5, 6, 7].map(weekdayName)).toEqual(['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']);
    expect(dayAndMonth('2026-12-01')).toBe('1 december');
    expect(openingDayLabel(day({ date: '2026-12-07', weekday: 1 }))).toBe('måndag 7 december');
  });

  it('names each day in English when the UI is in English', async () => {
    await loadLanguage('en');
    await i18n.changeLanguage('en');
    expect(openingDayLabel(day({ date: '2027-01-03', weekday: 7 }))).toBe('Sunday 3 January');
  });

  it('lists the intervals of a day, or says it is closed, with the day’s comment after', () => {
    expect(openingDayHours(day({ intervals: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:30' }] }), 'Stängt')).toBe('08:00–12:00, 13:00–17:30');
    expect(openingDayHours(day({ intervals: [] }), 'Stängt')).toBe('Stängt');
    expect(openingDayHours(day({ intervals: [], comment: 'julafton' }), 'Stängt')).toBe('Stängt (julafton)');
    expect(openingDayHours(day({ intervals: [{ from: '10:00', to: '14:00' }], comment: 'endast ombud' }), 'Stängt')).toBe('10:00–14:00 (endast ombud)');
  });

  it('uses the dates as given, without shifting them across midnight', async () => {
    await i18n.changeLanguage('sv');
    // The last day of the year and a leap day, whatever the machine's time zone.
    expect(dayAndMonth('2026-12-31')).toBe('31 december');
    expect(dayAndMonth('2028-02-29')).toBe('29 februari');
  });
});
