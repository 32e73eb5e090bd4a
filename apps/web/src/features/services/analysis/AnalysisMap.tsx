import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addEmptySources,
  BASE_COLOURS,
  boundsOf,
  EMPTY,
  featureCollection,
  inlineStyle,
  MapCanvas,
  pointFeature,
  setSourceData,
  useBaseMap,
  useMunicipalityBoundaries,
} from '../../../components/map-base.tsx';
import { RoadsLegend, useRoadsLayer } from '../../../components/map-roads.tsx';

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

/**
 * The analysis map: municipality boundaries, populated cells coloured by travel-time class, the
 * service points by type, and in a scenario the cells whose time changed (ringed). Clicking a point
 * or the map serves the scenario editor; every figure here is also in the tables beside it.
 */
export function AnalysisMap({
  label,
  spaceId,
  municipalityCodes,
  cells,
  changes,
  points,
  onMapClick,
  onPointClick,
  picking,
}: {
  label: string;
  /** The space: its imported road network, if any, is drawn by class under the cells and points (without a basemap). */
  spaceId: string;
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
  const handlers = useRef({ onMapClick, onPointClick });
  handlers.current = { onMapClick, onPointClick };
  const fitted = useRef(false);
  const { query: boundaries } = useMunicipalityBoundaries(municipalityCodes);

  const { container, mapRef, state, loaded } = useBaseMap({
    inlineStyle: () => inlineStyle([], [], BASE_COLOURS.land),
    view: { center: [16, 62], zoom: 4 },
    onLoad: (map) => {
      addEmptySources(map, ['boundaries', 'cells', 'changes', 'points']);
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
        const hit = map.queryRenderedFeatures(event.point, { layers: ['points'] })[0];
        const id = hit?.properties?.id;
        if (typeof id === 'string' && handlers.current.onPointClick) handlers.current.onPointClick(id);
        else handlers.current.onMapClick?.(event.lngLat.lng, event.lngLat.lat);
      });
    },
  });

  useEffect(() => {
    if (loaded && boundaries.data) setSourceData(mapRef.current, 'boundaries', boundaries.data);
  }, [loaded, boundaries.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    setSourceData(map, 'cells', featureCollection(cells.map((c) => pointFeature(c.lon, c.lat, { id: c.id, colour: c.colour }))));
    if (!fitted.current && cells.length) {
      fitted.current = true;
      const bounds = boundsOf(EMPTY, [...cells, ...points]);
      if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 11, duration: 0 });
    }
  }, [loaded, cells, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    setSourceData(
      map,
      'changes',
      featureCollection(changes.map((c) => pointFeature(c.lon, c.lat, { id: c.id, colour: c.colour, change: c.change ?? 'none' }))),
    );
  }, [loaded, changes]);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    setSourceData(
      map,
      'points',
      featureCollection(points.map((p) => pointFeature(p.lon, p.lat, { id: p.id, colour: p.colour, state: p.state, label: p.label }))),
    );
  }, [loaded, points]);

  const roadClasses = useRoadsLayer(mapRef, loaded, spaceId, 'cells');

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = picking ? 'crosshair' : '';
  }, [picking, loaded]);

  return (
    <>
      <div
        className="map analysis-map"
        role="region"
        aria-label={label}
        data-testid="analysis-map"
        data-map-state={state}
        data-cells={cells.length}
        data-changed-cells={changes.length}
        data-points={points.length}
        data-roads={roadClasses.join(',')}
      >
        <MapCanvas container={container} state={state} fallbackText={t('map.fallbackText')} />
      </div>
      <RoadsLegend classes={roadClasses} />
    </>
  );
}
