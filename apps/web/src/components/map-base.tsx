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

let pmtilesProtocol: Promise<void> | null = null;
/** Registers the `pmtiles://` protocol with MapLibre once (the self-hosted basemap, MAP_TILES). */
function registerPmtiles(maplibregl: MapLibre): Promise<void> {
  pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => {
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
  });
  return pmtilesProtocol;
}

/**
 * The Protomaps basemap (light flavour, Swedish names) over the self-hosted PMTiles archive. With no
 * glyphs configured (MAP_FONTS) the label layers are left out (the map draws its own names as
 * HTML, see useMapLabels); icons are never used, so no sprite is asked for.
 */
export async function protomapsStyle(tilesUrl: string, glyphsUrl: string | null): Promise<StyleSpecification> {
  const { layers, namedFlavor } = await import('@protomaps/basemaps');
  const absolute = new URL(tilesUrl, window.location.href).href;
  const all = layers('protomaps', namedFlavor('light'), { lang: 'sv' }) as LayerSpecification[];
  const kept = all
    .filter((layer) => layer.type !== 'symbol' || (glyphsUrl && !(layer.layout && 'icon-image' in layer.layout)))
    .map((layer) => layer);
  return {
    version: 8,
    ...(glyphsUrl ? { glyphs: new URL(glyphsUrl.replace('{fontstack}', 'FONTSTACK').replace('{range}', 'RANGE'), window.location.href).href.replace('FONTSTACK', '{fontstack}').replace('RANGE', '{range}') } : {}),
    sources: {
      protomaps: {
        type: 'vector',
        url: `pmtiles://${absolute}`,
        attribution: '© <a href="https://openstreetmap.org/copyright">OpenStreetMap</a>',
      },
    },
    layers: kept,
  };
}

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
    const tilesUrl = settings?.mapStyleUrl ? null : (settings?.mapTilesUrl ?? null);
    // A hosted style (MAP_STYLE_URL) or the self-hosted basemap (MAP_TILES): overlays go on top of it.
    const styleUrl = settings?.mapStyleUrl ?? tilesUrl;
    const opts = optionsRef.current;
    (async () => {
      try {
        const { default: maplibregl } = await import('maplibre-gl');
        if (tilesUrl) await registerPmtiles(maplibregl);
        const style = settings?.mapStyleUrl ?? (tilesUrl ? await protomapsStyle(tilesUrl, settings?.mapGlyphsUrl ?? null) : opts.inlineStyle());
        if (cancelled || !container.current) return;
        map = new maplibregl.Map({
          container: container.current,
          style,
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
  }, [settingsPending, settings?.mapStyleUrl, settings?.mapTilesUrl]);

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

/** A name drawn on the map: a county, a municipality or a locality. */
export interface MapLabel {
  lon: number;
  lat: number;
  text: string;
  kind: 'county' | 'municipality' | 'locality';
}

/** A point inside-ish each feature (the middle of its largest ring's box), with its name. */
export function labelsOf(collection: FeatureCollection | undefined, kind: MapLabel['kind']): MapLabel[] {
  if (!collection) return [];
  const labels: MapLabel[] = [];
  for (const feature of collection.features) {
    const name = feature.properties?.name;
    if (typeof name !== 'string' || !feature.geometry) continue;
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [];
    let best: LngLatBounds | null = null;
    let bestArea = -1;
    for (const polygon of polygons) {
      const box = boundsOf(featureCollection([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polygon } }]));
      if (!box) continue;
      const area = (box[1][0] - box[0][0]) * (box[1][1] - box[0][1]);
      if (area > bestArea) [best, bestArea] = [box, area];
    }
    if (best) labels.push({ lon: (best[0][0] + best[1][0]) / 2, lat: (best[0][1] + best[1][1]) / 2, text: name, kind });
  }
  return labels;
}

/**
 * Names on the map (counties, municipalities, localities) drawn as HTML over the canvas, so the map
 * gives bearings without a tile server or glyph files. They are hidden from assistive technology:
 * every map has a list or table of the same places beside it. Counties show at country scale,
 * localities when zoomed in.
 */
export function useMapLabels(mapRef: RefObject<MapLibreMap | null>, loaded: boolean, labels: MapLabel[]) {
  const key = labels.map((l) => `${l.kind}:${l.text}:${l.lon.toFixed(3)},${l.lat.toFixed(3)}`).join('|');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || labels.length === 0) return;
    let cancelled = false;
    const markers: { remove(): void }[] = [];
    const elements: { element: HTMLElement; kind: MapLabel['kind'] }[] = [];
    const update = () => {
      const zoom = map.getZoom();
      for (const { element, kind } of elements) {
        const visible = kind === 'county' ? zoom < 6.5 : kind === 'municipality' ? zoom >= 5.5 : zoom >= 7.5;
        element.style.display = visible ? '' : 'none';
      }
    };
    void import('maplibre-gl').then(({ default: maplibregl }) => {
      if (cancelled) return;
      for (const label of labels) {
        const element = document.createElement('span');
        element.className = `map-label map-label--${label.kind}`;
        element.textContent = label.text;
        element.setAttribute('aria-hidden', 'true');
        elements.push({ element, kind: label.kind });
        markers.push(new maplibregl.Marker({ element, anchor: label.kind === 'locality' ? 'left' : 'center', offset: label.kind === 'locality' ? [6, 0] : [0, 0] }).setLngLat([label.lon, label.lat]).addTo(map));
      }
      update();
      map.on('zoomend', update);
    });
    return () => {
      cancelled = true;
      map.off('zoomend', update);
      for (const marker of markers) marker.remove();
    };
  }, [loaded, key]);
}

/** The localities of the given municipalities (all of them when none are given). */
export function useLocalitiesOf(codes: readonly string[]) {
  const query = useQuery({ queryKey: ['localities', 'all'], queryFn: () => api.getLocalities(), staleTime: 5 * 60_000 });
  const wanted = new Set(codes);
  return (query.data ?? []).filter((l) => wanted.size === 0 || wanted.has(l.municipalityCode));
}

/** A small dot for each locality, drawn under its name (the layer of the `localities` source). */
export const localityLayer: LayerSpecification = {
  id: 'localities-circle',
  type: 'circle',
  source: 'localities',
  minzoom: 7.5,
  paint: { 'circle-radius': 3, 'circle-color': '#3b3b3b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
};
