import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, dropPostgresDatabase, pgliteTemplatePath, TEMPLATE_CACHE_DIR, TEMPLATE_CACHE_ENV, TEMPLATE_DB_ENV } from './template.ts';

const RUN_TMP_ENV = 'SAMHANDLING_TEST_RUN_TMP';

/**
 * Vitest global setup of the server projects: builds the migrated template each test file copies
 * (test/template.ts) once, before the workers start. On PGlite the tarball is cached on disk between
 * runs; on PostgreSQL the template database lives for this run only.
 */
export default async function setup(_project: TestProject): Promise<(() => Promise<void>) | void> {
  const removeRunTmp = useRunTmp();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    await pgliteTemplatePath();
    return removeRunTmp;
  }
  // Several projects of one run (api, postgres) share one template.
  if (process.env[TEMPLATE_DB_ENV]) return removeRunTmp;
  const name = await createPostgresTemplate(serverUrl);
  process.env[TEMPLATE_DB_ENV] = name;
  return async () => {
    delete process.env[TEMPLATE_DB_ENV];
    await dropPostgresDatabase(serverUrl, name);
    await removeRunTmp?.();
  };
}

/**
 * Every temporary directory the tests and the processes they start make (data directories, backups,
 * uploads: some 40 per run, 2 GB) goes under one directory of this run's, removed at its end. The
 * workers and their child processes inherit TMPDIR, which os.tmpdir() reads. The template cache stays
 * where it was, to be found by the next run.
 */
function useRunTmp(): (() => Promise<void>) | undefined {
  if (process.env[RUN_TMP_ENV]) return undefined;
  const outer = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'samhandling-run-'));
  process.env[TEMPLATE_CACHE_ENV] ??= TEMPLATE_CACHE_DIR;
  process.env[RUN_TMP_ENV] = root;
  process.env.TMPDIR = root;
  return async () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    delete process.env[RUN_TMP_ENV];
    rmSync(root, { recursive: true, force: true });
  };
}
