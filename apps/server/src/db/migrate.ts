import { sql, type Kysely } from 'kysely';
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
import * as m0010accounts from './migrations/0010_accounts_hygiene.ts';
import * as m0011 from './migrations/0011_engine_result_tables.ts';
import * as m0012 from './migrations/0012_engine_point_count.ts';
import * as m0015 from './migrations/0015_agenda2030_library.ts';
import * as m0020 from './migrations/0020_signup_profile.ts';
import * as m0010orgs from './migrations/0010_orgs_organisation_stewardship.ts';
import * as m0010gdpr from './migrations/0010_gdpr_privacy.ts';
import * as m0017models from './migrations/0017_models.ts';
import * as m0019news from './migrations/0019_news_notifications.ts';
import * as m0021modelPlans from './migrations/0021_model_action_plans.ts';
import * as m0016alliances from './migrations/0016_alliances.ts';
import * as m0013agreements from './migrations/0013_agreements.ts';
import * as m0018processes from './migrations/0018_processes_dashboards.ts';
import * as m0014plans from './migrations/0014_plans.ts';
import * as m0021links from './migrations/0021_links.ts';
import * as m0022extracts from './migrations/0022_agreement_extracts.ts';
import * as m0024librarySpeed from './migrations/0024_library_search_speed.ts';
import * as m0025inputFirstAnswer from './migrations/0025_input_first_answer.ts';
import * as m0026feedbackOptions from './migrations/0026_feedback_form_options.ts';
import * as m0027joining from './migrations/0027_joining.ts';

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
  '0010_accounts_hygiene': m0010accounts,
  '0011_engine_result_tables': m0011,
  '0012_engine_point_count': m0012,
  '0015_agenda2030_library': m0015,
  '0020_signup_profile': m0020,
  '0010_orgs_organisation_stewardship': m0010orgs,
  '0010_gdpr_privacy': m0010gdpr,
  '0017_models': m0017models,
  '0019_news_notifications': m0019news,
  '0016_alliances': m0016alliances,
  '0013_agreements': m0013agreements,
  '0018_processes_dashboards': m0018processes,
  '0014_plans': m0014plans,
  '0021_links': m0021links,
  '0021_model_action_plans': m0021modelPlans,
  '0022_agreement_extracts': m0022extracts,
  '0024_library_search_speed': m0024librarySpeed,
  '0025_input_first_answer': m0025inputFirstAnswer,
  '0026_feedback_form_options': m0026feedbackOptions,
  '0027_joining': m0027joining,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Most starts find nothing to do: one query says so, where the migrator takes its lock and reads
  // its tables (a quarter of a second on PGlite, at every start of every instance).
  if (await upToDate(db)) return [];
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
}

/** True when exactly the migrations this version knows have run. Applied ones are committed together, so
 * a migration under way elsewhere shows none of its rows until it is done. */
async function upToDate(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('schema_migrations') is not null as present`.execute(db);
  if (!rows[0]?.present) return false;
  const applied = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map((r) => r.name);
  const known = knownMigrations();
  return applied.length === known.length && applied.every((name, i) => name === known[i]);
}

/** Every migration this version knows, in the order they run. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** The migrations applied to this database, in order (none on an empty database). */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  return (await migrator(db).getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
}

/** Brings the schema exactly to `name` (a restore loads a backup's rows into the schema they were made in). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
