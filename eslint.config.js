// ESLint: typescript-eslint's recommended rules plus the import directions of ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const noDeepModuleRepositories = {
  group: ['../../*/**/*.repository.ts', '../../../modules/**/*.repository.ts'],
  message: 'Modules talk to each other through services, never through another module’s repository.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['packages/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@samhandling/server', '@samhandling/web', '@samhandling/cli', '**/apps/**'], message: 'The engine imports nothing from the apps.' }] },
      ],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@samhandling/server', '@samhandling/web', '**/apps/**', 'kysely', 'fastify'], message: 'Contracts are shared: no server or database code.' }] }],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepModuleRepositories] }] },
  },
  {
    files: ['apps/server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noDeepModuleRepositories, { group: ['./*.repository.ts', '../**/*.repository.ts', 'kysely'], message: 'Routes call services; SQL lives in repositories.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['./*.service.ts', './*.routes.ts', '../**/*.service.ts', '../**/*.routes.ts', '**/http/**'], message: 'Repositories hold queries only: imports point routes → service → repository.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/platform/**/*.ts', 'apps/server/src/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../modules/**', '../http/**'], message: 'The platform kit knows no domain module or HTTP.' }] }] },
  },
  {
    // db/schema.ts merges the modules' table types (`<entity>.table.ts`) into one Database, and may import those only.
    files: ['apps/server/src/db/schema.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(http/|modules/(?!.*\\.table\\.ts$))', message: 'db/schema.ts merges table types only: it imports `*.table.ts` files and nothing else of the modules.' }] }] },
  },
  {
    files: ['apps/server/src/**/*.table.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/*.service.ts', '**/*.routes.ts', '**/*.repository.ts', '**/http/**'], message: 'Table files hold column types only.' }] }] },
  },
  {
    files: ['apps/server/src/db/migrations/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../../**', '../schema.ts'], message: 'Migrations are frozen in time: they never import app code or types.' }] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@samhandling/server', '**/apps/server/**', 'kysely', 'fastify'], message: 'The web app talks to the server over HTTP only.' }] }] },
  },
);
