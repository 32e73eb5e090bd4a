import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_actors.ts';
import * as m0003 from './migrations/0003_service_points.ts';
import * as m0004 from './migrations/0004_analyses.ts';
import * as m0005 from './migrations/0005_service_plans.ts';
import * as m0006 from './migrations/0006_groups_events.ts';
import * as m0007 from './migrations/0007_inputs.ts';
import * as m0008 from './migrations/0008_boards.ts';
import * as m0009 from './migrations/0009_rate_limits.ts';
import * as m0010gdpr from './migrations/0010_gdpr_privacy.ts';

/** Listed by hand so migrations run the same from source, from a bundle and in tests. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_actors': m0002,
  '0003_service_points': m0003,
  '0004_analyses': m0004,
  '0005_service_plans': m0005,
  '0006_groups_events': m0006,
  '0007_inputs': m0007,
  '0008_boards': m0008,
  '0009_rate_limits': m0009,
  '0010_gdpr_privacy': m0010gdpr,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
