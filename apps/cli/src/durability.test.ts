import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/database.ts';
import { migratedDataDir } from '../../server/src/test/template.ts';
import { killCycles } from './testing/kill-cycles.ts';
import { samhandling, stopAll } from './testing/processes.ts';

/** kill -9 at random moments while writes go on: no write that was answered 2xx is ever lost. */
const children: ChildProcess[] = [];
afterAll(() => stopAll(children));

describe('durability (embedded database)', () => {
  it('keeps every acknowledged write through 10 SIGKILLs at random moments', async () => {
    const dir = await migratedDataDir('durable');
    const email = 'drift@example.org';
    const password = 'kill-nine-password';
    const create = samhandling(['users', 'create', '--email', email, '--password', password, '--admin'], { DATA_DIR: dir }, children);
    expect(await create.exit, create.output()).toBe(0);
    const report = await killCycles({ env: { DATA_DIR: dir }, email, password, cycles: 10, children });
    console.log(`kill -9 (PGlite): ${report.cycles} cycles, ${report.acknowledged.length} acknowledged writes, ${report.unanswered} cut off, ${(report.milliseconds / 1000).toFixed(1)} s`);
    expect(report.acknowledged.length).toBeGreaterThanOrEqual(10);
    // And read straight from the data directory: each village with the audit entry of its transaction.
    const handle = await openDatabase({ dataDir: dir });
    try {
      const ids = report.acknowledged.map((a) => a.id);
      const stored = await handle.db.selectFrom('localities').select('id').where('id', 'in', ids).execute();
      expect(stored).toHaveLength(ids.length);
      const audited = await handle.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'locality.create').where('resource_id', 'in', ids).execute();
      expect(audited).toHaveLength(ids.length);
    } finally {
      await handle.close();
    }
  }, 900_000);
});
