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
};

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
export function MunicipalityMap({ codes, label, className }: { codes: string[]; label: string; className?: string }) {
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
          setStyleLoaded(true);
        });
        // Clicking a highlighted municipality names it (the table next to the map does so for everyone).
        const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: true, maxWidth: '16rem' });
        map.on('click', 'highlight-fill', (event) => {
          const name = event.features?.[0]?.properties?.name;
          if (typeof name === 'string' && map) popup.setLngLat(event.lngLat).setText(name).addTo(map);
        });
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
    const bounds = bboxOf(data);
    map.fitBounds(bounds ?? SWEDEN, { padding: 24, maxZoom: 7, duration: 0 });
  }, [styleLoaded, highlight.data, codesKey]);

  return (
    <div
      className={`map${className ? ` ${className}` : ''}`}
      role="region"
      aria-label={label}
      data-testid="map"
      data-map-state={state}
      data-municipality-codes={codesKey}
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
