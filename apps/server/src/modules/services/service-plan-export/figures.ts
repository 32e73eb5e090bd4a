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

export function planMapSvg(input: MapInput, width = 800, height = 640): string {
  const legendHeight = 60;
  const mapHeight = height - legendHeight;
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
  // Legend.
  const ly = mapHeight + 20;
  const items: [string, string][] = [
    [`<circle cx="8" cy="0" r="8" fill="${LEVEL_COLOURS.service_town}"/>`, input.legend.service_town],
    [`<circle cx="8" cy="0" r="6.5" fill="${LEVEL_COLOURS.service_node}"/>`, input.legend.service_node],
    [`<circle cx="8" cy="0" r="5" fill="${LEVEL_COLOURS.service_point}"/>`, input.legend.service_point],
    [`<circle cx="8" cy="0" r="3" fill="#555555"/>`, input.legend.locality],
  ];
  if (input.points.length > 0) items.push([`<rect x="4" y="-4" width="8" height="8" fill="#b5482a"/>`, input.legend.servicePoint]);
  const step = width / items.length;
  items.forEach(([mark, label], i) => {
    parts.push(`<g transform="translate(${round(16 + i * step)} ${ly})">${mark}<text x="22" y="5" ${FONT} font-size="14" fill="#111111">${escapeXml(label)}</text></g>`);
  });
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
  const height = legendTop + 34;
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
  const step = Math.min(150, width / Math.max(1, segmentLabels.length));
  segmentLabels.forEach((label, i) => {
    const colour = input.colours[i % input.colours.length]!;
    parts.push(`<g transform="translate(${round(i * step)} ${legendTop})"><rect width="14" height="14" fill="${colour}"/><text x="20" y="12" ${FONT} font-size="14" fill="#111111">${escapeXml(label)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
