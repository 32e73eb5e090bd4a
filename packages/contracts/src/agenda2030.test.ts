import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agenda2030Tags, goalsWithTargets, TARGET_CODES } from './agenda2030.ts';

describe('Agenda 2030 targets', () => {
  it('lists the 169 targets of data/agenda2030/targets.csv in its order', () => {
    const csv = readFileSync(new URL('../../../data/agenda2030/targets.csv', import.meta.url), 'utf8');
    const codes = csv.trim().split('\n').slice(1).map((line) => line.split(',')[1]);
    expect(TARGET_CODES).toEqual(codes);
    expect(TARGET_CODES).toHaveLength(169);
  });

  it('accepts lettered targets and refuses codes that do not exist', () => {
    expect(agenda2030Tags.targets.safeParse(['11.a', '17.19', '8.10']).success).toBe(true);
    expect(agenda2030Tags.targets.safeParse(['11.8']).success).toBe(false);
    expect(agenda2030Tags.targets.safeParse(['18.1']).success).toBe(false);
  });

  it('counts a target for its goal', () => {
    expect(goalsWithTargets([3], ['11.a', '3.1', '16.10'])).toEqual([3, 11, 16]);
  });
});
