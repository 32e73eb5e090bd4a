import { randomBytes } from 'node:crypto';
import type { SectorValue } from '../db/schema.ts';
import type { TestApp } from './app.ts';
import { buildEvent, buildOrganisation } from './factories.ts';

/**
 * Test data for guided processes and dashboards (issue 12): working groups with members of given
 * sectors, inputs with status histories, and held events with attendance, written straight into
 * the database like test/factories.ts.
 */

let inputNumber = 100_000;
const token = () => randomBytes(12).toString('hex');

/** A local working group in the municipality with members from organisations of these sectors (and youth). */
export async function buildGroupWithMembers(
  t: TestApp,
  spaceId: string,
  municipalityCode: string,
  members: { sector: SectorValue; youth?: boolean }[],
): Promise<{ id: string; memberIds: string[] }> {
  const now = t.clock.now();
  const { id } = await t.deps.db
    .insertInto('working_groups')
    .values({
      space_id: spaceId,
      municipality_code: municipalityCode,
      name: `Arbetsgrupp ${municipalityCode} ${token().slice(0, 4)}`,
      kind: 'local',
      targets: JSON.stringify({ public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 }),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const memberIds: string[] = [];
  for (const m of members) memberIds.push(await addGroupMember(t, id, m.sector, m.youth ?? false));
  return { id, memberIds };
}

export async function addGroupMember(t: TestApp, groupId: string, sector: SectorValue, youth = false): Promise<string> {
  const now = t.clock.now();
  const organisation = await buildOrganisation(t, { sector });
  const person = await t.deps.db
    .insertInto('people')
    .values({ name: `Person ${token().slice(0, 6)}`, email: null, phone: null, municipality_code: null, age_group: youth ? '16_25' : null, created_by: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('working_group_members')
    .values({ group_id: groupId, person_id: person.id, organisation_id: organisation.id, role: '', youth_representative: youth, joined_at: now })
    .execute();
  return person.id;
}

/** Inputs in the municipality; `answeredAfterDays` gives each a first status change out of received. */
export async function buildInputs(
  t: TestApp,
  spaceId: string,
  municipalityCode: string | null,
  items: { status?: 'received' | 'being_assessed' | 'planned' | 'done' | 'declined'; answeredAfterDays?: number; hidden?: boolean }[],
): Promise<string[]> {
  const now = t.clock.now();
  const ids: string[] = [];
  for (const item of items) {
    const createdAt = new Date(now.getTime() - 60 * 86_400_000);
    const { id } = await t.deps.db
      .insertInto('inputs')
      .values({
        space_id: spaceId,
        number: ++inputNumber,
        text: 'Vi behöver en matbutik i byn',
        kind: 'need',
        theme: null,
        service_type: null,
        municipality_code: municipalityCode,
        locality_id: null,
        lon: null,
        lat: null,
        source: 'form',
        channel: null,
        source_ref: null,
        event_id: null,
        submitter_sector: null,
        submitter_age_group: null,
        submitter_email: null,
        status: item.status ?? 'received',
        planned_ref_id: item.status === 'planned' ? 'atgard-1' : null,
        planned_ref_label: item.status === 'planned' ? 'Åtgärd 1' : null,
        status_changed_at: createdAt,
        hidden_at: item.hidden ? now : null,
        entered_by: null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (item.answeredAfterDays !== undefined)
      await t.deps.db
        .insertInto('input_status_changes')
        .values({
          input_id: id,
          at: new Date(createdAt.getTime() + item.answeredAfterDays * 86_400_000),
          from_status: 'received',
          to_status: item.status && item.status !== 'received' ? item.status : 'being_assessed',
          planned_ref_id: null,
          planned_ref_label: null,
          changed_by: null,
        })
        .execute();
    ids.push(id);
  }
  return ids;
}

/** An event of the kind in the municipality, held `daysAgo` days ago, with these attendees checked in (and no-shows). */
export async function buildHeldEvent(
  t: TestApp,
  spaceId: string,
  municipalityCode: string,
  options: {
    kind?: 'kick_off' | 'village_forum' | 'test_session' | 'workshop';
    daysAgo?: number;
    attendees?: { sector?: string | null; ageGroup?: string | null; mode?: 'on_site' | 'online'; noShow?: boolean }[];
  } = {},
): Promise<{ id: string }> {
  const event = await buildEvent(t, spaceId, { kind: options.kind ?? 'village_forum', inDays: -(options.daysAgo ?? 3) });
  await t.deps.db.updateTable('events').set({ municipality_code: municipalityCode }).where('id', '=', event.id).execute();
  for (const a of options.attendees ?? []) {
    await t.deps.db
      .insertInto('registrations')
      .values({
        event_id: event.id,
        user_id: null,
        name: 'Deltagare',
        email: `deltagare-${token()}@example.org`,
        mode: a.mode ?? 'on_site',
        status: 'confirmed',
        organisation_name: null,
        organisation_id: null,
        sector: a.sector ?? null,
        age_group: a.ageGroup ?? null,
        dietary_needs: null,
        accessibility_needs: null,
        cancel_token_hash: token(),
        check_in_token_hash: token(),
        email_confirmed_at: null,
        promoted_at: null,
        cancelled_at: null,
        checked_in_at: a.noShow ? null : t.clock.now(),
        checked_in_by: null,
        check_in_method: a.noShow ? null : 'manual',
        created_at: t.clock.now(),
      })
      .execute();
  }
  return { id: event.id };
}
