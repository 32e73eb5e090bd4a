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
} from '../../../components/map-base.tsx';

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

const SOURCES = ['counties', 'area', 'localities', 'inputs', 'picked'];

function overlays(withLand: boolean): LayerSpecification[] {
  return [
    ...boundaryLayers(withLand, { source: 'area', fillOpacity: 0.12, lineWidth: 1.2 }),
    localityLayer,
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
    {
      id: 'picked-circle',
      type: 'circle',
      source: 'picked',
      paint: { 'circle-radius': 9, 'circle-color': '#c2410c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
    },
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
  focus,
}: {
  municipalityCodes: string[];
  /**
   * What the form has chosen so far (a municipality, a locality): the map shows it, so the map's
   * centre, which a keyboard user picks, lies where the person means.
   */
  focus?: { codes: string[]; point?: { lon: number; lat: number } | null } | undefined;
  points?: MapPoint[];
  picked?: { lon: number; lat: number } | null;
  onPick?: (point: { lon: number; lat: number } | null) => void;
  onOpen?: (id: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const counties = useCountyBoundaries();
  const { codesKey, query: area } = useMunicipalityBoundaries(municipalityCodes);

  const { container, mapRef, state, loaded } = useBaseMap({
    inlineStyle: () => inlineStyle(SOURCES, overlays(true)),
    onLoad: (map, { styleUrl }) => {
      if (styleUrl) {
        addEmptySources(map, SOURCES);
        for (const layer of overlays(false)) map.addLayer(layer);
      }
    },
    setUp: (map) => {
      map.on('click', (event) => {
        const hit = map.queryRenderedFeatures(event.point, { layers: ['inputs-circle'] })[0];
        if (hit && openRef.current) {
          openRef.current(String(hit.properties?.id));
          return;
        }
        pickRef.current?.({ lon: Number(event.lngLat.lng.toFixed(5)), lat: Number(event.lngLat.lat.toFixed(5)) });
      });
      map.on('mouseenter', 'inputs-circle', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'inputs-circle', () => (map.getCanvas().style.cursor = ''));
    },
  });

  useEffect(() => {
    if (loaded && counties.data) setSourceData(mapRef.current, 'counties', counties.data);
  }, [loaded, counties.data]);

  const pointsKey = points.map((p) => `${p.id}:${p.status}:${p.lon},${p.lat}`).join('|');
  useEffect(() => {
    if (!loaded) return;
    setSourceData(
      mapRef.current,
      'inputs',
      featureCollection(points.map((p) => pointFeature(p.lon, p.lat, { id: p.id, status: p.status, title: p.title }))),
    );
  }, [loaded, pointsKey]);

  useEffect(() => {
    if (!loaded) return;
    setSourceData(mapRef.current, 'picked', picked ? featureCollection([pointFeature(picked.lon, picked.lat, {})]) : EMPTY);
  }, [loaded, picked?.lon, picked?.lat]);

  const localities = useLocalitiesOf(municipalityCodes);
  useMapLabels(mapRef, loaded, [
    ...labelsOf(counties.data, 'county'),
    ...labelsOf(codesKey ? area.data : undefined, 'municipality'),
    ...localities.map((l) => ({ lon: l.lon, lat: l.lat, text: l.name, kind: 'locality' as const })),
  ]);
  const localitiesKey = localities.map((l) => l.id).join(',');
  useEffect(() => {
    if (!loaded) return;
    setSourceData(mapRef.current, 'localities', featureCollection(localities.map((l) => pointFeature(l.lon, l.lat, { name: l.name }))));
  }, [loaded, localitiesKey]);

  // The chosen municipality (or locality) decides the view once chosen.
  const focusCodes = focus?.codes ?? [];
  const { codesKey: focusKey, query: focusArea } = useMunicipalityBoundaries(focusCodes);
  const focusPointKey = focus?.point ? `${focus.point.lon},${focus.point.lat}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    if (focus?.point) {
      map.jumpTo({ center: [focus.point.lon, focus.point.lat], zoom: Math.max(map.getZoom(), 11) });
      return;
    }
    if (focusKey && focusArea.data) {
      const bounds = boundsOf(focusArea.data);
      if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 11, duration: 0 });
    }
  }, [loaded, focusKey, focusArea.data, focusPointKey]);

  // Fit the view to the space's area (and the inputs) once both are known.
  const fitted = useRef('');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const data = codesKey ? area.data : EMPTY;
    if (!data) return;
    setSourceData(map, 'area', data);
    const key = `${codesKey}|${points.length}`;
    if (fitted.current === key) return;
    fitted.current = key;
    if (focusKey || focusPointKey) return;
    map.fitBounds(boundsOf(data, points) ?? SWEDEN, { padding: 24, maxZoom: 9, duration: 0 });
  }, [loaded, area.data, codesKey, points.length]);

  return (
    <div className="inputs-map">
      <div
        className="map"
        role="region"
        aria-label={label}
        data-testid="inputs-map"
        data-map-state={state}
        data-point-count={points.length}
      >
        <MapCanvas
          container={container}
          state={state}
          fallbackText={onPick ? t('inputs.map.pickFallback') : t('inputs.map.listFallback')}
        />
        {/* Where "choose the map's centre" puts the point. */}
        {onPick && state === 'ready' && <span className="map__crosshair" aria-hidden="true" />}
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
