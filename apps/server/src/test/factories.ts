import { randomBytes, randomUUID } from 'node:crypto';
import type { EventKindValue, SectorValue, SpaceRole } from '../db/schema.ts';
import { hashPassword } from '../modules/accounts/auth/password.ts';
import { startSession } from '../modules/accounts/session/session.service.ts';
import { PASSWORD, type Client, type TestApp } from './app.ts';

/**
 * Test data written straight into the database: only what a test needs, without the HTTP round
 * trips, password hashing and e-mails of the real flows (each of those has tests of its own), in
 * the spirit of Outline's server/test/factories.ts. A test about creating a space still creates it
 * through the API; a test about who may see an event's registrations builds the space, the members
 * and the event here and spends its time on what it checks.
 */

let passwordHash: Promise<string> | undefined;
/** PASSWORD hashed once per test file: argon2 costs tens of milliseconds per user otherwise. */
const hashedPassword = () => (passwordHash ??= hashPassword(PASSWORD));

let counter = 0;
const unique = () => `${++counter}-${randomBytes(3).toString('hex')}`;

export interface BuiltUser {
  id: string;
  email: string;
  name: string;
}

/** An account that can sign in with PASSWORD. */
export async function buildUser(
  t: TestApp,
  overrides: { email?: string; name?: string; isAdmin?: boolean; language?: 'sv' | 'en'; disabled?: boolean } = {},
): Promise<BuiltUser> {
  const n = unique();
  const values = {
    email: overrides.email ?? `person${n}@example.org`,
    name: overrides.name ?? `Testperson ${n}`,
    password_hash: await hashedPassword(),
    is_admin: overrides.isAdmin ?? false,
    language: overrides.language ?? 'sv',
    created_at: t.clock.now(),
    disabled_at: overrides.disabled ? t.clock.now() : null,
  };
  const { id } = await t.deps.db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return { id, email: values.email, name: values.name };
}

/** A client signed in as the user: a session started as the sign-in starts one, without the password check. */
export async function signedIn(t: TestApp, user: { id: string }): Promise<Client> {
  const session = await startSession(t.deps, { requestId: 'test', userAgent: 'vitest' }, user.id, 'password');
  const client = t.client();
  const https = t.deps.config.publicUrl?.startsWith('https:') ?? false;
  client.cookie = `${https ? '__Host-' : ''}samhandling_session=${session.token}`;
  return client;
}

/** An account and a client signed in as it: what `t.user()` gives, without two argon2 runs. */
export async function buildSignedInUser(t: TestApp, overrides: Parameters<typeof buildUser>[1] = {}): Promise<BuiltUser & { client: Client }> {
  const user = await buildUser(t, overrides);
  return { ...user, client: await signedIn(t, user) };
}

export interface BuiltSpace {
  id: string;
  name: string;
}

/** A space in the given municipalities, with the given members (none unless asked). */
export async function buildSpace(
  t: TestApp,
  overrides: {
    name?: string;
    kind?: 'project' | 'municipal' | 'regional' | 'alliance';
    visibility?: 'public' | 'members';
    joinPolicy?: 'open' | 'request' | 'invitation';
    municipalityCodes?: string[];
    archived?: boolean;
    members?: { user: { id: string }; role: SpaceRole }[];
  } = {},
): Promise<BuiltSpace> {
  const now = t.clock.now();
  const name = overrides.name ?? `Testrum ${unique()}`;
  const { id } = await t.deps.db
    .insertInto('spaces')
    .values({
      name,
      description: 'Ett rum för tester',
      kind: overrides.kind ?? 'project',
      visibility: overrides.visibility ?? 'public',
      join_policy: overrides.joinPolicy ?? 'invitation',
      created_by: overrides.members?.[0]?.user.id ?? null,
      created_at: now,
      updated_at: now,
      archived_at: overrides.archived ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const codes = overrides.municipalityCodes ?? ['2506'];
  if (codes.length) await t.deps.db.insertInto('space_municipalities').values(codes.map((code) => ({ space_id: id, municipality_code: code }))).execute();
  for (const member of overrides.members ?? []) await buildMembership(t, id, member.user, member.role);
  return { id, name };
}

export async function buildMembership(t: TestApp, spaceId: string, user: { id: string }, role: SpaceRole = 'member'): Promise<void> {
  await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: user.id, role, created_at: t.clock.now() }).execute();
}

/** An organisation, listed in the space when one is given. */
export async function buildOrganisation(
  t: TestApp,
  overrides: { name?: string; spaceId?: string; sector?: SectorValue; municipalityCode?: string | null } = {},
): Promise<{ id: string; name: string }> {
  const now = t.clock.now();
  const name = overrides.name ?? `Organisation ${unique()}`;
  const { id } = await t.deps.db
    .insertInto('organisations')
    .values({
      name,
      org_number: null,
      sector: overrides.sector ?? 'civil_society',
      type: 'association',
      level: 'local',
      municipality_code: overrides.municipalityCode === undefined ? '2506' : overrides.municipalityCode,
      contact_email: null,
      contact_phone: null,
      website: null,
      tags: [],
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (overrides.spaceId) await t.deps.db.insertInto('space_organisations').values({ space_id: overrides.spaceId, organisation_id: id }).execute();
  return { id, name };
}

/** An event in the space, `inDays` days from the test clock's now, two hours long, 30 seats on site. */
export async function buildEvent(
  t: TestApp,
  spaceId: string,
  overrides: { title?: string; inDays?: number; public?: boolean; capacity?: number | null; onlineCapacity?: number | null; kind?: EventKindValue } = {},
): Promise<{ id: string; title: string }> {
  const now = t.clock.now();
  const startsAt = new Date(now.getTime() + (overrides.inDays ?? 10) * 86_400_000);
  const title = overrides.title ?? `Byamöte ${unique()}`;
  const { id } = await t.deps.db
    .insertInto('events')
    .values({
      space_id: spaceId,
      kind: overrides.kind ?? 'village_forum',
      title,
      public: overrides.public ?? false,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * 3_600_000),
      municipality_code: null,
      working_group_id: null,
      place_name: 'Folkets hus',
      address: null,
      lon: null,
      lat: null,
      online_url: overrides.onlineCapacity ? 'https://meet.example.org/byamote' : null,
      capacity: overrides.capacity === undefined ? 30 : overrides.capacity,
      online_capacity: overrides.onlineCapacity ?? null,
      registration_opens_at: null,
      registration_closes_at: null,
      questions: JSON.stringify([]),
      agenda: JSON.stringify([]),
      cancelled_at: null,
      cancel_reason: null,
      rescheduled_at: null,
      ical_uid: `${randomUUID()}@samhandling`,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, title };
}
