/**
 * The plan's figures as SVG, drawn on the server for the documents (rasterised there) and the
 * print view: the municipality's boundary with its localities and service points, the
 * analysis' population per travel-time class per service type, and the measures by status.
 * Pure functions of their input; every text is escaped.
 */

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface MapPlace {
  name: string;
  lon: number;
  lat: number;
  /** A service level gives the place a larger, coloured mark and a label. */
  level: 'service_town' | 'service_node' | 'service_point' | null;
}

export interface MapInput {
  title: string;
  boundary: Geometry;
  places: MapPlace[];
  points: { name: string; lon: number; lat: number }[];
  legend: { service_town: string; service_node: string; service_point: string; locality: string; servicePoint: string };
}

const FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";
export const LEVEL_COLOURS = { service_town: '#0b3a2b', service_node: '#1b6b52', service_point: '#6aa88f' } as const;
const LEVEL_RADIUS = { service_town: 9, service_node: 7, service_point: 5.5 } as const;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function rings(geometry: Geometry): number[][][] {
  if (geometry.type === 'Polygon') return geometry.coordinates as number[][][];
  return (geometry.coordinates as number[][][][]).flat();
}

/** A local equirectangular projection, scaled by cos(latitude) so shapes look right in Sweden. */
function projection(allPoints: number[][], width: number, height: number, margin: number) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of allPoints) {
    if (x! < minX) minX = x!;
    if (x! > maxX) maxX = x!;
    if (y! < minY) minY = y!;
    if (y! > maxY) maxY = y!;
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return (lon: number, lat: number): [number, number] => [offsetX + (lon - minX) * k * scale, offsetY + (maxY - lat) * scale];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A generous estimate of a label's width in DejaVu Sans (the documents' font, among the widest a
 * browser may fall back to): the legend is laid out with it so no entry runs off the picture.
 */
export function estimatedTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += /[mwMW@]/.test(c) ? 1 : /[A-ZÅÄÖ]/.test(c) ? 0.78 : /[ilj.,:;'|!]/.test(c) ? 0.32 : c === ' ' ? 0.32 : 0.64;
  return em * fontSize;
}

export interface LegendItem {
  mark: string;
  label: string;
}

// Issue 13 §6: legends at body-like size (an 800 px figure is scaled down in the documents).
const LEGEND_FONT = 14;
const LEGEND_ROW = 26;
const LEGEND_MARK = 22;
const LEGEND_GAP = 28;

/** Legend entries flowed left to right into as many rows as the width needs. */
export function layoutLegend(items: LegendItem[], width: number, { margin = 16, fontSize = LEGEND_FONT, mark = LEGEND_MARK } = {}): { x: number; row: number; item: LegendItem }[] {
  const placed: { x: number; row: number; item: LegendItem }[] = [];
  let x = margin;
  let row = 0;
  for (const item of items) {
    const w = mark + estimatedTextWidth(item.label, fontSize);
    if (x > margin && x + w > width - margin) {
      row += 1;
      x = margin;
    }
    placed.push({ x, row, item });
    x += w + LEGEND_GAP;
  }
  return placed;
}

export function planMapSvg(input: MapInput, width = 800, mapHeight = 520): string {
  const items: LegendItem[] = [
    { mark: `<circle cx="8" cy="0" r="8" fill="${LEVEL_COLOURS.service_town}"/>`, label: input.legend.service_town },
    { mark: `<circle cx="8" cy="0" r="6.5" fill="${LEVEL_COLOURS.service_node}"/>`, label: input.legend.service_node },
    { mark: `<circle cx="8" cy="0" r="5" fill="${LEVEL_COLOURS.service_point}"/>`, label: input.legend.service_point },
    { mark: `<circle cx="8" cy="0" r="3" fill="#555555"/>`, label: input.legend.locality },
  ];
  if (input.points.length > 0) items.push({ mark: `<rect x="4" y="-4" width="8" height="8" fill="#b5482a"/>`, label: input.legend.servicePoint });
  const legend = layoutLegend(items, width);
  const rows = (legend.at(-1)?.row ?? 0) + 1;
  const height = mapHeight + rows * LEGEND_ROW + 14;
  const boundaryRings = rings(input.boundary);
  const project = projection(
    [...boundaryRings.flat(), ...input.places.map((p) => [p.lon, p.lat]), ...input.points.map((p) => [p.lon, p.lat])],
    width,
    mapHeight,
    24,
  );
  const path = boundaryRings
    .map((ring) => 'M' + ring.map(([x, y]) => project(x!, y!).map(round).join(' ')).join('L') + 'Z')
    .join(' ');
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title">`);
  parts.push(`<title id="map-title">${escapeXml(input.title)}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<path d="${path}" fill="#eef3ef" stroke="#1b3a2f" stroke-width="1.5" fill-rule="evenodd"/>`);
  for (const p of input.points) {
    const [x, y] = project(p.lon, p.lat).map(round) as [number, number];
    parts.push(`<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="#b5482a" stroke="#ffffff" stroke-width="1"><title>${escapeXml(p.name)}</title></rect>`);
  }
  const ordered = [...input.places].sort((a, b) => (a.level ? 1 : 0) - (b.level ? 1 : 0));
  for (const p of ordered) {
    const [x, y] = project(p.lon, p.lat).map(round) as [number, number];
    if (p.level) {
      parts.push(`<circle cx="${x}" cy="${y}" r="${LEVEL_RADIUS[p.level]}" fill="${LEVEL_COLOURS[p.level]}" stroke="#ffffff" stroke-width="1.5"/>`);
      parts.push(`<text x="${x + 11}" y="${y + 4}" ${FONT} font-size="14" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(p.name)}</text>`);
    } else {
      parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="#555555"/>`);
      parts.push(`<text x="${x + 6}" y="${y + 4}" ${FONT} font-size="12" fill="#333333" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">${escapeXml(p.name)}</text>`);
    }
  }
  // The legend, below the map, in as many rows as it needs.
  for (const { x, row, item } of legend) {
    parts.push(`<g class="legend-item" transform="translate(${round(x)} ${mapHeight + 20 + row * LEGEND_ROW})">${item.mark}<text x="${LEGEND_MARK}" y="5" ${FONT} font-size="${LEGEND_FONT}" fill="#111111">${escapeXml(item.label)}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface BarChartInput {
  title: string;
  /** One bar per row, split into segments (e.g. travel-time classes). */
  rows: { label: string; segments: { label: string; value: number }[] }[];
  /** Colours for the segment labels, in order. */
  colours: string[];
  valueLabel: (n: number) => string;
  /** Bars of shares (each row sums to 100 %) or of counts. */
  mode: 'share' | 'count';
}

export const CLASS_COLOURS = ['#1b6b52', '#7fb89f', '#e9b44c', '#b5482a', '#6b2d1b'];

/** A horizontal stacked bar chart with a legend, labels and values written out. */
export function barChartSvg(input: BarChartInput, width = 800): string {
  const labelWidth = 190;
  const barHeight = 26;
  const gap = 14;
  const top = 44;
  const segmentLabels = [...new Set(input.rows.flatMap((r) => r.segments.map((s) => s.label)))];
  const legendTop = top + input.rows.length * (barHeight + gap) + 10;
  const legend = layoutLegend(
    segmentLabels.map((label, i) => ({ mark: `<rect width="14" height="14" fill="${input.colours[i % input.colours.length]!}"/>`, label })),
    width,
    { margin: 0, fontSize: LEGEND_FONT, mark: 20 },
  );
  const height = legendTop + ((legend.at(-1)?.row ?? 0) + 1) * 24 + 10;
  const plotWidth = width - labelWidth - 30;
  const max = Math.max(1, ...input.rows.map((r) => r.segments.reduce((sum, s) => sum + s.value, 0)));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title">`);
  parts.push(`<title id="chart-title">${escapeXml(input.title)}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="0" y="22" ${FONT} font-size="16" font-weight="bold" fill="#111111">${escapeXml(input.title)}</text>`);
  input.rows.forEach((row, i) => {
    const y = top + i * (barHeight + gap);
    const total = row.segments.reduce((sum, s) => sum + s.value, 0);
    parts.push(`<text x="${labelWidth - 10}" y="${y + barHeight / 2 + 5}" text-anchor="end" ${FONT} font-size="13" fill="#111111">${escapeXml(row.label)}</text>`);
    let x = labelWidth;
    for (const segment of row.segments) {
      const fraction = input.mode === 'share' ? (total > 0 ? segment.value / total : 0) : segment.value / max;
      const w = fraction * plotWidth;
      const colour = input.colours[segmentLabels.indexOf(segment.label) % input.colours.length]!;
      if (w > 0) {
        parts.push(`<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${barHeight}" fill="${colour}"><title>${escapeXml(`${row.label}, ${segment.label}: ${input.valueLabel(segment.value)}`)}</title></rect>`);
        if (w > 46) {
          const light = colour === '#7fb89f' || colour === '#e9b44c';
          parts.push(`<text x="${round(x + w / 2)}" y="${y + barHeight / 2 + 4}" text-anchor="middle" ${FONT} font-size="12" fill="${light ? '#111111' : '#ffffff'}">${escapeXml(input.valueLabel(segment.value))}</text>`);
        }
      }
      x += w;
    }
    if (total === 0) parts.push(`<text x="${labelWidth + 4}" y="${y + barHeight / 2 + 5}" ${FONT} font-size="12" fill="#555555">0</text>`);
  });
  for (const { x, row, item } of legend) {
    parts.push(`<g class="legend-item" transform="translate(${round(x)} ${legendTop + row * 24})">${item.mark}<text x="20" y="12" ${FONT} font-size="${LEGEND_FONT}" fill="#111111">${escapeXml(item.label)}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
