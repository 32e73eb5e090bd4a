/**
 * Per-node labels of a two-nearest-sources search: the nearest source (0) and the nearest *other*
 * source (1), each with the travel time and road distance from the node to it. src = -1: none.
 */
export interface Labels {
  src0: Int32Array;
  sec0: Float64Array;
  m0: Float64Array;
  src1: Int32Array;
  sec1: Float64Array;
  m1: Float64Array;
}

export type BufferFactory = (bytes: number) => ArrayBufferLike;
export const plainBuffers: BufferFactory = (bytes) => new ArrayBuffer(bytes);
export const sharedBuffers: BufferFactory = (bytes) => new SharedArrayBuffer(bytes);

export function allocLabels(n: number, alloc: BufferFactory = plainBuffers): Labels {
  return {
    src0: new Int32Array(alloc(4 * n)),
    sec0: new Float64Array(alloc(8 * n)),
    m0: new Float64Array(alloc(8 * n)),
    src1: new Int32Array(alloc(4 * n)),
    sec1: new Float64Array(alloc(8 * n)),
    m1: new Float64Array(alloc(8 * n)),
  };
}

export function resetLabels(l: Labels): void {
  l.src0.fill(-1);
  l.src1.fill(-1);
  l.sec0.fill(Infinity);
  l.sec1.fill(Infinity);
  l.m0.fill(Infinity);
  l.m1.fill(Infinity);
}

/** Sources injected into the search: source `src` reaches node `node` after `sec` s / `m` m. */
export interface Seeds {
  node: Int32Array;
  src: Int32Array;
  sec: Float64Array;
  m: Float64Array;
}
