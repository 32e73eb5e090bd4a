import { ROAD_CLASSES, type RoadClass } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSettings } from '../api/hooks.ts';
import { enumLabel } from '../i18n/labels.ts';
import { setSourceData } from './map-base.tsx';

/**
 * The roads of a space's imported road network on its maps (issue 13 §1: bearings without a
 * basemap). Drawn under the points, wider and darker the bigger the road; left out when a basemap
 * is configured (it has its own roads) and when the space has no built network.
 */

export const ROADS_SOURCE = 'roads';
export const ROADS_LAYER = 'roads-line';

/** Colour and width (px at zoom 12) of each display class. */
export const ROAD_STYLE: Record<RoadClass, { colour: string; width: number }> = {
  major: { colour: '#2b2b2b', width: 4 },
  primary: { colour: '#4a4a4a', width: 3 },
  secondary: { colour: '#6a6a6a', width: 2 },
  minor: { colour: '#8a8a8a', width: 1.2 },
};

const byClass = (value: (c: RoadClass) => number | string): ExpressionSpecification =>
  ['match', ['get', 'class'], ...ROAD_CLASSES.flatMap((c) => [c, value(c)]), value('minor')] as unknown as ExpressionSpecification;

export const roadsLayer = {
  id: ROADS_LAYER,
  type: 'line',
  source: ROADS_SOURCE,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: {
    'line-color': byClass((c) => ROAD_STYLE[c].colour),
    // Thin at county scale, full width in a village; local streets fade in as one zooms in.
    'line-width': [
      'interpolate',
      ['linear'],
      ['zoom'],
      6,
      byClass((c) => ROAD_STYLE[c].width / 3),
      12,
      byClass((c) => ROAD_STYLE[c].width),
    ],
    'line-opacity': ['interpolate', ['linear'], ['zoom'], 7, byClass((c) => (c === 'minor' ? 0.25 : 0.9)), 10, 0.9],
  },
} satisfies LayerSpecification;

/** The space's roads, unless a basemap is configured; revalidated with the server's ETag. */
export function useSpaceRoads(spaceId: string | undefined) {
  const { data: settings } = useSettings();
  const basemap = settings ? Boolean(settings.mapStyleUrl ?? settings.mapTilesUrl) : true;
  return useQuery({
    queryKey: ['space-roads', spaceId],
    queryFn: () => api.getRoadNetworkRoads({ params: { id: spaceId! } }),
    enabled: Boolean(spaceId) && !basemap,
    staleTime: 5 * 60_000,
  });
}

/**
 * Adds the space's roads to a loaded map, under `beforeLayer` (the points), and hands back the
 * classes drawn (for the legend), none when there are no roads to draw.
 */
export function useRoadsLayer(
  mapRef: RefObject<MapLibreMap | null>,
  loaded: boolean,
  spaceId: string | undefined,
  beforeLayer: string,
): RoadClass[] {
  const roads = useSpaceRoads(spaceId);
  const [shown, setShown] = useState<RoadClass[]>([]);
  const data = roads.data;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    if (!data || data.features.length === 0) {
      if (map.getLayer(ROADS_LAYER)) map.removeLayer(ROADS_LAYER);
      setShown([]);
      return;
    }
    if (map.getSource(ROADS_SOURCE)) setSourceData(map, ROADS_SOURCE, data as FeatureCollection);
    else map.addSource(ROADS_SOURCE, { type: 'geojson', data: data as FeatureCollection });
    if (!map.getLayer(ROADS_LAYER)) map.addLayer(roadsLayer, map.getLayer(beforeLayer) ? beforeLayer : undefined);
    setShown(map.getLayer(ROADS_LAYER) ? data.features.map((f) => f.properties.class) : []);
  }, [loaded, data]);
  return shown;
}

/** The legend of the drawn road classes, biggest first; nothing when no roads are drawn. */
export function RoadsLegend({ classes }: { classes: readonly RoadClass[] }) {
  const { t } = useTranslation();
  if (classes.length === 0) return null;
  return (
    <ul className="analysis-legend" aria-label={t('mapRoads.legend')} data-testid="roads-legend">
      {[...ROAD_CLASSES]
        .reverse()
        .filter((c) => classes.includes(c))
        .map((c) => (
          <li key={c}>
            <span
              className="analysis-legend__swatch analysis-legend__swatch--road"
              style={{ background: ROAD_STYLE[c].colour, height: `${Math.max(2, ROAD_STYLE[c].width)}px` }}
              aria-hidden="true"
            />
            {enumLabel(t, 'roadClass', c)}
          </li>
        ))}
    </ul>
  );
}
