import type { Labels } from './labels.ts';

/** Remembers the labels of every node before its first change, so a scenario can be undone. */
export class LabelLog {
  private readonly mark: Uint8Array;
  nodes: number[] = [];
  private readonly saved: number[] = [];
  constructor(
    n: number,
    private readonly l: Labels,
  ) {
    this.mark = new Uint8Array(n);
  }
  has(v: number): boolean {
    return this.mark[v] === 1;
  }
  record(v: number): void {
    if (this.mark[v]) return;
    this.mark[v] = 1;
    this.nodes.push(v);
    const l = this.l;
    this.saved.push(l.src0[v]!, l.sec0[v]!, l.m0[v]!, l.src1[v]!, l.sec1[v]!, l.m1[v]!);
  }
  undo(): void {
    const l = this.l;
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const v = this.nodes[i]!;
      const b = 6 * i;
      l.src0[v] = this.saved[b]!;
      l.sec0[v] = this.saved[b + 1]!;
      l.m0[v] = this.saved[b + 2]!;
      l.src1[v] = this.saved[b + 3]!;
      l.sec1[v] = this.saved[b + 4]!;
      l.m1[v] = this.saved[b + 5]!;
      this.mark[v] = 0;
    }
    this.nodes = [];
    this.saved.length = 0;
  }
}
