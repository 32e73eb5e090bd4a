import type { NetworkEdge, NetworkNode } from '@samhandling/contracts';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metrics.ts';

const node = (id: string, sector: NetworkNode['sector'] = 'public'): NetworkNode => ({ id, name: id, sector, level: 'local', type: 'other', municipalityCode: null, degree: 0 });
const edge = (source: string, target: string): NetworkEdge => ({ id: `${source}-${target}`, source, target, type: 'partnership', origin: 'manual', frequency: null, exampleData: false });
const valueOf = (list: { organisationId: string; value: number }[], id: string) => list.find((x) => x.organisationId === id)!.value;

describe('network metrics', () => {
  it('on a path a–b–c–d: density 1/2, betweenness by hand', async () => {
    const metrics = await computeMetrics([node('a'), node('b', 'private'), node('c', 'civil_society'), node('d', 'civil_society')], [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')]);
    expect(metrics.nodeCount).toBe(4);
    expect(metrics.edgeCount).toBe(3);
    expect(metrics.density).toBeCloseTo(3 / 6);
    // b lies on the shortest paths a–c and a–d: 2 of the (n-1)(n-2)/2 = 3 pairs not involving b.
    expect(valueOf(metrics.betweenness, 'b')).toBeCloseTo(2 / 3);
    expect(valueOf(metrics.betweenness, 'c')).toBeCloseTo(2 / 3);
    expect(valueOf(metrics.betweenness, 'a')).toBe(0);
    // a–b public–private, b–c private–civil, c–d civil–civil: 2 of 3 ties cross sectors.
    expect(metrics.crossSectorShare).toBeCloseTo(2 / 3);
    expect(metrics.sectorMatrix.public!.private).toBe(1);
    expect(metrics.sectorMatrix.private!.public).toBe(1);
    expect(metrics.sectorMatrix.civil_society!.civil_society).toBe(1);
    expect(metrics.countsBySector).toEqual({ public: 1, private: 1, civil_society: 2, academia: 0 });
    expect(valueOf(metrics.degree, 'b')).toBe(2);
  });

  it('on a star: the centre has betweenness 1, leaves 0; an isolated node is listed', async () => {
    const leaves = ['l1', 'l2', 'l3', 'l4'];
    const metrics = await computeMetrics([node('hub'), ...leaves.map((l) => node(l)), node('alone')], leaves.map((l) => edge('hub', l)));
    expect(valueOf(metrics.betweenness, 'hub')).toBeCloseTo(6 / 10); // 6 leaf pairs of the 10 pairs not involving hub (alone has none)
    expect(leaves.every((l) => valueOf(metrics.betweenness, l) === 0)).toBe(true);
    expect(metrics.isolated).toEqual(['alone']);
    expect(metrics.crossSectorShare).toBe(0);
  });

  it('finds two communities joined by one bridge', async () => {
    const left = ['a1', 'a2', 'a3', 'a4'];
    const right = ['b1', 'b2', 'b3', 'b4'];
    const clique = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => edge(x, y)));
    const metrics = await computeMetrics([...left, ...right].map((id) => node(id)), [...clique(left), ...clique(right), edge('a1', 'b1')]);
    expect(metrics.communities).toHaveLength(2);
    expect(metrics.communities.map((c) => c.organisationIds).sort()).toEqual([left, right].sort());
    expect(metrics.modularity).toBeGreaterThan(0.3);
    // The bridge ends carry every shortest path between the halves.
    expect(valueOf(metrics.betweenness, 'a1')).toBeGreaterThan(valueOf(metrics.betweenness, 'a2'));
  });

  it('counts several collaborations between one pair as one tie', async () => {
    const metrics = await computeMetrics([node('a'), node('b')], [edge('a', 'b'), { ...edge('a', 'b'), id: 'second', type: 'funding' }]);
    expect(metrics.edgeCount).toBe(1);
    expect(metrics.density).toBe(1);
  });
});
