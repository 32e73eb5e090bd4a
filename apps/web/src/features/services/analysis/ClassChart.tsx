import { useEffect, useRef } from 'react';

export interface ChartRow {
  /** The bar (a service type or a municipality). */
  group: string;
  /** The travel-time class label shown. */
  cls: string;
  classIndex: number;
  population: number;
}

/**
 * Population per travel-time class as stacked horizontal bars (Observable Plot, SVG). The SVG has a
 * title and description for screen readers; the table beside it carries the same numbers.
 */
export function ClassChart({ rows, colours, title, description, testId }: { rows: ChartRow[]; colours: string[]; title: string; description: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(rows);
  useEffect(() => {
    let cancelled = false;
    const node = ref.current;
    if (!node) return;
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      const groups = [...new Set(rows.map((r) => r.group))];
      const classes = [...new Map(rows.map((r) => [r.classIndex, r.cls])).entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
      const chart = Plot.plot({
        ariaLabel: title,
        ariaDescription: description,
        width: Math.max(300, Math.min(node.clientWidth || 640, 900)),
        height: 40 + groups.length * 34,
        marginLeft: 120,
        x: { label: null, grid: true, tickFormat: (d: number) => new Intl.NumberFormat('sv-SE').format(d) },
        y: { label: null, domain: groups },
        color: { domain: classes, range: colours.slice(0, classes.length), legend: true },
        style: { fontSize: '14px', fontFamily: 'inherit', color: '#1d2521', background: 'transparent' },
        marks: [Plot.barX(rows, Plot.stackX({ y: 'group', x: 'population', fill: 'cls', order: 'classIndex' })), Plot.ruleX([0])],
      });
      // Plot labels its mark groups with aria-label on plain <g>, which ARIA does not allow; the
      // SVG keeps its own label and description, and the table beside it has the numbers.
      chart.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
      node.replaceChildren(chart);
    });
    return () => {
      cancelled = true;
    };
  }, [key, title, description, colours]);
  return <div ref={ref} className="analysis-chart" data-testid={testId} />;
}
