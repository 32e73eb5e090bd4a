import type { Network } from '@samhandling/contracts';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Sigma from 'sigma';
import { SECTOR_COLOURS, SECTORS, sectorLabel } from '../actors/labels.ts';
import { createLabelDrawer, type Dot } from './graph-labels.ts';

type DrawState = 'loading' | 'ready' | 'fallback' | 'empty';

const DIMMED = '#d9dedb';
const EDGE = '#9aa5a1';
const EDGE_DERIVED = '#c9d0cd';

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A small deterministic generator, so the same network is laid out the same way every time. */
function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 10_000) / 10_000;
  };
}

/**
 * Lays the network out once: nodes start on a circle (slightly jittered) and ForceAtlas2 pulls
 * collaborators together and pushes the rest apart. Fewer iterations and Barnes–Hut for large
 * networks, so a thousand organisations still draw in about a second. When the network is drawn
 * again (a filter, a new collaboration), organisations keep their earlier places and only a few
 * iterations settle the newcomers, so the picture people have learnt stays the same.
 */
export function buildGraph(network: Network, previous?: ReadonlyMap<string, { x: number; y: number }>): Graph {
  const graph = new Graph({ type: 'undirected', multi: true });
  const n = network.nodes.length;
  const random = seeded(n * 7919 + network.edges.length);
  const maxDegree = network.nodes.reduce((max, node) => Math.max(max, node.degree), 1);
  // Smaller dots in a large network, so that a thousand organisations do not cover each other.
  const [base, scale] = n > 1000 ? [1.5, 6] : n > 300 ? [3, 10] : [4, 14];
  network.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    const known = previous?.get(node.id);
    graph.addNode(node.id, {
      x: known?.x ?? Math.cos(angle) * 100 + (random() - 0.5) * 10,
      y: known?.y ?? Math.sin(angle) * 100 + (random() - 0.5) * 10,
      size: base + scale * Math.sqrt(node.degree / maxDegree),
      color: SECTOR_COLOURS[node.sector] ?? '#666',
      label: node.name,
    });
  });
  for (const edge of network.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, {
      color: edge.origin === 'derived' ? EDGE_DERIVED : EDGE,
      size: edge.origin === 'derived' ? 1 : 1.5,
    });
  }
  if (n > 1) {
    const placed = previous ? network.nodes.filter((node) => previous.has(node.id)).length : 0;
    const full = n > 3000 ? 25 : n > 800 ? 60 : n > 200 ? 120 : 250;
    const iterations = placed >= n * 0.8 ? Math.min(full, 20) : full;
    forceAtlas2.assign(graph, {
      iterations,
      // In a small network dots keep apart (adjustSizes), so that neither they nor their names lie on top of each other.
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 400, adjustSizes: n <= 400 },
    });
  }
  return graph;
}

/**
 * The network drawn with sigma.js (WebGL). Without WebGL it says so and the tables below carry
 * everything. The container's data attributes tell tests and tools what is drawn.
 */
export function NetworkGraph({
  network,
  selected,
  onSelect,
  label,
  listHref,
}: {
  network: Network;
  selected: string | null;
  onSelect: (id: string | null) => void;
  label: string;
  /** Where the same network is written out as tables: offered above the drawing, first of all on a phone. */
  listHref?: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const onSelectRef = useRef(onSelect);
  const positions = useRef(new Map<string, { x: number; y: number }>());
  const [state, setState] = useState<DrawState>('loading');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    if (network.nodes.length === 0) {
      setState('empty');
      return;
    }
    if (!hasWebGl()) {
      setState('fallback');
      return;
    }
    let cancelled = false;
    let instance: Sigma | null = null;
    setState('loading');
    // Sigma is loaded on demand: pages without a drawing do not pay for it.
    void import('sigma')
      .then(({ default: SigmaClass }) => {
        if (cancelled) return;
        const graph = buildGraph(network, positions.current);
        graph.forEachNode((node, attributes) => positions.current.set(node, { x: attributes.x as number, y: attributes.y as number }));
        const labels = createLabelDrawer();
        instance = new SigmaClass(graph, el, {
          labelRenderedSizeThreshold: network.nodes.length > 300 ? 10 : 6,
          // Labels never overlap (graph-labels.ts leaves out one that would), so more may be tried.
          labelDensity: 1,
          labelSize: 14,
          labelFont: 'system-ui, sans-serif',
          labelColor: { color: '#1c2321' },
          defaultDrawNodeLabel: labels.draw,
          stagePadding: 40,
          zIndex: true,
          hideEdgesOnMove: network.edges.length > 5000,
          allowInvalidContainer: true,
        });
        // Each frame starts with no labels written and the dots where they are drawn now.
        instance.on('beforeRender', () => {
          const r = instance;
          // In a very large network the dots are not checked one by one (labels are few there anyway).
          if (!r || r.getGraph().order > 2000) return labels.reset();
          labels.reset(() => {
            const dots: Dot[] = [];
            r.getGraph().forEachNode((node) => {
              const data = r.getNodeDisplayData(node);
              if (!data || data.hidden) return;
              const { x, y } = r.framedGraphToViewport(data);
              dots.push({ key: node, x, y, size: r.scaleSize(data.size) });
            });
            return dots;
          });
        });
        instance.on('clickNode', ({ node }) => onSelectRef.current(node));
        instance.on('clickStage', () => onSelectRef.current(null));
        instance.on('enterNode', () => el.classList.add('network__canvas--pointer'));
        instance.on('leaveNode', () => el.classList.remove('network__canvas--pointer'));
        renderer.current = instance;
        setState('ready');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setFailure(error instanceof Error ? error.message : String(error));
        setState('fallback');
      });
    return () => {
      cancelled = true;
      instance?.kill();
      renderer.current = null;
    };
  }, [network]);

  // The selected organisation and its collaborators stand out; the camera moves to it.
  useEffect(() => {
    const r = renderer.current;
    if (!r || state !== 'ready') return;
    const graph = r.getGraph();
    if (!selected || !graph.hasNode(selected)) {
      r.setSetting('nodeReducer', null);
      r.setSetting('edgeReducer', null);
      r.refresh();
      return;
    }
    // Read the position before the reducers change: they make sigma recompute its display data.
    const position = r.getNodeDisplayData(selected);
    const neighbours = new Set(graph.neighbors(selected));
    r.setSetting('nodeReducer', (node, data) =>
      node === selected
        ? { ...data, highlighted: true, forceLabel: true, zIndex: 2 }
        : neighbours.has(node)
          ? { ...data, forceLabel: true, zIndex: 1 }
          : { ...data, color: DIMMED, label: '', zIndex: 0 },
    );
    r.setSetting('edgeReducer', (edge, data) => (graph.hasExtremity(edge, selected) ? { ...data, color: '#1c2321', size: 2 } : { ...data, hidden: true }));
    if (position) void r.getCamera().animate({ x: position.x, y: position.y, ratio: graph.order > 500 ? 0.2 : 0.6 }, { duration: 400 });
  }, [selected, state]);

  const camera = (action: 'in' | 'out' | 'reset') => {
    const c = renderer.current?.getCamera();
    if (!c) return;
    if (action === 'in') void c.animatedZoom({ duration: 200 });
    else if (action === 'out') void c.animatedUnzoom({ duration: 200 });
    else void c.animatedReset({ duration: 200 });
  };

  const counts = new Map<string, number>();
  for (const node of network.nodes) counts.set(node.sector, (counts.get(node.sector) ?? 0) + 1);

  return (
    <div className="network">
      {listHref && network.nodes.length > 0 && (
        <p className="network__list-link">
          <a href={listHref} data-testid="network-list-link">
            {t('menus.networkAsList')}
          </a>
        </p>
      )}
      <div
        className={`network__canvas network__canvas--${state}`}
        ref={container}
        data-testid="network-graph"
        data-state={state}
        data-node-count={network.nodes.length}
        data-edge-count={network.edges.length}
        data-selected={selected ?? undefined}
        {...(state === 'ready' ? { role: 'img', 'aria-label': label } : {})}
      />
      {state === 'loading' && <p className="network__message">{t('network.drawing')}</p>}
      {state === 'empty' && <p className="network__message">{t('network.emptyDrawing')}</p>}
      {state === 'fallback' && (
        <div className="network__message notice notice--info" data-testid="network-fallback">
          <p>
            <strong>{t('network.fallbackTitle')}</strong>
          </p>
          <p>{t('network.fallbackText')}</p>
          {failure && <p className="muted">{failure}</p>}
        </div>
      )}
      {state === 'ready' && (
        <div className="network__controls">
          <button type="button" className="button button--small button--secondary" onClick={() => camera('in')}>
            {t('network.zoomIn')}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => camera('out')}>
            {t('network.zoomOut')}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => camera('reset')}>
            {t('network.zoomReset')}
          </button>
        </div>
      )}
      <ul className="legend" aria-label={t('network.legend')}>
        {SECTORS.map((s) => (
          <li key={s}>
            <span className={`sector__dot sector__dot--${s}`} aria-hidden="true" />
            {sectorLabel(t, s)} ({counts.get(s) ?? 0})
          </li>
        ))}
        <li>
          <span className="legend__size" aria-hidden="true" />
          {t('network.sizeLegend')}
        </li>
      </ul>
    </div>
  );
}
