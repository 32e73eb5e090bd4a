import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  language: Generated<'sv' | 'en'>;
  password_hash: string | null;
  is_admin: Generated<boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: CreatedAt;
  disabled_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  user_agent: string | null;
  method: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** Space-separated scopes: read, write, admin. */
  scopes: Generated<string>;
}

export interface AuthLinksTable {
  id: Generated<string>;
  kind: 'magic_link' | 'password_reset' | 'unlock';
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** A browser (kind 'device') or client address (kind 'address') an account signed in from, hashed. */
export interface KnownSignInsTable {
  user_id: string;
  kind: 'device' | 'address';
  key_hash: string;
  last_seen_at: Timestamp;
}

export interface OidcStatesTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}

export interface CountiesTable {
  code: string;
  name: string;
  short_name: string;
  boundary: Json<GeoJsonGeometry>;
}

export interface MunicipalitiesTable {
  code: string;
  name: string;
  county_code: string;
  boundary: Json<GeoJsonGeometry>;
  centroid_lon: number;
  centroid_lat: number;
}

export interface LocalitiesTable {
  id: Generated<string>;
  name: string;
  municipality_code: string;
  lon: number;
  lat: number;
  population: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpacesTable {
  id: Generated<string>;
  name: string;
  description: string;
  kind: 'project' | 'municipal' | 'regional' | 'alliance';
  visibility: 'public' | 'members';
  archived_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpaceMunicipalitiesTable {
  space_id: string;
  municipality_code: string;
}

export type SpaceRole = 'space_admin' | 'facilitator' | 'member' | 'observer';

export interface MembershipsTable {
  space_id: string;
  user_id: string;
  role: SpaceRole;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  space_id: string;
  email: string;
  role: SpaceRole;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  request_id: string | null;
  details: Json<Record<string, unknown>>;
}

export interface OutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  recipients: Json<string[]>;
  subject: string;
  text: string;
  attachments: Json<{ filename: string; contentType: string; content: string }[]>;
  status: 'queued' | 'sent' | 'failed' | 'stored';
  attempts: Generated<number>;
  sent_at: NullableTimestamp;
  error: string | null;
}

export type SectorValue = 'public' | 'private' | 'civil_society' | 'academia';
export type LevelValue = 'local' | 'municipal' | 'regional' | 'national' | 'eu';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  org_number: string | null;
  sector: SectorValue;
  type: string;
  level: LevelValue;
  municipality_code: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  description: Generated<string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpaceOrganisationsTable {
  space_id: string;
  organisation_id: string;
  added_at: CreatedAt;
}

export interface PeopleTable {
  id: Generated<string>;
  name: string;
  email: string | null;
  phone: string | null;
  municipality_code: string | null;
  youth_representative: Generated<boolean>;
  age_group: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpacePeopleTable {
  space_id: string;
  person_id: string;
}

export interface PersonAffiliationsTable {
  person_id: string;
  organisation_id: string;
  role: Generated<string>;
}

export interface PersonConsentsTable {
  id: Generated<string>;
  person_id: string;
  purpose: string;
  text_version: string;
  method: 'form' | 'paper' | 'verbal';
  given_at: Timestamp;
  recorded_by: string | null;
  withdrawn_at: NullableTimestamp;
}

export interface SurveysTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  message: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyRecipientsTable {
  id: Generated<string>;
  survey_id: string;
  organisation_id: string;
  email: string;
  token_hash: string;
  sent_at: Timestamp;
  responded_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
}

export interface CollaborationsTable {
  id: Generated<string>;
  org_a: string;
  org_b: string;
  type: string;
  level: string | null;
  start_date: string | null;
  end_date: string | null;
  description: Generated<string>;
  frequency: string | null;
  source: 'manual' | 'survey' | 'derived';
  confirmed_a: Generated<boolean>;
  confirmed_b: Generated<boolean>;
  example_data: Generated<boolean>;
  survey_id: string | null;
  reported_by_a: Generated<boolean>;
  reported_by_b: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set on collaborations derived from a working group's membership (migration 0006). */
  working_group_id?: ColumnType<string | null, string | null | undefined, string | null>;
  /** The space whose view this is; null: the registry's own, shown wherever both organisations are (migration 0010_orgs). */
  space_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NetworkSnapshotsTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  at: string;
  taken_at: Timestamp;
  network: Json<{ nodes: unknown[]; edges: unknown[] }>;
  created_by: string | null;
}

// --- groups and events (migration 0006) ---
export interface CompositionTargets {
  public: number;
  private: number;
  civil_society: number;
  academia: number;
  youth: number;
}

export interface WorkingGroupsTable {
  id: Generated<string>;
  space_id: string;
  municipality_code: string | null;
  name: string;
  kind: 'local' | 'youth' | 'steering' | 'other';
  description: Generated<string>;
  targets: Json<CompositionTargets>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface WorkingGroupMembersTable {
  group_id: string;
  person_id: string;
  organisation_id: string | null;
  role: Generated<string>;
  youth_representative: Generated<boolean>;
  joined_at: CreatedAt;
}

export type EventKindValue = 'kick_off' | 'village_forum' | 'knowledge_dialogue' | 'workshop' | 'seminar' | 'test_session' | 'other';
export type RegistrationQuestion = 'organisation' | 'sector' | 'age_group' | 'dietary_needs' | 'accessibility_needs';
export interface AgendaItemValue {
  startsAt: string;
  endsAt: string | null;
  title: string;
  description: string;
}

export interface EventsTable {
  id: Generated<string>;
  space_id: string;
  kind: EventKindValue;
  title: string;
  description: Generated<string>;
  public: Generated<boolean>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: Generated<string>;
  municipality_code: string | null;
  working_group_id: string | null;
  place_name: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  online_url: string | null;
  capacity: number | null;
  online_capacity: number | null;
  registration_opens_at: NullableTimestamp;
  registration_closes_at: NullableTimestamp;
  questions: Json<RegistrationQuestion[]>;
  agenda: Json<AgendaItemValue[]>;
  status: Generated<'scheduled' | 'cancelled'>;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  rescheduled_at: NullableTimestamp;
  ical_uid: string;
  sequence: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventCohostsTable {
  event_id: string;
  organisation_id: string;
}

export type RegistrationStatusValue = 'confirmed' | 'waitlisted' | 'cancelled';
export type AttendanceModeValue = 'on_site' | 'online';

export interface RegistrationsTable {
  id: Generated<string>;
  event_id: string;
  seq: Generated<string>;
  user_id: string | null;
  name: string;
  email: string;
  mode: AttendanceModeValue;
  status: RegistrationStatusValue;
  organisation_name: string | null;
  organisation_id: string | null;
  sector: string | null;
  age_group: string | null;
  dietary_needs: string | null;
  accessibility_needs: string | null;
  language: Generated<'sv' | 'en'>;
  cancel_token_hash: string;
  check_in_token_hash: string;
  email_confirmed_at: NullableTimestamp;
  promoted_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  checked_in_at: NullableTimestamp;
  checked_in_by: string | null;
  check_in_method: 'qr' | 'manual' | null;
  created_at: CreatedAt;
}

export interface EventDocumentsTable {
  id: Generated<string>;
  event_id: string;
  kind: 'minutes' | 'presentation' | 'document';
  title: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}
// --- end groups and events ---

// --- live workshop boards (0008_boards) ---
export interface BoardsTable {
  id: Generated<string>;
  event_id: string;
  space_id: string;
  code: string;
  title: string;
  status: Generated<'open' | 'closed'>;
  voting: Generated<'open' | 'closed'>;
  dots_per_participant: Generated<number>;
  seq: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: NullableTimestamp;
}

export interface BoardPromptsTable {
  id: Generated<string>;
  board_id: string;
  position: number;
  text: string;
  archived: Generated<boolean>;
}

export interface BoardGroupsTable {
  id: Generated<string>;
  board_id: string;
  position: number;
  name: string;
  archived: Generated<boolean>;
}

export interface BoardParticipantsTable {
  id: Generated<string>;
  board_id: string;
  token_hash: string;
  name: string | null;
  sector: string | null;
  age_group: string | null;
  group_id: string | null;
  created_at: CreatedAt;
}

export interface BoardClustersTable {
  id: Generated<string>;
  board_id: string;
  prompt_id: string;
  label: string;
  created_at: CreatedAt;
}

export interface BoardNotesTable {
  id: Generated<string>;
  board_id: string;
  number: number;
  prompt_id: string;
  group_id: string | null;
  cluster_id: string | null;
  position: number;
  text: string;
  participant_id: string | null;
  author_user_id: string | null;
  client_key: string;
  hidden: Generated<boolean>;
  merged_into: string | null;
  input_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardVotesTable {
  board_id: string;
  participant_id: string;
  note_id: string;
  dots: number;
}

export interface BoardChangesTable {
  board_id: string;
  seq: number;
  change: Json<unknown>;
  at: CreatedAt;
}

// --- inputs (needs and ideas) ---
export interface InputsTable {
  id: Generated<string>;
  space_id: string;
  number: number;
  text: string;
  kind: 'need' | 'idea';
  theme: string | null;
  service_type: 'groceries' | 'fuel' | 'pharmacy' | 'post' | 'payment' | 'other' | null;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  municipality_code: string | null;
  locality_id: string | null;
  lon: number | null;
  lat: number | null;
  source: 'form' | 'facilitator' | 'board';
  channel: 'paper' | 'phone' | 'meeting' | 'email' | 'other' | null;
  source_ref: string | null;
  event_id: string | null;
  submitter_sector: 'resident' | 'public' | 'private' | 'civil_society' | 'academia' | null;
  submitter_age_group: string | null;
  submitter_email: string | null;
  submitter_language: Generated<'sv' | 'en'>;
  status: Generated<'received' | 'being_assessed' | 'planned' | 'done' | 'declined'>;
  planned_ref_id: string | null;
  planned_ref_label: string | null;
  status_changed_at: Timestamp;
  hidden_at: NullableTimestamp;
  entered_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InputStatusChangesTable {
  id: Generated<number>;
  input_id: string;
  at: Timestamp;
  from_status: string | null;
  to_status: string;
  reason: Generated<string>;
  planned_ref_id: string | null;
  planned_ref_label: string | null;
  changed_by: string | null;
}
// --- end inputs ---

// --- services: jobs, population, road networks, analyses, scenarios (migration 0004)
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<JobStatus>;
  stage: string | null;
  percent: Generated<number>;
  result: Json<Record<string, unknown>> | null;
  error: string | null;
  cancel_requested: Generated<boolean>;
  attempts: Generated<number>;
  locked_by: string | null;
  heartbeat_at: NullableTimestamp;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface PopulationSetsTable {
  id: Generated<string>;
  space_id: string;
  kind: 'grid' | 'origins' | 'localities';
  name: string;
  year: number | null;
  file_name: string | null;
  origin_count: number;
  population: number;
  has_age: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PopulationOriginsTable {
  set_id: string;
  seq: number;
  origin_id: string;
  name: string | null;
  lon: number;
  lat: number;
  population: number;
  municipality_code: string | null;
  men: number | null;
  women: number | null;
  under_20: number | null;
  age_65_plus: number | null;
}

export interface RoadNetworksTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  file_name: string;
  bytes: ColumnType<string, number | string, number | string>;
  sha256: string;
  job_id: string | null;
  nodes: number | null;
  edges: number | null;
  dropped_nodes: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AnalysesTable {
  id: Generated<string>;
  space_id: string;
  job_id: string;
  name: string;
  points_as_of: Timestamp;
  points: Json<{ id: string; type: string; lon: number; lat: number; name?: string; pointId?: string }[]>;
  population_set_id: string;
  network_id: string | null;
  mode: 'road' | 'straight_line';
  types: string[];
  profile: Json<Record<string, unknown>>;
  thresholds_min: number[];
  vulnerable_min: number;
  summary: Json<Record<string, unknown>> | null;
  /** The engine's packed result table (`packResults`). */
  results: Buffer | null;
  /** Number of entries in `points` (null only for rows no migration filled). */
  point_count: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ScenariosTable {
  id: Generated<string>;
  analysis_id: string;
  space_id: string;
  name: string;
  input: Json<Record<string, unknown>>;
  summary: Json<Record<string, unknown>>;
  changed_count: number;
  created_by: string | null;
  created_at: CreatedAt;
}

// service plans (kommunal serviceplan)
export interface ServicePlanContentRow {
  background: string;
  links: { title: string; url: string | null; note: string }[];
  levels: { localityId: string; level: 'service_town' | 'service_node' | 'service_point'; targetServices: string[]; note: string }[];
  goals: { id: string; text: string; indicator: string }[];
  measures: {
    id: string;
    title: string;
    description: string;
    localityId: string | null;
    place: string;
    organisationIds: string[];
    startDate: string | null;
    endDate: string | null;
    costSek: number | null;
    status: string;
    scenarioId: string | null;
    goalIds: string[];
  }[];
}

export interface ServicePlansTable {
  id: Generated<string>;
  space_id: string;
  municipality_code: string;
  title: string;
  period_start: string;
  period_end: string;
  status: Generated<'draft' | 'consultation' | 'adopted'>;
  content: Json<ServicePlanContentRow>;
  /** An analysis of the analyses module; no foreign key (validated through its service). */
  analysis_id: string | null;
  consultation_ends_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ServicePlanVersionsTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  status: 'consultation' | 'adopted';
  title: string;
  period_start: string;
  period_end: string;
  /** The content as shown at the time (names filled in) and the analysis figures of that day; read with readSnapshot. */
  content: Json<Record<string, unknown>>;
  analysis_id: string | null;
  consultation_ends_on: string | null;
  decision_body: string | null;
  decision_date: string | null;
  minute_reference: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ServicePlanCommentsTable {
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  body: string;
  author_name: string | null;
  locality_id: string | null;
  user_id: string | null;
  status: Generated<'pending' | 'published' | 'rejected'>;
  response: string | null;
  created_at: CreatedAt;
  moderated_at: NullableTimestamp;
  moderated_by: string | null;
}

export interface ServicePlanFollowUpsTable {
  id: Generated<string>;
  plan_id: string;
  year: number;
  summary: string;
  measures: Json<{ measureId: string; status: string; note: string }[]>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type GeoJsonGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_links: AuthLinksTable;
  known_sign_ins: KnownSignInsTable;
  oidc_states: OidcStatesTable;
  counties: CountiesTable;
  municipalities: MunicipalitiesTable;
  localities: LocalitiesTable;
  spaces: SpacesTable;
  space_municipalities: SpaceMunicipalitiesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  organisations: OrganisationsTable;
  space_organisations: SpaceOrganisationsTable;
  people: PeopleTable;
  space_people: SpacePeopleTable;
  person_affiliations: PersonAffiliationsTable;
  person_consents: PersonConsentsTable;
  surveys: SurveysTable;
  survey_recipients: SurveyRecipientsTable;
  collaborations: CollaborationsTable;
  network_snapshots: NetworkSnapshotsTable;
  // groups and events (0006)
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  events: EventsTable;
  event_cohosts: EventCohostsTable;
  registrations: RegistrationsTable;
  event_documents: EventDocumentsTable;
  // live workshop boards (0008_boards)
  boards: BoardsTable;
  board_prompts: BoardPromptsTable;
  board_groups: BoardGroupsTable;
  board_participants: BoardParticipantsTable;
  board_clusters: BoardClustersTable;
  board_notes: BoardNotesTable;
  board_votes: BoardVotesTable;
  board_changes: BoardChangesTable;
  // inputs
  inputs: InputsTable;
  input_status_changes: InputStatusChangesTable;
  // service plans (0005)
  service_plans: ServicePlansTable;
  service_plan_versions: ServicePlanVersionsTable;
  service_plan_comments: ServicePlanCommentsTable;
  service_plan_follow_ups: ServicePlanFollowUpsTable;
  // services: analyses (0004)
  jobs: JobsTable;
  population_sets: PopulationSetsTable;
  population_origins: PopulationOriginsTable;
  road_networks: RoadNetworksTable;
  analyses: AnalysesTable;
  scenarios: ScenariosTable;
}

export type UserRow = Selectable<UsersTable>;
export type SpaceRow = Selectable<SpacesTable>;
export type LocalityRow = Selectable<LocalitiesTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

// ---- Service points (migration 0003) ----
export interface ServicePointSupportJson {
  kind: string;
  year: number;
  amountSek: number | null;
  source: string;
}

export interface ServicePointsTable {
  id: Generated<string>;
  space_id: string;
  external_id: string;
  name: string;
  lon: number;
  lat: number;
  address: Generated<string>;
  municipality_code: string | null;
  kinds: ColumnType<string[], string[] | undefined, string[]>;
  operator_organisation_id: string | null;
  staffed: boolean | null;
  opening_hours: string | null;
  seasonal: Generated<boolean>;
  season_note: Generated<string>;
  status: Generated<'open' | 'at_risk' | 'closed'>;
  /** A `date` column: read as 'YYYY-MM-DD' (see the type parsers in database.ts). */
  status_date: ColumnType<string | null, string | null | undefined, string | null>;
  opened_on: ColumnType<string | null, string | null | undefined, string | null>;
  supports: ColumnType<ServicePointSupportJson[], string | undefined, string>;
  sources: ColumnType<Record<string, string>, string | undefined, string>;
  notes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ServicePointChangesTable {
  id: Generated<string>;
  point_id: string;
  seq: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  kind: 'created' | 'updated' | 'imported' | 'suggested' | 'suggestion_accepted' | 'suggestion_rejected';
  changes: Json<Record<string, { from: unknown; to: unknown }>>;
  suggestion_id: string | null;
  note: Generated<string>;
}

export interface ServicePointSuggestionsTable {
  id: Generated<string>;
  point_id: string;
  proposed_by: string | null;
  proposed_at: Timestamp;
  changes: Json<Record<string, unknown>>;
  comment: Generated<string>;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: Generated<string>;
}

// ---- Organisation stewardship (migration 0010_orgs_organisation_stewardship) ----
export interface OrganisationRepresentativesTable {
  organisation_id: string;
  user_id: string;
  role: Generated<string>;
  status: Generated<'pending' | 'confirmed'>;
  requested_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: NullableTimestamp;
}

export interface OrganisationSuggestionsTable {
  id: Generated<string>;
  organisation_id: string;
  proposed_by: string | null;
  proposed_at: Timestamp;
  changes: Json<Record<string, unknown>>;
  comment: Generated<string>;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: Generated<string>;
}

export interface Database {
  organisation_representatives: OrganisationRepresentativesTable;
  organisation_suggestions: OrganisationSuggestionsTable;
}

// Declaration merging keeps this block apart from the other modules' tables.
export interface Database {
  service_points: ServicePointsTable;
  service_point_changes: ServicePointChangesTable;
  service_point_suggestions: ServicePointSuggestionsTable;
}

// Rate limits shared by all app instances (platform/rate-limit.ts).
export interface RateLimitHitsTable {
  id: Generated<number>;
  bucket: string;
  key: string;
  at: Timestamp;
}

export interface Database {
  rate_limit_hits: RateLimitHitsTable;
}

// People's data (0010_gdpr_privacy): erased accounts, consent withdrawals beside their consents,
// retention marks and the schedule of recurring jobs. Declaration merging keeps this block apart.
export type WithdrawalMethod = 'link' | 'leader' | 'self' | 'account_deletion';

export interface UsersTable {
  deleted_at: NullableTimestamp;
}
export interface PersonConsentsTable {
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
export interface InputsTable {
  notice_consent_withdrawn_at: NullableTimestamp;
  notice_consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  notice_consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
export interface RegistrationsTable {
  consent_withdrawn_at: NullableTimestamp;
  consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
export interface SurveyRecipientsTable {
  consent_withdrawn_at: NullableTimestamp;
  consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
export interface OutboxTable {
  purged_at: NullableTimestamp;
}
export interface AuditLogTable {
  redacted_at: NullableTimestamp;
}
export interface JobScheduleTable {
  name: string;
  period: string;
  job_id: string | null;
  created_at: Timestamp;
}
export interface Database {
  job_schedule: JobScheduleTable;
}
