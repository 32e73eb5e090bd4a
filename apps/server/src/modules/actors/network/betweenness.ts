/**
 * Betweenness centrality (Brandes 2001) for an unweighted, undirected simple graph, on
 * compressed adjacency arrays. graphology-metrics computes the same numbers but takes ~25 s
 * for 5,000 organisations and 20,000 ties; this takes well under a second (bench/RESULTS.md).
 * Normalised as graphology and NetworkX do for undirected graphs: by (n − 1)(n − 2) / 2 pairs.
 */
export function betweennessCentrality(nodeCount: number, edges: readonly (readonly [number, number])[]): Float64Array {
  const n = nodeCount;
  const degree = new Int32Array(n + 1);
  for (const [a, b] of edges) {
    degree[a + 1]!++;
    degree[b + 1]!++;
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + degree[i + 1]!;
  const fill = offset.slice(0, n);
  const adjacency = new Int32Array(offset[n]!);
  for (const [a, b] of edges) {
    adjacency[fill[a]!++] = b;
    adjacency[fill[b]!++] = a;
  }

  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  distance.fill(-1);
  for (let source = 0; source < n; source++) {
    sigma[source] = 1;
    distance[source] = 0;
    // Breadth-first search; `order` doubles as the queue and, read backwards, as the stack.
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++]!;
      const next = distance[v]! + 1;
      for (let i = offset[v]!; i < offset[v + 1]!; i++) {
        const w = adjacency[i]!;
        if (distance[w] === -1) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w]! += sigma[v]!;
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const previous = distance[w]! - 1;
      for (let i = offset[w]!; i < offset[w + 1]!; i++) {
        const v = adjacency[i]!;
        if (distance[v] === previous) delta[v]! += sigma[v]! * coefficient;
      }
      centrality[w]! += delta[w]!;
    }
    // Reset only what this search touched (its component), not all n entries.
    for (let k = 0; k < tail; k++) {
      const v = order[k]!;
      sigma[v] = 0;
      delta[v] = 0;
      distance[v] = -1;
    }
  }
  // Every pair was counted from both ends; then scale to the share of pairs.
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  for (let i = 0; i < n; i++) centrality[i] = centrality[i]! * scale;
  return centrality;
}
