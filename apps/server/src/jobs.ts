import { analysisJobHandler, ANALYSIS_JOB } from './modules/services/analysis/analysis.service.ts';
import { networkBuildHandler, NETWORK_BUILD_JOB } from './modules/services/network/network.service.ts';
import { dayOf, retentionJobHandler, RETENTION_JOB } from './modules/privacy/retention/retention.service.ts';
import { DAILY_DIGEST_JOB, digestDayOf, digestJobHandler, digestWeekOf, WEEKLY_DIGEST_JOB } from './modules/notifications/digest/digest.service.ts';
import type { Deps } from './platform/deps.ts';
import { DB_MAINTENANCE_JOB, hourOf, maintenanceJobHandler } from './db/maintenance.ts';

/** Every kind of background job and its handler (like http/routes.ts for routes). */
export function registerJobHandlers(deps: Deps): void {
  deps.jobs.register(ANALYSIS_JOB, analysisJobHandler(deps));
  deps.jobs.register(NETWORK_BUILD_JOB, networkBuildHandler(deps));
  // Retention of people's data, once a day across all instances (started by main.ts's startSchedules).
  deps.jobs.register(RETENTION_JOB, retentionJobHandler(deps));
  deps.jobs.schedule(RETENTION_JOB, dayOf);
  // Notification digests: one daily and one weekly run across all instances; each notice is in one digest.
  deps.jobs.register(DAILY_DIGEST_JOB, digestJobHandler(deps, 'daily'));
  deps.jobs.schedule(DAILY_DIGEST_JOB, digestDayOf);
  deps.jobs.register(WEEKLY_DIGEST_JOB, digestJobHandler(deps, 'weekly'));
  deps.jobs.schedule(WEEKLY_DIGEST_JOB, digestWeekOf);
  // The embedded database's planner statistics (no autovacuum there): every hour (db/maintenance.ts).
  if (deps.dbKind === 'pglite') {
    deps.jobs.register(DB_MAINTENANCE_JOB, maintenanceJobHandler(deps));
    deps.jobs.schedule(DB_MAINTENANCE_JOB, hourOf);
  }
}
