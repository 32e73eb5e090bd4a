import type { ServicePoint } from '@samhandling/contracts';
import { dayAndMonth, weekdayName } from './labels.ts';

export type OpeningDay = NonNullable<ServicePoint['openingWeek']>[number];

/** A day's row heading: "måndag 1 december". */
export function openingDayLabel(day: OpeningDay): string {
  return `${weekdayName(day.weekday)} ${dayAndMonth(day.date)}`;
}

/** A day's hours: "08:00–12:00, 13:00–17:00", or the closed text; the day's comment after it. */
export function openingDayHours(day: OpeningDay, closedText: string): string {
  const hours = day.intervals.length === 0 ? closedText : day.intervals.map((i) => `${i.from}–${i.to}`).join(', ');
  return day.comment ? `${hours} (${day.comment})` : hours;
}
