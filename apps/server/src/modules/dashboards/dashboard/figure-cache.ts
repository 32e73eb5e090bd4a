import type { Deps } from '../../../platform/deps.ts';
import { watchedCacheOf } from '../../../db/write-watch.ts';
import { swedishToday } from '../../processes/process/process.presenter.ts';
import { nextEventBoundary } from './dashboard.repository.ts';
import type { Scope } from './figures.ts';

/**
 * Computed figures, kept on the embedded database (PGlite) only, where the write watch hears every
 * write before it runs (db/write-watch.ts): any insert or update of a table in the `dashboards`
 * group, and any delete or other write anywhere, drops every entry, and a figure computed across
 * such a write is not kept. On a PostgreSQL server other instances write too and nothing is cached.
 *
 * Figures also move with time alone: an event ends (held, attendance), starts (a test session's
 * feedback counts), or a day passes (a process step falls overdue). An entry is therefore kept only
 * while the scope's clock is before the next start or end of an event of its spaces, on the same
 * Swedish day, and not before the moment it was computed.
 */
interface Entry<T> {
  value: T;
  computedAt: number;
  validUntil: number | null;
  day: string;
}

const LIMITS = { maxAgeMs: 10 * 60_000, maxEntries: 2_000 };

const scopeKey = (scope: Scope) =>
  JSON.stringify([
    scope.kind,
    [...scope.spaceIds].sort(),
    scope.municipalityCodes ? [...scope.municipalityCodes].sort() : null,
    scope.municipalityCount,
    scope.spaceId,
  ]);

export interface FigureCache {
  get<T>(name: string): T | undefined;
  /** Computes what is missing; `compute` runs at most once per call of `fill`. */
  fill<T>(name: string, compute: () => Promise<T>): Promise<T>;
}

/** The cache for one scope at its `now`; a pass-through where no write watch can keep it true. */
export function figureCache(deps: Deps, scope: Scope): FigureCache {
  const cache = watchedCacheOf<Entry<unknown>>(deps.db, 'dashboard-figures', 'dashboards', LIMITS);
  const now = scope.now.getTime();
  const day = swedishToday(scope.now);
  const prefix = scopeKey(scope);
  let boundary: Promise<number | null> | undefined;
  const get = <T>(name: string): T | undefined => {
    const entry = cache?.get(`${name}|${prefix}`);
    if (!entry || now < entry.computedAt || (entry.validUntil !== null && now >= entry.validUntil) || entry.day !== day) return undefined;
    return entry.value as T;
  };
  return {
    get,
    async fill<T>(name: string, compute: () => Promise<T>): Promise<T> {
      if (!cache) return compute();
      const hit = get<T>(name);
      if (hit !== undefined) return hit;
      const mark = cache.mark();
      boundary ??= nextEventBoundary(deps.db, scope);
      const [value, validUntil] = await Promise.all([compute(), boundary]);
      cache.set(`${name}|${prefix}`, { value, computedAt: now, validUntil, day }, mark);
      return value;
    },
  };
}
