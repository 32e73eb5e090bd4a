import 'maplibre-gl/dist/maplibre-gl.css';
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, MapOptions, StyleSpecification } from 'maplibre-gl';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSettings } from '../api/hooks.ts';

/** The shared MapLibre set-up of the platform's maps (MunicipalityMap, InputsMap, AnalysisMap). */

export type LngLatBounds = [[number, number], [number, number]];

export const SWEDEN: LngLatBounds = [
  [10.6, 55.2],
  [24.3, 69.1],
];
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export type MapState = 'loading' | 'ready' | 'fallback';

/** The base colours of the inline style (used when no map style is configured). */
export const BASE_COLOURS = {
  water: '#dbe7ec',
  land: '#f8f6f1',
  countyLine: '#7d8c86',
  area: '#1b6b52',
  areaLine: '#0b3a2b',
};

export const pointFeature = (lon: number, lat: number, properties: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

export const featureCollection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The box around a collection's coordinates and the given points, or null when there are none. */
export function boundsOf(collection: FeatureCollection, points: readonly { lon: number; lat: number }[] = []): LngLatBounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  const visit = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    if (typeof coords[0] === 'number' && typeof coords[1] === 'number') return add(coords[0], coords[1]);
    for (const c of coords) visit(c);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  for (const p of points) add(p.lon, p.lat);
  if (!Number.isFinite(minX)) return null;
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

/**
 * The county lines (with `withLand`, the land fill below them, for the inline style) and one
 * highlighted area (a source of municipality boundaries) drawn as fill and outline.
 */
export function boundaryLayers(withLand: boolean, area: { source: string; fillOpacity: number; lineWidth: number }): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  if (withLand) layers.push({ id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': BASE_COLOURS.land } });
  layers.push(
    { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': BASE_COLOURS.countyLine, 'line-width': 0.8 } },
    {
      id: `${area.source}-fill`,
      type: 'fill',
      source: area.source,
      paint: { 'fill-color': BASE_COLOURS.area, 'fill-opacity': area.fillOpacity },
    },
    {
      id: `${area.source}-line`,
      type: 'line',
      source: area.source,
      paint: { 'line-color': BASE_COLOURS.areaLine, 'line-width': area.lineWidth },
    },
  );
  return layers;
}

/** A style that asks no server: empty GeoJSON sources under the given ids, and the layers over a background. */
export function inlineStyle(
  sourceIds: readonly string[],
  layers: LayerSpecification[],
  background = BASE_COLOURS.water,
): StyleSpecification {
  return {
    version: 8,
    sources: Object.fromEntries(sourceIds.map((id) => [id, { type: 'geojson', data: EMPTY }])),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': background } }, ...layers],
  };
}

export function addEmptySources(map: MapLibreMap, ids: readonly string[]): void {
  for (const id of ids) map.addSource(id, { type: 'geojson', data: EMPTY });
}

export function setSourceData(map: MapLibreMap | null, id: string, data: FeatureCollection): void {
  (map?.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/** The shipped county boundaries (the base layer of the inline style). */
export function useCountyBoundaries() {
  return useQuery({
    queryKey: ['county-boundaries'],
    queryFn: () => api.getCountyBoundaries(),
    staleTime: Infinity,
  });
}

/** The boundaries of the given municipalities; `codesKey` is their sorted, de-duplicated codes. */
export function useMunicipalityBoundaries(codes: readonly string[]) {
  const codesKey = [...new Set(codes)].sort().join(',');
  const query = useQuery({
    queryKey: ['municipality-boundaries', codesKey],
    queryFn: () => api.getMunicipalityBoundaries({ query: { codes: codesKey } }),
    enabled: codesKey.length > 0,
    staleTime: Infinity,
  });
  return { codesKey, query };
}

type MapLibre = typeof import('maplibre-gl');

export interface BaseMapOptions {
  /** The style used when the platform has no configured map style. */
  inlineStyle: () => StyleSpecification;
  /** The first view; Sweden by default. */
  view?: Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'>;
  /** Called right after the map is created: attach handlers here. */
  setUp?: (map: MapLibreMap, maplibregl: MapLibre, context: { styleUrl: string | null }) => void;
  /** Called when the style has loaded, before `loaded` turns true: add sources and layers here. */
  onLoad?: (map: MapLibreMap, context: { styleUrl: string | null }) => void;
}

/**
 * Creates a MapLibre map in `container` once the settings are known (the configured map style, or
 * the inline one that asks no server), with the platform's localised controls, no rotation, and
 * cooperative gestures. `state` is 'fallback' when the browser cannot draw it (no WebGL).
 * The options and texts are read once at creation; the map is not rebuilt on a language switch.
 */
export function useBaseMap(options: BaseMapOptions) {
  const { t } = useTranslation();
  const { data: settings, isPending: settingsPending } = useSettings();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [state, setState] = useState<MapState>('loading');
  const [loaded, setLoaded] = useState(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    if (settingsPending || !container.current) return;
    let cancelled = false;
    let map: MapLibreMap | null = null;
    const styleUrl = settings?.mapStyleUrl ?? null;
    const opts = optionsRef.current;
    (async () => {
      try {
        const { default: maplibregl } = await import('maplibre-gl');
        if (cancelled || !container.current) return;
        map = new maplibregl.Map({
          container: container.current,
          style: styleUrl ?? opts.inlineStyle(),
          ...(opts.view ?? { bounds: SWEDEN, fitBoundsOptions: { padding: 12 } }),
          attributionControl: styleUrl ? { compact: true } : false,
          cooperativeGestures: true,
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          locale: {
            'Map.Title': t('map.canvasLabel'),
            'NavigationControl.ZoomIn': t('map.zoomIn'),
            'NavigationControl.ZoomOut': t('map.zoomOut'),
            'NavigationControl.ResetBearing': t('map.resetBearing'),
            'Popup.Close': t('map.closePopup'),
            'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureWindows'),
            'CooperativeGesturesHandler.MacHelpText': t('map.gestureMac'),
            'CooperativeGesturesHandler.MobileHelpText': t('map.gestureMobile'),
          },
        });
        map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        map.on('load', () => {
          if (cancelled || !map) return;
          opts.onLoad?.(map, { styleUrl });
          setLoaded(true);
        });
        opts.setUp?.(map, maplibregl, { styleUrl });
        // Missing tiles from a configured basemap are not fatal; log them for the operator.
        map.on('error', (event) => console.warn('map:', event.error?.message));
        mapRef.current = map;
        setState('ready');
      } catch (error) {
        console.warn('The map could not be created:', error);
        if (!cancelled) setState('fallback');
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [settingsPending, settings?.mapStyleUrl]);

  return { container, mapRef, state, loaded };
}

/** The map's canvas, and in its place, when the map cannot be drawn, a message. */
export function MapCanvas({
  container,
  state,
  fallbackText,
}: {
  container: RefObject<HTMLDivElement | null>;
  state: MapState;
  fallbackText: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div ref={container} className="map__canvas" hidden={state === 'fallback'} />
      {state === 'fallback' && (
        <div className="map__fallback">
          <p>
            <strong>{t('map.fallbackTitle')}</strong>
          </p>
          <p>{fallbackText}</p>
        </div>
      )}
    </>
  );
}
