import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, InputStatusChangesTable, InputsTable } from '../../../db/schema.ts';
import { inCoverageScope, tagged, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';

const columns = [
  'inputs.id',
  'inputs.space_id',
  'inputs.number',
  'inputs.text',
  'inputs.kind',
  'inputs.theme',
  'inputs.service_type',
  'inputs.goals',
  'inputs.targets',
  'inputs.municipality_code',
  'inputs.locality_id',
  'inputs.lon',
  'inputs.lat',
  'inputs.source',
  'inputs.channel',
  'inputs.source_ref',
  'inputs.event_id',
  'inputs.submitter_sector',
  'inputs.submitter_age_group',
  'inputs.submitter_language',
  'inputs.status',
  'inputs.planned_ref_id',
  'inputs.planned_ref_label',
  'inputs.measure_id',
  'inputs.planned_note',
  'inputs.status_changed_at',
  'inputs.hidden_at',
  'inputs.entered_by',
  'inputs.created_at',
  'inputs.updated_at',
  'municipalities.name as municipality_name',
  'localities.name as locality_name',
  'localities.lon as locality_lon',
  'localities.lat as locality_lat',
  'users.name as entered_by_name',
  'events.title as event_title',
  'events.starts_at as event_starts_at',
  // Whether notices go out, without ever reading the address itself.
  sql<boolean>`inputs.submitter_email is not null`.as('notifies'),
] as const;

export type InputRow = Awaited<ReturnType<typeof findInput>> & {};

export interface InputFilter {
  status?: string[] | undefined;
  kind?: string | undefined;
  theme?: string | undefined;
  serviceType?: string | undefined;
  municipality?: string | undefined;
  goal?: number | undefined;
  source?: string | undefined;
  event?: string | undefined;
  q?: string | undefined;
  includeHidden?: boolean | undefined;
}

function joined(db: Kysely<Database>) {
  return db
    .selectFrom('inputs')
    .leftJoin('municipalities', 'municipalities.code', 'inputs.municipality_code')
    .leftJoin('localities', 'localities.id', 'inputs.locality_id')
    .leftJoin('users', 'users.id', 'inputs.entered_by')
    .leftJoin('events', 'events.id', 'inputs.event_id');
}

function filtered(db: Kysely<Database>, spaceId: string, filter: InputFilter, withStatus = true) {
  let query = joined(db).where('inputs.space_id', '=', spaceId);
  if (!filter.includeHidden) query = query.where('inputs.hidden_at', 'is', null);
  if (withStatus && filter.status?.length) query = query.where('inputs.status', 'in', filter.status as never[]);
  if (filter.kind) query = query.where('inputs.kind', '=', filter.kind as never);
  if (filter.theme) query = query.where('inputs.theme', '=', filter.theme);
  if (filter.serviceType) query = query.where('inputs.service_type', '=', filter.serviceType as never);
  if (filter.municipality) query = query.where('inputs.municipality_code', '=', filter.municipality);
  if (filter.goal) query = query.where(sql<boolean>`${filter.goal}::integer = any(inputs.goals)`);
  if (filter.source) query = query.where('inputs.source', '=', filter.source as never);
  if (filter.event) query = query.where('inputs.event_id', '=', filter.event);
  if (filter.q) query = query.where('inputs.text', 'ilike', '%' + filter.q.replace(/[%_\\]/g, '\\$&') + '%');
  return query;
}

export function listInputs(db: Kysely<Database>, spaceId: string, filter: InputFilter, page: { limit: number; offset: number }) {
  return filtered(db, spaceId, filter).select(columns).orderBy('inputs.number', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countInputs(db: Kysely<Database>, spaceId: string, filter: InputFilter): Promise<number> {
  const row = await filtered(db, spaceId, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts per status under the filter without its status part, for the triage tabs. */
export async function countByStatus(db: Kysely<Database>, spaceId: string, filter: InputFilter): Promise<Record<string, number>> {
  const rows = await filtered(db, spaceId, filter, false)
    .select(['inputs.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('inputs.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

const SUMMARY_COLUMNS = {
  byStatus: 'inputs.status',
  byKind: 'inputs.kind',
  byTheme: 'inputs.theme',
  byServiceType: 'inputs.service_type',
  bySource: 'inputs.source',
  bySubmitterSector: 'inputs.submitter_sector',
  bySubmitterAgeGroup: 'inputs.submitter_age_group',
  byMunicipality: 'inputs.municipality_code',
} as const;

/** Counts per value of each dimension under the filter; a missing value counts as "none". */
export async function summariseInputs(db: Kysely<Database>, spaceId: string, filter: InputFilter) {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, column] of Object.entries(SUMMARY_COLUMNS)) {
    const rows = await filtered(db, spaceId, filter)
      .select([sql<string | null>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql.ref(column))
      .execute();
    out[name] = Object.fromEntries(rows.map((r) => [r.value ?? 'none', Number(r.n)]));
  }
  const goals = await filtered(db, spaceId, filter)
    .innerJoin(sql<{ goal: number }>`unnest(inputs.goals)`.as('g'), (join) => join.onTrue())
    .select([sql<number>`g.g`.as('goal'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(sql`g.g`)
    .execute();
  out.byGoal = Object.fromEntries(goals.map((r) => [String(r.goal), Number(r.n)]));
  return out;
}

export function findInput(db: Kysely<Database>, id: string) {
  return joined(db).select(columns).where('inputs.id', '=', id).executeTakeFirst();
}

export function findInputsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return joined(db).select(columns).where('inputs.id', 'in', ids).orderBy('inputs.number').execute();
}

/** The submitter's address and language, for notices only. */
export function findSubmitterContact(db: Kysely<Database>, id: string) {
  return db.selectFrom('inputs').select(['submitter_email', 'submitter_language']).where('id', '=', id).executeTakeFirst();
}

/** The next number in a space; the space row is locked so two inputs never get the same one. */
export async function nextInputNumber(db: Kysely<Database>, spaceId: string): Promise<number> {
  await db.selectFrom('spaces').select('id').where('id', '=', spaceId).forUpdate().execute();
  const row = await db.selectFrom('inputs').select((eb) => eb.fn.max('number').as('n')).where('space_id', '=', spaceId).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function existingSourceRefs(db: Kysely<Database>, spaceId: string, source: string, refs: string[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inputs')
    .select(['id', 'source_ref'])
    .where('space_id', '=', spaceId)
    .where('source', '=', source as never)
    .where('source_ref', 'in', refs)
    .execute();
}

export function insertInput(db: Kysely<Database>, values: Insertable<InputsTable>) {
  return db.insertInto('inputs').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateInput(db: Kysely<Database>, id: string, values: Updateable<InputsTable>) {
  return db.updateTable('inputs').set(values).where('id', '=', id).execute();
}

export function insertStatusChange(db: Kysely<Database>, values: Insertable<InputStatusChangesTable>) {
  return db.insertInto('input_status_changes').values(values).execute();
}

/**
 * An input planned before plans had measures (the demo's history): planned with a plan's name as its
 * reference and no measure, as `statusChange` in the service records it otherwise. Kept by the demo only.
 */
export async function recordPlannedBeforeMeasures(db: Kysely<Database>, inputId: string, change: { at: Date; reason: string; ref: { id: string; label: string } }) {
  const { status } = await db.selectFrom('inputs').select('status').where('id', '=', inputId).executeTakeFirstOrThrow();
  await insertStatusChange(db, { input_id: inputId, at: change.at, from_status: status, to_status: 'planned', reason: change.reason, planned_ref_id: change.ref.id, planned_ref_label: change.ref.label, changed_by: null });
  await updateInput(db, inputId, { status: 'planned', status_changed_at: change.at, updated_at: change.at, planned_ref_id: change.ref.id, planned_ref_label: change.ref.label });
}

export function listStatusChanges(db: Kysely<Database>, inputId: string) {
  return db
    .selectFrom('input_status_changes')
    .select(['at', 'from_status', 'to_status', 'reason', 'planned_ref_id', 'planned_ref_label'])
    .where('input_id', '=', inputId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The space an event belongs to, to keep an input's event link inside its space. */
export function eventSpaceOf(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('events').select('space_id').where('id', '=', eventId).executeTakeFirst();
}

export function localityForInput(db: Kysely<Database>, id: string) {
  return db.selectFrom('localities').select(['id', 'municipality_code']).where('id', '=', id).executeTakeFirst();
}

export function spaceMunicipalityCodes(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('space_municipalities').select('municipality_code').where('space_id', '=', spaceId).execute();
}

/** Boundaries of the given municipalities, to place a map point in one of them. */
export function municipalityExists(db: Kysely<Database>, code: string) {
  return db.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst();
}

export function municipalityBoundaries(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('municipalities').select(['code', 'boundary']).where('code', 'in', codes).execute();
}

export function spaceNameOf(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('spaces').select(['name', 'visibility', 'archived_at']).where('id', '=', spaceId).executeTakeFirst();
}

// --- people's data: export, erasure, consent withdrawal ---

/** Inputs a person sent with their e-mail for notices, or entered for others while signed in. */
export function inputsOfPerson(db: Kysely<Database>, userId: string, email: string) {
  return db
    .selectFrom('inputs')
    .innerJoin('spaces', 'spaces.id', 'inputs.space_id')
    .select([
      'inputs.id',
      'inputs.space_id',
      'spaces.name as space_name',
      'inputs.number',
      'inputs.text',
      'inputs.kind',
      'inputs.status',
      'inputs.source',
      'inputs.submitter_email',
      'inputs.submitter_sector',
      'inputs.submitter_age_group',
      'inputs.entered_by',
      'inputs.created_at',
      'inputs.notice_consent_withdrawn_at',
    ])
    .where((eb) => eb.or([eb('inputs.entered_by', '=', userId), eb(sql<string>`lower(inputs.submitter_email)`, '=', email.toLowerCase())]))
    .orderBy('inputs.created_at')
    .execute();
}

export function lockInputForConsent(db: Kysely<Database>, id: string) {
  return db.selectFrom('inputs').select(['id', 'space_id', 'submitter_email', 'notice_consent_withdrawn_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** An input's number, space and notice consent state, for the consent page (no text, no address). */
export function inputConsentSummary(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('inputs')
    .innerJoin('spaces', 'spaces.id', 'inputs.space_id')
    .select(['inputs.number', 'spaces.name as space_name', 'inputs.notice_consent_withdrawn_at'])
    .select((eb) => eb('inputs.submitter_email', 'is not', null).as('has_email'))
    .where('inputs.id', '=', id)
    .executeTakeFirst();
}

/** Agenda 2030 coverage: the tagged inputs in the scope the public may see (not hidden). */
export function inputsInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('inputs')
    .select(['id', 'space_id', 'municipality_code', 'number', 'text', 'status', 'goals', 'targets', 'created_at'])
    .where('hidden_at', 'is', null)
    .where(tagged('inputs.goals', 'inputs.targets'))
    .where(inCoverageScope(scope, 'inputs.space_id', 'inputs.municipality_code'))
    .execute();
}

/** The inputs that measures answer (hidden ones left out), by number. */
export function inputsOfMeasures(db: Kysely<Database>, measureIds: string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inputs')
    .select(['id', 'number', 'text', 'status', 'measure_id'])
    .where('measure_id', 'in', measureIds)
    .where('hidden_at', 'is', null)
    .orderBy('number')
    .execute();
}

/** The open inputs a measure answers (not yet done or declined), hidden ones included: they are closed too. */
export function openInputIdsOfMeasure(db: Kysely<Database>, measureId: string) {
  return db
    .selectFrom('inputs')
    .select('id')
    .where('measure_id', '=', measureId)
    .where('status', 'not in', ['done', 'declined'])
    .orderBy('number')
    .execute();
}
