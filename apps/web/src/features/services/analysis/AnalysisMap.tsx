import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useSettings } from '../../../api/hooks.ts';

export interface MapCell {
  id: string;
  lon: number;
  lat: number;
  colour: string;
  /** Set in a scenario: the cell's travel time got worse or better. */
  change?: 'worse' | 'better';
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  colour: string;
  state: 'open' | 'closed' | 'new' | 'moved';
  label: string;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function style(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f8f6f1' } }],
  };
}

const pointFeature = (id: string, lon: number, lat: number, props: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  id: undefined,
  properties: { id, ...props },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/**
 * The analysis map: municipality boundaries, populated cells coloured by travel-time class, the
 * service points by type, and in a scenario the cells whose time changed (ringed). Clicking a point
 * or the map serves the scenario editor; every figure here is also in the tables beside it.
 */
export function AnalysisMap({
  label,
  municipalityCodes,
  cells,
  changes,
  points,
  onMapClick,
  onPointClick,
  picking,
}: {
  label: string;
  municipalityCodes: string[];
  cells: MapCell[];
  /** The scenario's difference map: only the cells whose travel time changed, drawn over the rest. */
  changes: MapCell[];
  points: MapPoint[];
  onMapClick?: (lon: number, lat: number) => void;
  onPointClick?: (id: string) => void;
  picking?: boolean;
}) {
  const { t } = useTranslation();
  const { data: settings, isPending: settingsPending } = useSettings();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'fallback'>('loading');
  const [loaded, setLoaded] = useState(false);
  const handlers = useRef({ onMapClick, onPointClick });
  handlers.current = { onMapClick, onPointClick };
  const fitted = useRef(false);
  const codes = [...new Set(municipalityCodes)].sort().join(',');
  const boundaries = useQuery({
    queryKey: ['municipality-boundaries', codes],
    queryFn: () => api<FeatureCollection>('/api/municipalities/boundaries', { query: { codes } }),
    enabled: codes.length > 0,
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
          style: styleUrl ?? style(),
          center: [16, 62],
          zoom: 4,
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
          map.addSource('boundaries', { type: 'geojson', data: EMPTY });
          map.addSource('cells', { type: 'geojson', data: EMPTY });
          map.addSource('changes', { type: 'geojson', data: EMPTY });
          map.addSource('points', { type: 'geojson', data: EMPTY });
          map.addLayer({ id: 'boundaries-line', type: 'line', source: 'boundaries', paint: { 'line-color': '#55615c', 'line-width': 1.2 } });
          map.addLayer({
            id: 'cells',
            type: 'circle',
            source: 'cells',
            paint: {
              'circle-color': ['get', 'colour'],
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2, 9, 5, 12, 10],
              'circle-opacity': 0.85,
            },
          });
          map.addLayer({
            id: 'changes',
            type: 'circle',
            source: 'changes',
            paint: {
              'circle-color': ['get', 'colour'],
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3, 9, 6, 12, 11],
              'circle-stroke-color': ['match', ['get', 'change'], 'worse', '#000000', '#0b5cad'],
              'circle-stroke-width': 2.5,
            },
          });
          map.addLayer({
            id: 'points',
            type: 'circle',
            source: 'points',
            paint: {
              'circle-color': ['match', ['get', 'state'], 'closed', '#ffffff', ['get', 'colour']],
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 4, 10, 7],
              'circle-stroke-color': ['match', ['get', 'state'], 'closed', '#6b6b6b', 'new', '#000000', 'moved', '#000000', '#ffffff'],
              'circle-stroke-width': ['match', ['get', 'state'], 'new', 3, 'moved', 3, 2],
            },
          });
          map.on('click', (event) => {
            const hit = map!.queryRenderedFeatures(event.point, { layers: ['points'] })[0];
            const id = hit?.properties?.id;
            if (typeof id === 'string' && handlers.current.onPointClick) handlers.current.onPointClick(id);
            else handlers.current.onMapClick?.(event.lngLat.lng, event.lngLat.lat);
          });
          setLoaded(true);
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
      setLoaded(false);
    };
  }, [settingsPending, settings?.mapStyleUrl]);

  useEffect(() => {
    const source = mapRef.current?.getSource('boundaries') as GeoJSONSource | undefined;
    if (loaded && boundaries.data) source?.setData(boundaries.data);
  }, [loaded, boundaries.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    (map.getSource('cells') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: cells.map((c) => pointFeature(c.id, c.lon, c.lat, { colour: c.colour })),
    });
    if (!fitted.current && cells.length) {
      fitted.current = true;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const c of [...cells, ...points]) {
        x0 = Math.min(x0, c.lon);
        y0 = Math.min(y0, c.lat);
        x1 = Math.max(x1, c.lon);
        y1 = Math.max(y1, c.lat);
      }
      map.fitBounds([[x0, y0], [x1, y1]], { padding: 24, maxZoom: 11, duration: 0 });
    }
  }, [loaded, cells, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    (map.getSource('changes') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: changes.map((c) => pointFeature(c.id, c.lon, c.lat, { colour: c.colour, change: c.change ?? 'none' })),
    });
  }, [loaded, changes]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    (map.getSource('points') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: points.map((p) => pointFeature(p.id, p.lon, p.lat, { colour: p.colour, state: p.state, label: p.label })),
    });
  }, [loaded, points]);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = picking ? 'crosshair' : '';
  }, [picking, loaded]);

  return (
    <div className="map analysis-map" role="region" aria-label={label} data-testid="analysis-map" data-map-state={state} data-cells={cells.length} data-changed-cells={changes.length} data-points={points.length}>
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
