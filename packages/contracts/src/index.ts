export * from './common.ts';
export * from './health.ts';
export * from './geography.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './spaces.ts';
export * from './admin.ts';
export * from './actors.ts';
export * from './service-points.ts';
// groups and events (helper D)
export * from './groups.ts';
export * from './dialogues.ts';
export * from './boards.ts';
export * from './inputs.ts';
export * from './analyses.ts';
// service plans
export * from './service-plans.ts';
// people's data (gdpr)
export * from './privacy.ts';
