const ZONE = 'Europe/Stockholm';

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** "2026-03-01T18:00" read as Stockholm wall-clock time → ISO 8601 instant; '' → null. */
export function stockholmToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** An ISO instant as the value of a datetime-local input in Stockholm time. */
export function isoToStockholm(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  const local = new Date(instant + offsetMinutes(instant) * 60_000);
  return local.toISOString().slice(0, 16);
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'sv-SE');

/** "tisdag 3 mars 2026, 18:00–20:30" in Stockholm time. */
export function formatEventTime(language: string, startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(locale(language), {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (day.format(start) === day.format(end)) return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

export function formatTime(language: string, iso: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
