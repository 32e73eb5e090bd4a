import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSettings } from '../api/hooks.ts';

const SWEDEN: [[number, number], [number, number]] = [
  [10.6, 55.2],
  [24.3, 69.1],
];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

type MapState = 'loading' | 'ready' | 'fallback';

/** A point drawn on the map (e.g. a service point); `href` makes its popup a link. */
export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  label: string;
  href?: string;
  /** Drawn hollow and grey (e.g. a closed service point). */
  muted?: boolean;
}

const pointsToGeoJson = (points: MapPoint[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { id: p.id, label: p.label, href: p.href ?? '', muted: p.muted ? 1 : 0 } })),
});

function bboxOf(collection: FeatureCollection): [[number, number], [number, number]] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    if (typeof coords[0] === 'number' && typeof coords[1] === 'number') {
      const [x, y] = coords as [number, number];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      return;
    }
    for (const c of coords) visit(c);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(minX)) return null;
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

const COLORS = {
  water: '#dbe7ec',
  land: '#f8f6f1',
  countyLine: '#7d8c86',
  highlight: '#1b6b52',
  highlightLine: '#0b3a2b',
  point: '#8a1c4a',
  pointMuted: '#6b6b6b',
  picked: '#1d4ed8',
};

/** Points and the picked place, above the boundaries. */
function pointLayers(): StyleSpecification['layers'] {
  return [
    {
      id: 'points-circle',
      type: 'circle',
      source: 'points',
      paint: {
        'circle-radius': 6,
        'circle-color': ['case', ['==', ['get', 'muted'], 1], '#ffffff', COLORS.point],
        'circle-stroke-color': ['case', ['==', ['get', 'muted'], 1], COLORS.pointMuted, '#ffffff'],
        'circle-stroke-width': 2,
      },
    },
    { id: 'picked-circle', type: 'circle', source: 'picked', paint: { 'circle-radius': 8, 'circle-color': COLORS.picked, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } },
  ];
}

function inlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: EMPTY },
      highlight: { type: 'geojson', data: EMPTY },
    },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.water } }, ...overlayLayers(true)],
  };
}

function overlayLayers(withLand: boolean): StyleSpecification['layers'] {
  const layers: StyleSpecification['layers'] = [];
  if (withLand) layers.push({ id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': COLORS.land } });
  layers.push(
    { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': COLORS.countyLine, 'line-width': 0.8 } },
    { id: 'highlight-fill', type: 'fill', source: 'highlight', paint: { 'fill-color': COLORS.highlight, 'fill-opacity': 0.55 } },
    { id: 'highlight-line', type: 'line', source: 'highlight', paint: { 'line-color': COLORS.highlightLine, 'line-width': 1.4 } },
  );
  return layers;
}

/**
 * A map of Sweden with the given municipalities highlighted. The base layer is the shipped county
 * boundaries; no tile server is asked unless the platform is configured with a map style. When the
 * browser cannot draw the map (no WebGL), a message says so; the page's list of municipalities is
 * the accessible alternative either way.
 */
export function MunicipalityMap({
  codes,
  label,
  className,
  points,
  onPick,
  picked,
}: {
  codes: string[];
  label: string;
  className?: string;
  /** Points to draw; when given, the map fits them instead of the municipalities. */
  points?: MapPoint[];
  /** Makes the map a place picker: a click reports its position. */
  onPick?: (lon: number, lat: number) => void;
  picked?: { lon: number; lat: number } | null;
}) {
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const { t } = useTranslation();
  const { data: settings, isPending: settingsPending } = useSettings();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [state, setState] = useState<MapState>('loading');
  const [styleLoaded, setStyleLoaded] = useState(false);
  const sortedCodes = [...new Set(codes)].sort();
  const codesKey = sortedCodes.join(',');

  const counties = useQuery({
    queryKey: ['county-boundaries'],
    queryFn: () => api<FeatureCollection>('/api/counties/boundaries'),
    staleTime: Infinity,
  });
  const highlight = useQuery({
    queryKey: ['municipality-boundaries', codesKey],
    queryFn: () => api<FeatureCollection>('/api/municipalities/boundaries', { query: { codes: codesKey } }),
    enabled: codesKey.length > 0,
    staleTime: Infinity,
  });

  // Create the map once the settings are known.
  useEffect(() => {
    if (settingsPending || !container.current) return;
    let cancelled = false;
    let map: MapLibreMap | null = null;
    const styleUrl = settings?.mapStyleUrl ?? null;
    (async () => {
      try {
        const { default: maplibregl } = await import('maplibre-gl');
        if (cancelled || !container.current) return;
        map = new maplibregl.Map({
          container: container.current,
          style: styleUrl ?? inlineStyle(),
          bounds: SWEDEN,
          fitBoundsOptions: { padding: 12 },
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
          if (styleUrl) {
            // A configured basemap: put the boundaries and highlights on top of it.
            map.addSource('counties', { type: 'geojson', data: EMPTY });
            map.addSource('highlight', { type: 'geojson', data: EMPTY });
            for (const layer of overlayLayers(false)) map.addLayer(layer);
          }
          map.addSource('points', { type: 'geojson', data: EMPTY });
          map.addSource('picked', { type: 'geojson', data: EMPTY });
          for (const layer of pointLayers()) map.addLayer(layer);
          setStyleLoaded(true);
        });
        // Clicking a highlighted municipality names it (the table next to the map does so for everyone).
        const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: true, maxWidth: '16rem' });
        map.on('click', 'highlight-fill', (event) => {
          const name = event.features?.[0]?.properties?.name;
          if (typeof name === 'string' && map) popup.setLngLat(event.lngLat).setText(name).addTo(map);
        });
        map.on('click', 'points-circle', (event) => {
          const feature = event.features?.[0];
          const text = feature?.properties?.label;
          if (typeof text !== 'string' || !map || onPickRef.current) return;
          const href = feature?.properties?.href;
          const node = document.createElement(href ? 'a' : 'span');
          node.textContent = text;
          if (href) (node as HTMLAnchorElement).href = String(href);
          popup.setLngLat(event.lngLat).setDOMContent(node).addTo(map);
        });
        map.on('click', (event) => {
          onPickRef.current?.(Math.round(event.lngLat.lng * 1e6) / 1e6, Math.round(event.lngLat.lat * 1e6) / 1e6);
        });
        map.on('mouseenter', 'points-circle', () => {
          if (map) map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', 'points-circle', () => {
          if (map) map.getCanvas().style.cursor = onPickRef.current ? 'crosshair' : '';
        });
        if (onPickRef.current) map.getCanvas().style.cursor = 'crosshair';
        map.on('mouseenter', 'highlight-fill', () => {
          if (map) map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', 'highlight-fill', () => {
          if (map) map.getCanvas().style.cursor = '';
        });
        map.on('error', (event) => {
          // Missing tiles from a configured basemap are not fatal; log them for the operator.
          console.warn('map:', event.error?.message);
        });
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
      setStyleLoaded(false);
    };
    // The label and texts are read once at creation; the map is not rebuilt on a language switch.
  }, [settingsPending, settings?.mapStyleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded || !counties.data) return;
    (map.getSource('counties') as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(counties.data);
  }, [styleLoaded, counties.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded) return;
    const data = codesKey.length > 0 ? highlight.data : EMPTY;
    if (!data) return;
    (map.getSource('highlight') as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(data);
    // With points to show, they decide the view (below).
    if (points && points.length > 0) return;
    const bounds = bboxOf(data);
    map.fitBounds(bounds ?? SWEDEN, { padding: 24, maxZoom: 7, duration: 0 });
  }, [styleLoaded, highlight.data, codesKey, points && points.length > 0]);

  const pointsKey = points ? points.map((p) => `${p.id}:${p.lon}:${p.lat}:${p.muted ? 1 : 0}`).join('|') : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded || !points) return;
    const data = pointsToGeoJson(points);
    (map.getSource('points') as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(data);
    const bounds = bboxOf(data);
    if (bounds && !onPickRef.current) map.fitBounds(bounds, { padding: 32, maxZoom: 12, duration: 0 });
  }, [styleLoaded, pointsKey]);

  const pickedKey = picked ? `${picked.lon},${picked.lat}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded) return;
    const data: FeatureCollection = picked ? pointsToGeoJson([{ id: 'picked', lon: picked.lon, lat: picked.lat, label: '' }]) : EMPTY;
    (map.getSource('picked') as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(data);
    if (picked && !map.getBounds().contains([picked.lon, picked.lat])) map.jumpTo({ center: [picked.lon, picked.lat], zoom: Math.max(map.getZoom(), 11) });
  }, [styleLoaded, pickedKey]);

  return (
    <div
      className={`map${className ? ` ${className}` : ''}`}
      role="region"
      aria-label={label}
      data-testid="map"
      data-map-state={state}
      data-municipality-codes={codesKey}
      data-point-count={points ? points.length : undefined}
      data-style-loaded={styleLoaded ? 'true' : 'false'}
    >
      <div ref={container} className="map__canvas" hidden={state === 'fallback'} />
      {state === 'fallback' && (
        <div className="map__fallback">
          <p>
            <strong>{t('map.fallbackTitle')}</strong>
          </p>
          <p>{t('map.fallbackText')}</p>
        </div>
      )}
    </div>
  );
}
