import { M_PER_DEG } from '../geo.ts';

/**
 * Douglas–Peucker simplification of a line of [lon, lat] positions: keeps the first and the last
 * position and every position that lies farther than `toleranceM` metres from the simplified line.
 * Distances are measured on a local equirectangular plane (exact enough for the short stretches of
 * one road); the recursion is an explicit stack, so long lines do not exhaust the call stack.
 */
export function simplifyLine(line: readonly (readonly [number, number])[], toleranceM: number): [number, number][] {
  const n = line.length;
  if (n <= 2) return line.map(([x, y]) => [x, y]);
  const kx = M_PER_DEG * Math.cos((line[0]![1] * Math.PI) / 180);
  const ky = M_PER_DEG;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = toleranceM * toleranceM;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = line[a]![0] * kx;
    const ay = line[a]![1] * ky;
    const dx = line[b]![0] * kx - ax;
    const dy = line[b]![1] * ky - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD2 = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = line[i]![0] * kx - ax;
      const py = line[i]![1] * ky - ay;
      // Distance to the segment a–b (to a itself when a and b coincide, as in a closed way).
      const t = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > worstD2) {
        worstD2 = d2;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([a, worst], [worst, b]);
  }
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push([line[i]![0], line[i]![1]]);
  return out;
}
