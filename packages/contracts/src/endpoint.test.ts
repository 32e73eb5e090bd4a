import { describe, expect, it } from 'vitest';
import type { EndpointInput, EndpointResult } from './endpoint.ts';
import { endpoints, type Endpoints } from './endpoints/index.ts';
import * as tables from './endpoints/index.ts';
import type { SpaceAction } from './spaces.ts';

describe('the endpoint table', () => {
  it('names every endpoint once across the domain tables, each with one method and path', () => {
    const domainTables = Object.entries(tables).filter(([name]) => name.endsWith('Endpoints'));
    const names = domainTables.flatMap(([, table]) => Object.keys(table));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(endpoints).sort()).toEqual([...names].sort());
    const routes = Object.values(endpoints).map((e) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('declares params for exactly the parameters in each path', () => {
    for (const [name, e] of Object.entries(endpoints)) {
      const inPath = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const declared = 'params' in e && e.params ? Object.keys((e.params as unknown as { shape: object }).shape) : [];
      expect(declared.sort(), name).toEqual(inPath.sort());
    }
  });

  it('types what a caller sends and receives (checked by typecheck)', () => {
    type GetSpace = Endpoints['getSpace'];
    const params: EndpointInput<GetSpace, 'params'> = { id: '8d0f…' };
    // @ts-expect-error a path parameter the endpoint does not have
    const wrong: EndpointInput<GetSpace, 'params'> = { spaceId: 'x' };
    const archive: SpaceAction = 'archive';
    // @ts-expect-error a misspelt action is no action of a space, so a button asking for it cannot compile
    const typo: SpaceAction = 'archve';
    const answer = null as unknown as EndpointResult<GetSpace>;
    const actions: SpaceAction[] | undefined = answer?.allowedActions;
    expect([params, wrong, archive, typo, actions]).toHaveLength(5);
  });
});
