import './zod-setup.ts';
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
// the endpoint table: every endpoint declared once
export * from './endpoint.ts';
export * from './endpoints/index.ts';
// enums the UI names, with their label keys
export * from './labels.ts';
// people's data (gdpr)
export * from './privacy.ts';
export * from './agenda2030.ts';
export * from './library.ts';
export * from './models.ts';
// news and notifications (issue 12 §4–5)
export * from './news.ts';
export * from './notifications.ts';
export * from './alliances.ts';
// agreements (överenskommelser)
export * from './agreements.ts';
// guided processes, feedback, dashboards (issue 12 §1–3)
export * from './processes.ts';
export * from './feedback.ts';
export * from './dashboards.ts';
// action plans, measures and indicators (issue 10)
export * from './plans.ts';
