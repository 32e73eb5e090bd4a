import type { LayerSpecification } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import {
  addEmptySources,
  boundsOf,
  BASE_COLOURS,
  EMPTY,
  featureCollection,
  inlineStyle,
  MapCanvas,
  pointFeature,
  setSourceData,
  SWEDEN,
  useBaseMap,
  useCountyBoundaries,
} from './map-base.tsx';

export interface PointsMapPoint {
  id: string;
  lon: number;
  lat: number;
  title: string;
}

const SOURCES = ['counties', 'points'];

function overlays(withLand: boolean): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  if (withLand) layers.push({ id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': BASE_COLOURS.land } });
  layers.push(
    { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': BASE_COLOURS.countyLine, 'line-width': 0.8 } },
    {
      id: 'points-circle',
      type: 'circle',
      source: 'points',
      paint: { 'circle-radius': 7, 'circle-color': '#0b5cad', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  );
  return layers;
}

/**
 * A MapLibre map of Sweden's counties with points (where initiatives happen, for example); a click
 * on a point calls `onOpen`. The list beside it is the accessible alternative; without WebGL the
 * map says so in `fallbackText`.
 */
export function PointsMap({ points, onOpen, label, fallbackText, testId = 'points-map' }: { points: PointsMapPoint[]; onOpen?: (id: string) => void; label: string; fallbackText: string; testId?: string }) {
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const counties = useCountyBoundaries();
  const { container, mapRef, state, loaded } = useBaseMap({
    inlineStyle: () => inlineStyle(SOURCES, overlays(true)),
    onLoad: (map, { styleUrl }) => {
      if (styleUrl) {
        addEmptySources(map, SOURCES);
        for (const layer of overlays(false)) map.addLayer(layer);
      }
    },
    setUp: (map) => {
      map.on('click', 'points-circle', (event) => {
        const hit = event.features?.[0];
        if (hit) openRef.current?.(String(hit.properties?.id));
      });
      map.on('mouseenter', 'points-circle', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'points-circle', () => (map.getCanvas().style.cursor = ''));
    },
  });

  useEffect(() => {
    if (loaded && counties.data) setSourceData(mapRef.current, 'counties', counties.data);
  }, [loaded, counties.data]);

  const key = points.map((p) => `${p.id}:${p.lon},${p.lat}`).join('|');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    setSourceData(map, 'points', featureCollection(points.map((p) => pointFeature(p.lon, p.lat, { id: p.id, title: p.title }))));
    map.fitBounds(points.length ? (boundsOf(EMPTY, points) ?? SWEDEN) : SWEDEN, { padding: 32, maxZoom: 8, duration: 0 });
  }, [loaded, key]);

  return (
    <div className="map" role="region" aria-label={label} data-testid={testId} data-map-state={state} data-point-count={points.length}>
      <MapCanvas container={container} state={state} fallbackText={fallbackText} />
    </div>
  );
}
