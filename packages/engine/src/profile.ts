import defaultProfileJson from '../profile.json' with { type: 'json' };

/** Car profile: which ways are drivable and how fast. See README "Profile". */
export interface Profile {
  /** A way is drivable iff its `highway` value is a key here; value = default speed (km/h). */
  speeds_kmh: Record<string, number>;
  /** A parseable `maxspeed` tag overrides the class speed. */
  use_maxspeed: boolean;
  /** Speed of the leg between an origin/point and the road it snaps to. */
  snap_kmh: number;
  /** Further than this from any road ⇒ `no_road`. */
  max_snap_m: number;
  /** Ferry speed when a ferry has no `duration`; null excludes ferries. */
  ferry_kmh: number | null;
}

export const DEFAULT_PROFILE: Profile = Object.freeze(structuredClone(defaultProfileJson)) as Profile;

/** `--profile` merges over the default (speeds merge key by key). */
export function mergeProfile(overrides: Partial<Profile> | undefined): Profile {
  const base = structuredClone(DEFAULT_PROFILE) as Profile;
  if (!overrides) return base;
  const out: Profile = { ...base, ...overrides, speeds_kmh: { ...base.speeds_kmh, ...(overrides.speeds_kmh ?? {}) } };
  // A class set to null/0 in the override removes it (makes it non-drivable).
  for (const [k, v] of Object.entries(out.speeds_kmh)) if (!(typeof v === 'number' && v > 0)) delete out.speeds_kmh[k];
  validateProfile(out);
  return out;
}

export function validateProfile(p: Profile): void {
  const bad: string[] = [];
  if (typeof p.use_maxspeed !== 'boolean') bad.push('use_maxspeed must be true or false');
  if (!(p.snap_kmh > 0)) bad.push('snap_kmh must be > 0');
  if (!(p.max_snap_m >= 0)) bad.push('max_snap_m must be >= 0');
  if (p.ferry_kmh !== null && !(p.ferry_kmh > 0)) bad.push('ferry_kmh must be > 0 or null');
  if (bad.length) throw new Error(`invalid profile: ${bad.join('; ')}`);
}
