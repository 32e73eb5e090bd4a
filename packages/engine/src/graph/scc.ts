/**
 * Strongly connected components (iterative Tarjan, so national graphs do not overflow the stack).
 * Returns the component id of every node and the id of the largest component.
 */
export function stronglyConnected(n: number, first: Int32Array, adj: Int32Array): { comp: Int32Array; largest: number; sizes: number[] } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = first[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < first[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = adj[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = first[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        const id = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = id;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const p = callNode[depth]!;
        if (low[v]! < low[p]!) low[p] = low[v]!;
      }
    }
  }
  let largest = -1;
  let best = 0;
  for (let i = 0; i < sizes.length; i++)
    if (sizes[i]! > best) {
      best = sizes[i]!;
      largest = i;
    }
  return { comp, largest, sizes };
}
