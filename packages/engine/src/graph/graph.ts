import type { BBox } from '../geo.ts';
import type { ContractionHierarchy } from '../routing/ch.ts';

/**
 * The routing graph: junctions only (degree-2 chains contracted), stored as CSR typed arrays in both
 * directions, plus the original segments so that origins and points can snap anywhere along a road.
 *
 * Contracted edge `e` (index into the forward CSR) runs tail[e] → head[e]. Every original segment
 * knows which contracted edge carries it in each drivable direction and where along that edge it
 * starts (`segPosF*` for a→b, `segPosB*` for b→a), so a position on a segment maps to a position on
 * a contracted edge.
 */
export interface RoutingGraph {
  n: number;
  m: number;
  lon: Float64Array;
  lat: Float64Array;
  firstOut: Int32Array;
  head: Int32Array;
  tail: Int32Array;
  sec: Float64Array;
  meters: Float64Array;
  /** Reverse CSR, laid out separately so that the reverse search reads contiguous memory. */
  firstIn: Int32Array;
  inTail: Int32Array;
  inSec: Float64Array;
  inMeters: Float64Array;

  baseLon: Float64Array;
  baseLat: Float64Array;
  segA: Int32Array;
  segB: Int32Array;
  segSec: Float64Array;
  segMeters: Float64Array;
  segDir: Uint8Array;
  /** Contracted edge carrying segment a→b, or -1 (not drivable that way / not in the kept component). */
  segCeF: Int32Array;
  segCeB: Int32Array;
  segPosF: Float64Array;
  segPosFM: Float64Array;
  segPosB: Float64Array;
  segPosBM: Float64Array;

  /** Uniform grid over kept segments for snapping. */
  grid: SegmentGrid;
  /** What the largest strongly connected component left out. */
  dropped: DroppedReport;
  /** Optional hierarchy (routing/cch.ts); when present the full searches are PHAST sweeps over it. */
  ch?: ContractionHierarchy;
}

export interface SegmentGrid {
  minLon: number;
  minLat: number;
  cellW: number;
  cellH: number;
  nx: number;
  ny: number;
  cellStart: Int32Array;
  cellItems: Int32Array;
}

export interface DroppedReport {
  nodes: number;
  segments: number;
  bbox: BBox | null;
}

/** Names of the typed arrays, in cache order. */
export const GRAPH_ARRAYS = [
  'lon',
  'lat',
  'firstOut',
  'head',
  'tail',
  'sec',
  'meters',
  'firstIn',
  'inTail',
  'inSec',
  'inMeters',
  'baseLon',
  'baseLat',
  'segA',
  'segB',
  'segSec',
  'segMeters',
  'segDir',
  'segCeF',
  'segCeB',
  'segPosF',
  'segPosFM',
  'segPosB',
  'segPosBM',
] as const;
export type GraphArrayName = (typeof GRAPH_ARRAYS)[number];

/** Typed arrays of a hierarchy, in cache order. */
export const CH_ARRAYS = [
  'chPos',
  'chNode',
  'chUpFirst',
  'chUpHead',
  'chUpSec',
  'chUpMeters',
  'chPullFirst',
  'chPullTail',
  'chPullSec',
  'chPullMeters',
  'chCoreFirst',
  'chCoreTail',
  'chCoreSec',
  'chCoreMeters',
] as const;
