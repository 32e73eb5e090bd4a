import { describe, expect, it } from 'vitest';
import { canonicalOpeningHours, isOpenAt, openingHoursProblem, openingWeek } from './opening-hours.ts';

describe('opening hours (OSM syntax)', () => {
  it('reads valid values and explains invalid ones', () => {
    expect(openingHoursProblem('Mo-Fr 09:00-19:00; Sa 10:00-14:00; Su off')).toBeNull();
    expect(openingHoursProblem('Jun-Aug: Mo-Sa 10:00-18:00')).toBeNull();
    expect(openingHoursProblem('ibland')).toMatch(/<---/);
    // The library understands Swedish day names but the value says no times: refused.
    expect(openingHoursProblem('måndag till fredag')).toMatch(/time selector/);
  });

  it('stores corrected values in canonical OSM form and clean ones as typed', () => {
    expect(canonicalOpeningHours('Mo-Fr 9-18')).toBe('Mo-Fr 09:00-18:00');
    expect(canonicalOpeningHours('Mo-Fr 09:00-19:00; PH off')).toBe('Mo-Fr 09:00-19:00; PH off');
  });

  it('gives the coming week in Swedish local time, with Swedish public holidays', () => {
    // 22 December 2026 09:30 UTC is 10:30 in Stockholm, a Tuesday.
    const week = openingWeek('Mo-Fr 09:00-19:00; Sa 09:00-16:00; Su 11:00-16:00; PH off', new Date('2026-12-22T09:30:00Z'))!;
    expect(week.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-12-22', 2],
      ['2026-12-23', 3],
      ['2026-12-24', 4],
      ['2026-12-25', 5],
      ['2026-12-26', 6],
      ['2026-12-27', 7],
      ['2026-12-28', 1],
    ]);
    expect(week[0]!.intervals).toEqual([{ from: '09:00', to: '19:00' }]);
    expect(week[3]).toMatchObject({ intervals: [], comment: 'juldagen' });
    expect(week[5]!.intervals).toEqual([{ from: '11:00', to: '16:00' }]);
    expect(openingWeek('24/7', new Date('2026-12-22T09:30:00Z'))![0]!.intervals).toEqual([{ from: '00:00', to: '24:00' }]);
  });

  it('decides open or closed by the Stockholm clock', () => {
    // 17:30 UTC in winter is 18:30 in Stockholm: open until 19.
    expect(isOpenAt('Mo-Fr 09:00-19:00', new Date('2026-12-22T17:30:00Z'))).toBe(true);
    expect(isOpenAt('Mo-Fr 09:00-19:00', new Date('2026-12-22T18:30:00Z'))).toBe(false);
    // In summer Stockholm is UTC+2: 07:30 UTC is 09:30.
    expect(isOpenAt('Mo-Fr 09:00-19:00', new Date('2026-06-16T07:30:00Z'))).toBe(true);
    expect(isOpenAt('ibland', new Date())).toBeNull();
  });
});
