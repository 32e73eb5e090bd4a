import { describe, expect, it } from 'vitest';
import { figuresFromSummary } from '../service-plan/seams.ts';
import { legendEntries } from '../../../test/svg-legend.ts';
import { columnWidths, unbreakable } from './column-widths.ts';
import { barChartSvg, escapeXml, planMapSvg } from './figures.ts';

const square = { type: 'Polygon' as const, coordinates: [[[13, 61], [14, 61], [14, 62], [13, 62], [13, 61]]] };
const legend = { service_town: 'Serviceort', service_node: 'Servicenod', service_point: 'Servicepunkt', locality: 'Övrig ort', servicePoint: 'Servicepunkt i inventeringen' };

function circles(svg: string) {
  return [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
}

describe('plan map', () => {
  it('puts places inside the picture, north up and west left, and escapes names', () => {
    const svg = planMapSvg({
      title: 'Karta <Älvdalen>',
      boundary: square,
      places: [
        { name: 'Norr & väst', lon: 13.1, lat: 61.9, level: 'service_town' },
        { name: 'Söder', lon: 13.9, lat: 61.1, level: null },
      ],
      points: [],
      legend,
    });
    expect(svg).toContain('<title id="map-title">Karta &lt;Älvdalen&gt;</title>');
    expect(svg).toContain('>Norr &amp; väst<');
    const [south, north] = circles(svg); // places without a level are drawn first
    expect(north![0]).toBeLessThan(south![0]);
    expect(north![1]).toBeLessThan(south![1]);
    for (const [x, y] of [north!, south!]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(800);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(580);
    }
    // Only the legend names service points when there are none on the map.
    expect(svg).not.toContain('Servicepunkt i inventeringen');
  });
});

describe('map legend', () => {
  const points = [{ name: 'Butiken', lon: 13.5, lat: 61.5 }];
  const places = [{ name: 'Idre', lon: 13.2, lat: 61.8, level: 'service_node' as const }];
  const english = { service_town: 'Service town', service_node: 'Service node', service_point: 'Service point', locality: 'Other locality', servicePoint: 'Service point in the inventory' };

  it.each([
    ['Swedish, full width', legend, 800],
    ['English, full width', english, 800],
    ['Swedish, narrow', legend, 420],
  ])('every entry is drawn whole inside the picture (%s)', (_, labels, width) => {
    const svg = planMapSvg({ title: 'Karta', boundary: square, places, points, legend: labels }, width, 400);
    const entries = legendEntries(svg);
    expect(entries.map((e) => e.label)).toEqual(Object.values(labels));
    for (const entry of entries) {
      expect(entry.right, entry.label).toBeLessThanOrEqual(entry.svgWidth);
      expect(entry.bottom, entry.label).toBeLessThanOrEqual(entry.svgHeight);
    }
  });

  it('wraps into more rows, and a taller picture, when the width is short', () => {
    // At 14 px (issue 13 §6) the five entries need about 900 px for one row.
    const wide = planMapSvg({ title: 'Karta', boundary: square, places, points, legend }, 1000, 400);
    const narrow = planMapSvg({ title: 'Karta', boundary: square, places, points, legend }, 420, 400);
    const rows = (svg: string) => new Set(legendEntries(svg).map((e) => e.bottom)).size;
    expect(rows(wide)).toBe(1);
    expect(rows(narrow)).toBeGreaterThan(1);
    expect(legendEntries(narrow)[0]!.svgHeight).toBeGreaterThan(legendEntries(wide)[0]!.svgHeight);
  });

  it('the chart legend too', () => {
    const labels = ['0–10 min', '10–20 min', '20–30 min', '30–45 min', 'över 45 minuter med bil'];
    const svg = barChartSvg({ title: 'Befolkning', rows: [{ label: 'Dagligvaror', segments: labels.map((label) => ({ label, value: 10 })) }], colours: ['#111111'], valueLabel: String, mode: 'share' }, 500);
    const entries = legendEntries(svg);
    expect(entries.map((e) => e.label)).toEqual(labels);
    for (const entry of entries) expect(entry.right, entry.label).toBeLessThanOrEqual(entry.svgWidth);
  });
});

describe('document table columns', () => {
  const measure = (text: string) => text.length * 6;
  it('gives every column at least its longest word and fills the width', () => {
    const rows = [['Lokal servicepunkt i Särna: Samla paketutlämning, apoteksombud och kontantuttag', 'Särna', 'Älvdalens kommun', '1\u00a0mars\u00a02026 – 31\u00a0december\u00a02026']];
    const widths = columnWidths(['Åtgärd', 'Var', 'Vilka', 'När'], rows, 400, measure, 4)!;
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 6);
    rows[0]!.forEach((cell, i) => {
      for (const word of unbreakable(cell)) expect(widths[i]!, word).toBeGreaterThanOrEqual(measure(word) + 8);
    });
    // The long text gets the most room.
    expect(widths[0]).toBe(Math.max(...widths));
  });

  it('breaks at spaces and after dashes only, keeping no-break spaces', () => {
    expect(unbreakable('Gemensam varu-distribution 350\u00a0000 – klar')).toEqual(['Gemensam', 'varu-', 'distribution', '350\u00a0000', '–', 'klar']);
  });

  it('says when the longest words alone are too wide, so a smaller font is tried', () => {
    expect(columnWidths(null, [['Drivmedelsförsörjningsplanering', 'Kontantuttagsmöjligheter']], 100, measure, 4)).toBeNull();
  });
});

describe('bar chart', () => {
  it('splits a bar into shares that fill the plot width', () => {
    const svg = barChartSvg({
      title: 'Befolkning',
      rows: [{ label: 'Dagligvaror', segments: [{ label: '<5', value: 300 }, { label: '>5', value: 100 }] }],
      colours: ['#111111', '#222222'],
      valueLabel: String,
      mode: 'share',
    });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="26"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(3, 1);
    expect(widths[0]! + widths[1]!).toBeCloseTo(800 - 190 - 30, 0);
  });

  it('escapes every kind of markup character', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('analysis summary seam', () => {
  it('reads the engine aggregate shape and a list shape alike, and says when nothing is there', () => {
    const classes = [
      { label: '<5', from_min: 0, to_min: 5, population: 10, origins: 1 },
      { label: '>30', from_min: 30, to_min: null, population: 2, origins: 1 },
    ];
    const fromRecord = figuresFromSummary('a', { groceries: { population: 12, classes } });
    const fromList = figuresFromSummary('a', [{ type: 'groceries', classes }]);
    expect(fromRecord).toEqual(fromList);
    expect(fromRecord).toMatchObject({ available: true, types: [{ type: 'groceries', classes: [{ label: '<5', population: 10 }, { label: '>30', population: 2 }] }] });
    expect(figuresFromSummary('a', null)).toMatchObject({ available: false, reason: 'no_summary', types: [] });
  });
});

describe('text sizes (issue 13 §6)', () => {
  const sizes = (svg: string) => [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  it('writes no text, legends included, smaller than 12 px in the map or the chart', () => {
    const map = planMapSvg({
      title: 'Karta',
      boundary: square,
      places: [
        { name: 'Idre', lon: 13.1, lat: 61.9, level: 'service_town' },
        { name: 'Särna', lon: 13.9, lat: 61.1, level: null },
      ],
      points: [{ name: 'Handlarn', lon: 13.5, lat: 61.5 }],
      legend,
    });
    const chart = barChartSvg({
      title: 'Invånare per restid',
      rows: [{ label: 'Dagligvaror', segments: [{ label: 'Under 5 min', value: 400 }, { label: 'Över 30 min', value: 600 }] }],
      colours: ['#1b6b52', '#6b2d1b'],
      valueLabel: (n) => String(n),
      mode: 'count',
    });
    for (const svg of [map, chart]) {
      expect(sizes(svg).length).toBeGreaterThan(2);
      expect(Math.min(...sizes(svg))).toBeGreaterThanOrEqual(12);
    }
    // The legends are at least body-ish size (14 px in an 800 px wide figure).
    expect(map).toMatch(/font-size="14" fill="#111111">Serviceort</);
    expect(chart).toMatch(/font-size="14" fill="#111111">Under 5 min</);
  });
});
