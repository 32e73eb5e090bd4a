import type { Figure, LocalityDashboard } from '@samhandling/contracts';
import { haversine } from '@samhandling/engine';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getLocality } from '../../geography/locality/locality.service.ts';
import { getAnalysisOrigins } from '../../services/analysis/analysis.service.ts';
import { listSpaces } from '../../spaces/space/space.service.ts';
import { pointsNear, villageAnalysis, villageEvents, villageInputs, villageMeasures, type Box } from './locality-dashboard.repository.ts';

/** Inputs and events without a tag count for the village when placed this close to its point. */
export const VILLAGE_RADIUS_KM = 3;
/** How far to look for the nearest service points (as the crow flies). */
const SERVICE_SEARCH_KM = 100;

const boxAround = (lon: number, lat: number, km: number): Box => {
  const dLat = km / 111.2;
  const dLon = km / (111.2 * Math.cos((lat * Math.PI) / 180));
  return { west: lon - dLon, east: lon + dLon, south: lat - dLat, north: lat + dLat };
};
const km = (m: number) => Math.round(m / 100) / 10;

const INPUT_STATUSES = ['received', 'being_assessed', 'planned', 'done', 'declined'];
const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'paused', 'cancelled'];

function figure(key: string, unit: Figure['unit'], value: number | null, extra: Partial<Figure> = {}): Figure {
  return { key, unit, value, total: null, baseline: null, breakdowns: [], link: null, note: null, ...extra };
}
const tally = (keys: string[], values: string[]) => keys.map((key) => ({ key, value: values.filter((v) => v === key).length }));
/** A link to the one space the rows are in; none when they are in several or none. */
const onlySpace = (spaceIds: string[], path: string) => {
  const distinct = [...new Set(spaceIds)];
  return distinct.length === 1 ? `/spaces/${distinct[0]}/${path}` : null;
};

/**
 * A village's dashboard over the spaces the caller sees (public spaces for everyone, members-only
 * ones for their members): only what the data can say about the village, and the list of what it
 * cannot.
 */
export async function getLocalityDashboard(deps: Deps, ctx: RequestContext, id: string): Promise<LocalityDashboard> {
  const locality = await getLocality(deps, ctx, id);
  const spaceIds = (await listSpaces(deps, ctx)).map((s) => s.id);
  const near = boxAround(locality.lon, locality.lat, VILLAGE_RADIUS_KM);
  const within = (r: { lon: number | null; lat: number | null }) =>
    r.lon !== null && r.lat !== null && haversine(locality.lon, locality.lat, r.lon, r.lat) <= VILLAGE_RADIUS_KM * 1000;
  const now = deps.clock.now();
  const [inputRows, eventRows, measureRows, analysis, points] = await Promise.all([
    villageInputs(deps.db, spaceIds, id, near),
    villageEvents(deps.db, spaceIds, near, now),
    villageMeasures(deps.db, spaceIds, id),
    villageAnalysis(deps.db, spaceIds, id),
    pointsNear(deps.db, spaceIds, boxAround(locality.lon, locality.lat, SERVICE_SEARCH_KM)),
  ]);

  const inputs = inputRows.filter((r) => r.locality_id === id || within(r));
  const events = eventRows.filter(within);
  const measureCount = measureRows.reduce((n, r) => n + r.n, 0);
  const figures: Figure[] = [
    figure('inputs', 'count', inputs.length, {
      breakdowns: [
        {
          dimension: 'status',
          items: tally(
            INPUT_STATUSES,
            inputs.map((r) => r.status),
          ),
        },
        {
          dimension: 'match',
          items: [
            { key: 'tagged', value: inputs.filter((r) => r.locality_id === id).length },
            { key: 'nearby', value: inputs.filter((r) => r.locality_id !== id).length },
          ],
        },
      ],
      link: onlySpace(
        inputs.map((r) => r.space_id),
        'inputs',
      ),
    }),
    figure('events_held', 'count', events.length, {
      breakdowns: [
        {
          dimension: 'kind',
          items: [...new Set(events.map((e) => e.kind))].map((kind) => ({
            key: kind,
            value: events.filter((e) => e.kind === kind).length,
          })),
        },
      ],
      link: onlySpace(
        events.map((r) => r.space_id),
        'events',
      ),
    }),
    figure('measures', 'count', measureCount, {
      breakdowns: [
        {
          dimension: 'status',
          items: MEASURE_STATUSES.map((key) => ({ key, value: measureRows.filter((r) => r.status === key).reduce((n, r) => n + r.n, 0) })),
        },
      ],
      link: onlySpace(
        measureRows.map((r) => r.space_id),
        'action-plans',
      ),
    }),
  ];

  const unknown = ['initiatives'];
  const results = analysis ? await getAnalysisOrigins(deps, ctx, analysis.id) : undefined;
  const origin = results?.origins.find((o) => o.id === id);
  if (analysis && results && origin) {
    const types = results.types;
    const minutes = types.map((type, i) => ({ type, seconds: origin.times[i]?.[1] ?? null }));
    const groceries = minutes.find((m) => m.type === 'groceries');
    // Beyond 30 minutes, or no road to any: the village's whole population.
    const beyond = groceries ? (groceries.seconds === null || groceries.seconds >= 30 * 60 ? origin.population : 0) : null;
    figures.push(
      figure('people_beyond_30_min_groceries', 'people', beyond, {
        total: origin.population,
        breakdowns: [
          {
            dimension: 'minutes_to_nearest',
            items: minutes.filter((m) => m.seconds !== null).map((m) => ({ key: m.type, value: Math.round(m.seconds! / 60) })),
          },
        ],
        link: `/spaces/${analysis.space_id}/analyses/${analysis.id}`,
        note: `${analysis.name}${analysis.mode === 'straight_line' ? ' (fågelvägen)' : ''}`,
      }),
    );
  } else unknown.push('people_beyond_30_min_groceries');

  const nearest = new Map<string, LocalityDashboard['nearest'][number]>();
  for (const p of points) {
    const distanceKm = km(haversine(locality.lon, locality.lat, p.lon, p.lat));
    for (const kind of p.kinds) {
      const best = nearest.get(kind);
      if (!best || distanceKm < best.distanceKm) nearest.set(kind, { kind, pointId: p.id, name: p.name, spaceId: p.space_id, distanceKm });
    }
  }
  if (nearest.size === 0) unknown.push('nearest');

  return {
    locality: {
      id: locality.id,
      name: locality.name,
      municipalityCode: locality.municipalityCode,
      municipalityName: locality.municipalityName,
      population: locality.population,
      lon: locality.lon,
      lat: locality.lat,
    },
    radiusKm: VILLAGE_RADIUS_KM,
    figures,
    nearest: [...nearest.values()].sort((a, b) => a.distanceKm - b.distanceKm || a.kind.localeCompare(b.kind, 'sv')),
    unknown,
  };
}
