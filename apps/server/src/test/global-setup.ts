import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, dropPostgresDatabase, pgliteTemplatePath, TEMPLATE_DB_ENV } from './template.ts';

/**
 * Vitest global setup of the server projects: builds the migrated template each test file copies
 * (test/template.ts) once, before the workers start. On PGlite the tarball is cached on disk between
 * runs; on PostgreSQL the template database lives for this run only.
 */
export default async function setup(_project: TestProject): Promise<(() => Promise<void>) | void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    await pgliteTemplatePath();
    return;
  }
  // Several projects of one run (api, postgres) share one template.
  if (process.env[TEMPLATE_DB_ENV]) return;
  const name = await createPostgresTemplate(serverUrl);
  process.env[TEMPLATE_DB_ENV] = name;
  return async () => {
    delete process.env[TEMPLATE_DB_ENV];
    await dropPostgresDatabase(serverUrl, name);
  };
}
