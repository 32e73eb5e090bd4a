import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addEmptySources,
  boundaryLayers,
  boundsOf,
  EMPTY,
  featureCollection,
  inlineStyle,
  labelsOf,
  localityLayer,
  MapCanvas,
  pointFeature,
  setSourceData,
  SWEDEN,
  useBaseMap,
  useCountyBoundaries,
  useLocalitiesOf,
  useMapLabels,
  useMunicipalityBoundaries,
} from './map-base.tsx';
import { RoadsLegend, useRoadsLayer } from './map-roads.tsx';

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

const pointsToGeoJson = (points: MapPoint[]): FeatureCollection =>
  featureCollection(
    points.map((p) => pointFeature(p.lon, p.lat, { id: p.id, label: p.label, href: p.href ?? '', muted: p.muted ? 1 : 0 })),
  );

const COLORS = {
  point: '#8a1c4a',
  pointMuted: '#6b6b6b',
  picked: '#1d4ed8',
};

/** Points and the picked place, above the boundaries. */
function pointLayers(): LayerSpecification[] {
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
    {
      id: 'picked-circle',
      type: 'circle',
      source: 'picked',
      paint: { 'circle-radius': 8, 'circle-color': COLORS.picked, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    },
  ];
}

const overlayLayers = (withLand: boolean) => boundaryLayers(withLand, { source: 'highlight', fillOpacity: 0.55, lineWidth: 1.4 });

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
  roadsOf,
}: {
  codes: string[];
  label: string;
  className?: string;
  /** Points to draw; when given, the map fits them instead of the municipalities. */
  points?: MapPoint[];
  /** Makes the map a place picker: a click reports its position. */
  onPick?: (lon: number, lat: number) => void;
  picked?: { lon: number; lat: number } | null;
  /** The space whose imported road network, if any, is drawn by class under the points (without a basemap). */
  roadsOf?: string;
}) {
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const { t } = useTranslation();
  const counties = useCountyBoundaries();
  const { codesKey, query: highlight } = useMunicipalityBoundaries(codes);

  const {
    container,
    mapRef,
    state,
    loaded: styleLoaded,
  } = useBaseMap({
    inlineStyle: () => inlineStyle(['counties', 'highlight'], overlayLayers(true)),
    onLoad: (map, { styleUrl }) => {
      if (styleUrl) {
        // A configured basemap: put the boundaries and highlights on top of it.
        addEmptySources(map, ['counties', 'highlight']);
        for (const layer of overlayLayers(false)) map.addLayer(layer);
      }
      addEmptySources(map, ['localities', 'points', 'picked']);
      map.addLayer(localityLayer);
      for (const layer of pointLayers()) map.addLayer(layer);
    },
    setUp: (map, maplibregl) => {
      // Clicking a highlighted municipality names it (the table next to the map does so for everyone).
      const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: true, maxWidth: '16rem' });
      map.on('click', 'highlight-fill', (event) => {
        const name = event.features?.[0]?.properties?.name;
        if (typeof name === 'string') popup.setLngLat(event.lngLat).setText(name).addTo(map);
      });
      map.on('click', 'points-circle', (event) => {
        const feature = event.features?.[0];
        const text = feature?.properties?.label;
        if (typeof text !== 'string' || onPickRef.current) return;
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
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'points-circle', () => {
        map.getCanvas().style.cursor = onPickRef.current ? 'crosshair' : '';
      });
      if (onPickRef.current) map.getCanvas().style.cursor = 'crosshair';
      map.on('mouseenter', 'highlight-fill', () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'highlight-fill', () => {
        map.getCanvas().style.cursor = '';
      });
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded || !counties.data) return;
    setSourceData(map, 'counties', counties.data);
  }, [styleLoaded, counties.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded) return;
    const data = codesKey.length > 0 ? highlight.data : EMPTY;
    if (!data) return;
    setSourceData(map, 'highlight', data);
    // With points to show, they decide the view (below).
    if (points && points.length > 0) return;
    const bounds = boundsOf(data);
    map.fitBounds(bounds ?? SWEDEN, { padding: 24, maxZoom: 7, duration: 0 });
  }, [styleLoaded, highlight.data, codesKey, points && points.length > 0]);

  // Bearings without a basemap: county, municipality and locality names, and the localities as dots.
  const localities = useLocalitiesOf(codes);
  useMapLabels(mapRef, styleLoaded, [
    ...labelsOf(counties.data, 'county'),
    ...labelsOf(codesKey ? highlight.data : undefined, 'municipality'),
    ...localities.map((l) => ({ lon: l.lon, lat: l.lat, text: l.name, kind: 'locality' as const })),
  ]);
  const localitiesKey = localities.map((l) => l.id).join(',');
  useEffect(() => {
    if (!styleLoaded) return;
    setSourceData(mapRef.current, 'localities', featureCollection(localities.map((l) => pointFeature(l.lon, l.lat, { name: l.name }))));
  }, [styleLoaded, localitiesKey]);

  const roadClasses = useRoadsLayer(mapRef, styleLoaded, roadsOf, localityLayer.id);

  const pointsKey = points ? points.map((p) => `${p.id}:${p.lon}:${p.lat}:${p.muted ? 1 : 0}`).join('|') : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded || !points) return;
    const data = pointsToGeoJson(points);
    setSourceData(map, 'points', data);
    const bounds = boundsOf(data);
    if (bounds && !onPickRef.current) map.fitBounds(bounds, { padding: 32, maxZoom: 12, duration: 0 });
  }, [styleLoaded, pointsKey]);

  const pickedKey = picked ? `${picked.lon},${picked.lat}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded) return;
    const data: FeatureCollection = picked ? pointsToGeoJson([{ id: 'picked', lon: picked.lon, lat: picked.lat, label: '' }]) : EMPTY;
    setSourceData(map, 'picked', data);
    if (picked && !map.getBounds().contains([picked.lon, picked.lat]))
      map.jumpTo({ center: [picked.lon, picked.lat], zoom: Math.max(map.getZoom(), 11) });
  }, [styleLoaded, pickedKey]);

  return (
    <>
      <div
        className={`map${className ? ` ${className}` : ''}`}
        role="region"
        aria-label={label}
        data-testid="map"
        data-map-state={state}
        data-municipality-codes={codesKey}
        data-point-count={points ? points.length : undefined}
        data-style-loaded={styleLoaded ? 'true' : 'false'}
        data-roads={roadClasses.join(',')}
      >
        <MapCanvas container={container} state={state} fallbackText={t('map.fallbackText')} />
      </div>
      <RoadsLegend classes={roadClasses} />
    </>
  );
}
