import { closeSync, fstatSync, openSync, readSync, writeSync, renameSync } from 'node:fs';
import { deserializeGraph, serializeGraph } from '../graph/cache.ts';
import type { RoutingGraph } from '../graph/graph.ts';

/** Writes the graph cache (to a temporary name first, so a crash never leaves half a cache). */
export function saveGraph(path: string, g: RoutingGraph, meta: Record<string, unknown> = {}): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    for (const c of serializeGraph(g, meta)) {
      let off = 0;
      while (off < c.length) off += writeSync(fd, c, off, c.length - off);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads a graph cache straight into shared memory, so worker threads can use it without copies. */
export function loadGraph(path: string): { graph: RoutingGraph; meta: Record<string, unknown> } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const sab = new SharedArrayBuffer(size);
    const view = new Uint8Array(sab);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, view, off, Math.min(1 << 30, size - off), off);
      if (n <= 0) throw new Error(`${path}: short read`);
      off += n;
    }
    return deserializeGraph(sab);
  } finally {
    closeSync(fd);
  }
}

/** True when the file starts with the cache magic. */
export function looksLikeGraphCache(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = new Uint8Array(8);
    readSync(fd, b, 0, 8, 0);
    return new TextDecoder().decode(b) === 'SAMGRAPH';
  } finally {
    closeSync(fd);
  }
}
