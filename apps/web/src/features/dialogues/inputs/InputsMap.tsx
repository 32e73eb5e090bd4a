import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useSettings } from '../../../api/hooks.ts';

const SWEDEN: [[number, number], [number, number]] = [
  [10.6, 55.2],
  [24.3, 69.1],
];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Status colours, each at least 3:1 against the land colour; the list beside the map names the status too. */
export const STATUS_COLOURS: Record<string, string> = {
  received: '#0b5cad',
  being_assessed: '#8a5a00',
  planned: '#6a3d9a',
  done: '#1b6b52',
  declined: '#a3262a',
};

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  status: string;
  title: string;
}

function boundsOf(collection: FeatureCollection, points: { lon: number; lat: number }[]): [[number, number], [number, number]] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  };
  const visit = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    if (typeof coords[0] === 'number' && typeof coords[1] === 'number') return add(coords[0], coords[1]);
    for (const c of coords) visit(c);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  for (const p of points) add(p.lon, p.lat);
  return Number.isFinite(minX)
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

function style(withBase: boolean): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: EMPTY },
      area: { type: 'geojson', data: EMPTY },
      inputs: { type: 'geojson', data: EMPTY },
      picked: { type: 'geojson', data: EMPTY },
    },
    layers: withBase ? [{ id: 'background', type: 'background', paint: { 'background-color': '#dbe7ec' } }, ...overlays(true)] : [],
  };
}

function overlays(withLand: boolean): StyleSpecification['layers'] {
  return [
    ...(withLand ? [{ id: 'counties-fill', type: 'fill' as const, source: 'counties', paint: { 'fill-color': '#f8f6f1' } }] : []),
    { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': '#7d8c86', 'line-width': 0.8 } },
    { id: 'area-fill', type: 'fill', source: 'area', paint: { 'fill-color': '#1b6b52', 'fill-opacity': 0.12 } },
    { id: 'area-line', type: 'line', source: 'area', paint: { 'line-color': '#0b3a2b', 'line-width': 1.2 } },
    {
      id: 'inputs-circle',
      type: 'circle',
      source: 'inputs',
      paint: {
        'circle-radius': 6,
        'circle-color': ['match', ['get', 'status'], ...Object.entries(STATUS_COLOURS).flat(), '#333333'] as never,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    { id: 'picked-circle', type: 'circle', source: 'picked', paint: { 'circle-radius': 9, 'circle-color': '#c2410c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } },
  ];
}

/**
 * A map of the space's municipalities with inputs as dots coloured by status, or, with `onPick`,
 * a place picker: a click (or the "use the map's centre" button, for keyboard users who move the
 * map with the arrow keys) sets the point. The list of inputs, or the locality field, is the
 * accessible alternative; without WebGL a message says so.
 */
export function InputsMap({
  municipalityCodes,
  points = [],
  picked,
  onPick,
  onOpen,
  label,
}: {
  municipalityCodes: string[];
  points?: MapPoint[];
  picked?: { lon: number; lat: number } | null;
  onPick?: (point: { lon: number; lat: number } | null) => void;
  onOpen?: (id: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const { data: settings, isPending: settingsPending } = useSettings();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const [state, setState] = useState<'loading' | 'ready' | 'fallback'>('loading');
  const [loaded, setLoaded] = useState(false);
  const codesKey = [...new Set(municipalityCodes)].sort().join(',');
  const counties = useQuery({ queryKey: ['county-boundaries'], queryFn: () => api<FeatureCollection>('/api/counties/boundaries'), staleTime: Infinity });
  const area = useQuery({
    queryKey: ['municipality-boundaries', codesKey],
    queryFn: () => api<FeatureCollection>('/api/municipalities/boundaries', { query: { codes: codesKey } }),
    enabled: codesKey.length > 0,
    staleTime: Infinity,
  });

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
          style: styleUrl ?? style(true),
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
            for (const id of ['counties', 'area', 'inputs', 'picked']) map.addSource(id, { type: 'geojson', data: EMPTY });
            for (const layer of overlays(false)) map.addLayer(layer);
          }
          setLoaded(true);
        });
        map.on('click', (event) => {
          if (!map) return;
          const hit = map.queryRenderedFeatures(event.point, { layers: ['inputs-circle'] })[0];
          if (hit && openRef.current) {
            openRef.current(String(hit.properties?.id));
            return;
          }
          pickRef.current?.({ lon: Number(event.lngLat.lng.toFixed(5)), lat: Number(event.lngLat.lat.toFixed(5)) });
        });
        map.on('mouseenter', 'inputs-circle', () => map && (map.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', 'inputs-circle', () => map && (map.getCanvas().style.cursor = ''));
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

  const source = (id: string) => mapRef.current?.getSource(id) as GeoJSONSource | undefined;

  useEffect(() => {
    if (loaded && counties.data) source('counties')?.setData(counties.data);
  }, [loaded, counties.data]);

  const pointsKey = points.map((p) => `${p.id}:${p.status}:${p.lon},${p.lat}`).join('|');
  useEffect(() => {
    if (!loaded) return;
    source('inputs')?.setData({
      type: 'FeatureCollection',
      features: points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { id: p.id, status: p.status, title: p.title } })),
    });
  }, [loaded, pointsKey]);

  useEffect(() => {
    if (!loaded) return;
    source('picked')?.setData(picked ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [picked.lon, picked.lat] }, properties: {} }] } : EMPTY);
  }, [loaded, picked?.lon, picked?.lat]);

  // Fit the view to the space's area (and the inputs) once both are known.
  const fitted = useRef('');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const data = codesKey ? area.data : EMPTY;
    if (!data) return;
    source('area')?.setData(data);
    const key = `${codesKey}|${points.length}`;
    if (fitted.current === key) return;
    fitted.current = key;
    map.fitBounds(boundsOf(data, points) ?? SWEDEN, { padding: 24, maxZoom: 9, duration: 0 });
  }, [loaded, area.data, codesKey, points.length]);

  return (
    <div className="inputs-map">
      <div className="map" role="region" aria-label={label} data-testid="inputs-map" data-map-state={state} data-point-count={points.length}>
        <div ref={container} className="map__canvas" hidden={state === 'fallback'} />
        {state === 'fallback' && (
          <div className="map__fallback">
            <p>
              <strong>{t('map.fallbackTitle')}</strong>
            </p>
            <p>{onPick ? t('inputs.map.pickFallback') : t('inputs.map.listFallback')}</p>
          </div>
        )}
      </div>
      {onPick && state === 'ready' && (
        <div className="button-group inputs-map__pick">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              const c = mapRef.current?.getCenter();
              if (c) onPick({ lon: Number(c.lng.toFixed(5)), lat: Number(c.lat.toFixed(5)) });
            }}
          >
            {t('inputs.map.useCentre')}
          </button>
          {picked && (
            <button type="button" className="button button--secondary button--small" onClick={() => onPick(null)}>
              {t('inputs.map.clearPoint')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
