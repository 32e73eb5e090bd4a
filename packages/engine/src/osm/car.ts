import type { Profile } from '../profile.ts';
import type { Tags } from './types.ts';

export interface WayRule {
  forward: boolean;
  backward: boolean;
  /** Speed used when `durationSec` is null. */
  kmh: number;
  /** Ferries with a `duration` tag: the whole crossing takes this long, spread over the way by length. */
  durationSec: number | null;
  ferry: boolean;
}

const DENY = new Set(['no', 'private']);

/** The most specific access tag present decides (motorcar over motor_vehicle over access). */
function accessDenied(tags: Tags): boolean {
  for (const k of ['motorcar', 'motor_vehicle', 'access']) {
    const v = tags[k];
    if (v !== undefined) return DENY.has(v);
  }
  return false;
}

/** Swedish implicit limits (Trafikverket's defaults), plus the generic forms. */
const IMPLICIT_MAXSPEED: Record<string, number> = {
  'SE:urban': 50,
  'SE:rural': 70,
  'SE:motorway': 110,
  'SE:trunk': 90,
  'SE:living_street': 7,
  'SE:walk': 7,
};

/** Parses `maxspeed`: "70", "70 km/h", "50 mph", "SE:rural", "50;70" (first wins). Returns km/h or null. */
export function parseMaxspeed(v: string | undefined): number | null {
  if (v === undefined) return null;
  const first = v.split(';')[0]!.trim();
  const implicit = IMPLICIT_MAXSPEED[first];
  if (implicit !== undefined) return implicit;
  const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/i.exec(first);
  if (!m) return null;
  const n = Number(m[1]);
  if (!(n > 0)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'mph') return n * 1.609344;
  if (unit === 'knots') return n * 1.852;
  return n;
}

/** Parses a ferry `duration`: "HH:MM", "HH:MM:SS", or minutes as a number. Seconds or null. */
export function parseDuration(v: string | undefined): number | null {
  if (v === undefined) return null;
  const t = v.trim();
  const hms = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(t);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3] ?? 0);
  const minutes = Number(t);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60 : null;
}

/** Decides whether and how a car may use a way. null: not part of the car network. */
export function carWayRule(tags: Tags, profile: Profile): WayRule | null {
  if (accessDenied(tags)) return null;
  let forward = true;
  let backward = true;
  const oneway = tags.oneway;
  if (tags.route === 'ferry') {
    if (profile.ferry_kmh === null) return null;
    if (oneway === 'yes' || oneway === '1' || oneway === 'true') backward = false;
    else if (oneway === '-1' || oneway === 'reverse') forward = false;
    return { forward, backward, kmh: profile.ferry_kmh, durationSec: parseDuration(tags.duration), ferry: true };
  }
  const hw = tags.highway;
  if (hw === undefined || tags.area === 'yes') return null;
  const classKmh = profile.speeds_kmh[hw];
  if (classKmh === undefined || !(classKmh > 0)) return null;
  const junction = tags.junction;
  // Motorways and roundabouts are one-way by OSM convention unless tagged otherwise.
  const implied = hw === 'motorway' || junction === 'roundabout' || junction === 'circular';
  if (oneway === 'yes' || oneway === '1' || oneway === 'true') backward = false;
  else if (oneway === '-1' || oneway === 'reverse') forward = false;
  else if (oneway !== 'no' && oneway !== 'false' && oneway !== '0' && implied) backward = false;
  let kmh = classKmh;
  if (profile.use_maxspeed) {
    const ms = parseMaxspeed(tags.maxspeed);
    if (ms !== null) kmh = ms;
  }
  return { forward, backward, kmh, durationSec: null, ferry: false };
}
