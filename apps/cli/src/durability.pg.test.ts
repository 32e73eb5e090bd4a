import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { killCycles } from './testing/kill-cycles.ts';
import { samhandling, stopAll } from './testing/processes.ts';

/** kill -9 at random moments on a PostgreSQL server: no acknowledged write is lost. Runs in the PostgreSQL pass. */
const adminUrl = process.env.TEST_DATABASE_URL!;
const name = `samhandling_durable_${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];

afterAll(async () => {
  stopAll(children);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('durability (PostgreSQL)', () => {
  it('keeps every acknowledged write through 10 SIGKILLs of the app at random moments', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.href, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smh-durable-pg-')) };
    const email = 'drift@example.org';
    const password = 'kill-nine-password';
    const create = samhandling(['users', 'create', '--email', email, '--password', password, '--admin'], env, children);
    expect(await create.exit, create.output()).toBe(0);
    const report = await killCycles({ env, email, password, cycles: 10, children });
    console.log(`kill -9 (PostgreSQL): ${report.cycles} cycles, ${report.acknowledged.length} acknowledged writes, ${report.unanswered} cut off, ${(report.milliseconds / 1000).toFixed(1)} s`);
    expect(report.acknowledged.length).toBeGreaterThanOrEqual(10);
    const check = new pg.Client({ connectionString: url.href });
    await check.connect();
    const ids = report.acknowledged.map((a) => a.id);
    const stored = await check.query('select count(*)::int as n from localities where id = any($1::uuid[])', [ids]);
    const audited = await check.query(`select count(*)::int as n from audit_log where action = 'locality.create' and resource_id = any($1)`, [ids]);
    await check.end();
    expect(stored.rows[0].n).toBe(ids.length);
    expect(audited.rows[0].n).toBe(ids.length);
  }, 900_000);
});
