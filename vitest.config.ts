import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest, longest first: started last (a fresh clone has no timings, and these
 * are small files) they leave one worker running alone at the end of the run.
 */
const SLOW_FILES = [
  'apps/cli/src/process.api.test.ts',
  'apps/server/src/http/fuzz.api.test.ts',
  'apps/cli/src/durability.',
  'apps/server/src/http/policy-matrix-',
  'apps/cli/src/backup.',
  'apps/server/src/db/backup/archive.test.ts',
  'apps/cli/src/shutdown.api.test.ts',
];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => SLOW_FILES.findIndex((slow) => file.moduleId.includes(slow));
    const slow = sorted.filter((file) => rank(file) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...slow, ...sorted.filter((file) => rank(file) < 0)];
  }
}

// Migrate once per run (or reuse the cached PGlite template) before the workers start; each API test
// file then starts from a copy (apps/server/src/test/template.ts).
const templateSetup = ['apps/server/src/test/global-setup.ts'];

export default defineConfig({
  test: {
    sequence: { sequencer: SlowFilesFirst },
    // PGlite, argon2 and the engine are CPU-heavy; two files at a time suit a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          // One module graph per worker, not per file: each file still builds its own app on its own
          // database (test/app.ts), and the server's modules and PGlite's WebAssembly are loaded
          // once per worker instead of once per file (half the CPU of this suite).
          isolate: false,
          globalSetup: templateSetup,
          include: ['apps/server/src/**/*.test.ts', 'apps/cli/src/**/*.test.ts', 'packages/contracts/src/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The API suite alone, for the second pass on a PostgreSQL server (npm test runs it with
          // TEST_DATABASE_URL); the unit and process tests do not touch the database server.
          name: 'api',
          isolate: false,
          globalSetup: templateSetup,
          include: ['apps/server/src/**/*.api.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Only in the PostgreSQL pass: needs a PostgreSQL server (TEST_DATABASE_URL).
          name: 'postgres',
          isolate: false,
          globalSetup: templateSetup,
          include: ['apps/**/*.pg.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // The web app's logic that runs in the browser (live board, offline notes, form values,
          // opening hours), kept apart from React components so it runs here without a browser.
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'engine',
          include: ['packages/engine/src/**/*.test.ts', 'packages/engine/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
