import OpeningHours from 'opening_hours';

/**
 * OSM `opening_hours` values (https://wiki.openstreetmap.org/wiki/Key:opening_hours), parsed by
 * the `opening_hours` library with Swedish public holidays. The library works on wall-clock
 * time (a Date's local fields), so Swedish days are built as local dates from the Swedish
 * calendar date: the answer is the same whatever time zone the server runs in.
 */
const SWEDEN = { lat: 62, lon: 15, address: { country_code: 'se', state: '' } };
const cache = new Map<string, OpeningHours | Error>();

function parse(value: string): OpeningHours | Error {
  let parsed = cache.get(value);
  if (!parsed) {
    try {
      parsed = new OpeningHours(value, SWEDEN as never, { mode: 0 } as never);
    } catch (error) {
      parsed = error instanceof Error ? error : new Error(String(error));
    }
    if (cache.size > 5000) cache.clear();
    cache.set(value, parsed);
  }
  return parsed;
}

/** Warnings that mean the value does not say when the place is open (e.g. "måndag till fredag": no times). */
const UNCLEAR = new Set(['vague', 'nothing_useful']);

/** Why a value cannot be read (the library's explanation with a marker), or null when it can. */
export function openingHoursProblem(value: string): string | null {
  const parsed = parse(value);
  if (parsed instanceof Error) return parsed.message.replace(/\s+/g, ' ').trim().slice(0, 300);
  const unclear = parsed.getStructuredWarnings().filter((w) => UNCLEAR.has(w.type));
  return unclear.length ? unclear.map((w) => w.message).join(' ').replace(/\s+/g, ' ').trim().slice(0, 300) : null;
}

/**
 * The value as stored: kept as typed when it reads cleanly; in the library's canonical form when
 * it had to be corrected ("Mo-Fr 9-18" → "Mo-Fr 09:00-18:00"), so the stored value is plain OSM.
 */
export function canonicalOpeningHours(value: string): string {
  const parsed = parse(value);
  if (parsed instanceof Error || parsed.getStructuredWarnings().length === 0) return value;
  return parsed.prettifyValue();
}

const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Swedish wall clock at an instant, as a Date whose local fields carry it. */
function swedishWallClock(at: Date): Date {
  const parts = Object.fromEntries(swedishDate.formatToParts(at).map((p) => [p.type, p.value]));
  return new Date(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateString = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeString = (d: Date, dayStart: Date) => (d.getTime() - dayStart.getTime() >= 86_400_000 ? '24:00' : `${pad(d.getHours())}:${pad(d.getMinutes())}`);

export interface OpeningDay {
  date: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  intervals: { from: string; to: string }[];
  comment: string | null;
}

/** The seven days from `at` (Swedish calendar), each with its open intervals; null when unreadable. */
export function openingWeek(value: string, at: Date): OpeningDay[] | null {
  const parsed = parse(value);
  if (parsed instanceof Error) return null;
  const now = swedishWallClock(at);
  const days: OpeningDay[] = [];
  for (let i = 0; i < 7; i++) {
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i + 1);
    const intervals = parsed.getOpenIntervals(start, end);
    const comments = intervals.map(([, , , comment]) => comment).filter((c): c is string => !!c);
    days.push({
      date: dateString(start),
      weekday: ((start.getDay() + 6) % 7) + 1,
      intervals: intervals.map(([from, to]) => ({ from: timeString(from, start), to: timeString(to, start) })),
      comment: comments[0] ?? parsed.getComment(start) ?? null,
    });
  }
  return days;
}

/** Whether the point is open at `at` by its hours (null when the hours are unreadable or unknown). */
export function isOpenAt(value: string, at: Date): boolean | null {
  const parsed = parse(value);
  if (parsed instanceof Error) return null;
  const wall = swedishWallClock(at);
  if (parsed.getUnknown(wall)) return null;
  return parsed.getState(wall);
}
