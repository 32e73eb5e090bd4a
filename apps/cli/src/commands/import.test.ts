import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, prepareDatabase } from '@samhandling/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from './import.ts';

/** `samhandling import osm FILE --space ID` on an embedded database of its own. */
const ANDORRA = fileURLToPath(new URL('../../../../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'samhandling-cli-import-'));
const saved = { DATA_DIR: process.env.DATA_DIR, DEMO: process.env.DEMO, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL };
let spaceId: string;

async function withDatabase<T>(fn: (deps: Awaited<ReturnType<typeof prepareDatabase>>['deps']) => Promise<T>): Promise<T> {
  const { handle, deps } = await prepareDatabase(loadConfig());
  try {
    return await fn(deps);
  } finally {
    await handle.close();
  }
}

function run(args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  return importCommand.run(args).then(
    (code) => {
      log.mockRestore();
      error.mockRestore();
      return { code, out: out.join('\n') };
    },
    (e) => {
      log.mockRestore();
      error.mockRestore();
      throw e;
    },
  );
}

beforeAll(async () => {
  Object.assign(process.env, { DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'silent' });
  delete process.env.DATABASE_URL;
  spaceId = await withDatabase(async (deps) => {
    const now = new Date();
    const row = await deps.db.insertInto('spaces').values({ name: 'Länet', description: '', kind: 'regional', visibility: 'members', created_by: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}, 60_000);
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('samhandling import osm', () => {
  it('imports a PBF into a space and builds its graph in the command', async () => {
    const { code, out } = await run(['osm', ANDORRA, '--space', spaceId, '--name', 'Andorra']);
    expect(code, out).toBe(0);
    expect(out).toMatch(/Built: \d+ junctions, \d+ edges\./);
    const network = await withDatabase((deps) => deps.db.selectFrom('road_networks').selectAll().where('space_id', '=', spaceId).executeTakeFirstOrThrow());
    expect(network).toMatchObject({ name: 'Andorra', file_name: 'andorra.osm.pbf' });
    expect(network.nodes).toBeGreaterThan(1000);
    expect(existsSync(path.join(dataDir, 'networks', `${network.id}.graph`))).toBe(true);
  }, 60_000);

  it('says what is wrong with bad usage, an unknown space or a file that is not OSM', async () => {
    expect((await run(['osm'])).code).toBe(2);
    expect((await run(['osm', ANDORRA, '--space', 'not-a-uuid'])).code).toBe(2);
    const unknown = await run(['osm', ANDORRA, '--space', '00000000-0000-4000-8000-000000000000']);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.out).toContain('no space with id');
    const text = path.join(dataDir, 'roads.pbf');
    writeFileSync(text, 'this is not a road network');
    const bad = await run(['osm', text, '--space', spaceId]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.out).toContain('not a readable OpenStreetMap');
    expect((await run(['osm', path.join(dataDir, 'missing.pbf'), '--space', spaceId])).code).toBe(1);
  }, 60_000);
});
