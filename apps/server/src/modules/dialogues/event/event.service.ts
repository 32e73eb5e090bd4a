import { goalsWithTargets, normaliseTags, type CoverageEntry, type Event, type eventInput, type eventsQuery } from '@samhandling/contracts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { Actor, RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { eventCalendar, spaceCalendar } from './event-calendar.ts';
import { canManageEvent, canViewEvent, eventActions } from './event.policy.ts';
import { isRegistrationOpen } from '../registration/registration-rules.ts';
import { presentEvent } from './event.presenter.ts';
import { spaceEventList } from './event-list-cache.ts';
import { removeDerivedCollaborations, replaceDerivedCollaborations } from '../../actors/collaboration/collaboration.service.ts';
import {
  cohostIdsOf,
  cohostsAndSeatCounts,
  findEvent,
  groupInSpace,
  insertEvent,
  listEventsOfSpace,
  organisationsExisting,
  eventsInCoverageScope,
  replaceCohosts,
  spaceName,
  type EventRow,
} from './event.repository.ts';

export type { EventRow } from './event.repository.ts';

/**
 * The event and the caller's access to its space; 404 when the caller may not see it.
 * For other modules (boards, inputs): the one way to load an event with its access rules.
 */
export async function getEventForActor(
  deps: Deps,
  actor: Actor,
  eventId: string,
  db: Kysely<Database> = deps.db,
): Promise<{ event: EventRow; access: SpaceAccess }> {
  const event = await findEvent(db, eventId);
  if (!event) throw notFound();
  const access = await loadSpaceAccess(deps, actor, event.space_id, db).then(
    (loaded) => loaded.access,
    (error: unknown) => {
      // A public event is seen by those who may not see its space: as outsiders, with no role.
      if (event.public && error instanceof AppError && error.code === 'not_found')
        return { visibility: 'members' as const, archived: false, role: null };
      throw error;
    },
  );
  if (!canViewEvent(actor, access, event)) throw notFound();
  return { event, access };
}

/** Whether the caller may run the event (plan it, open a board, enter inputs on someone's behalf). */
export function canManageEventFor(actor: Actor, access: SpaceAccess): boolean {
  return canManageEvent(actor, access);
}

function groupByEvent<T extends { event_id: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.event_id);
    if (group) group.push(item);
    else groups.set(item.event_id, [item]);
  }
  return groups;
}

async function presentMany(
  deps: Deps,
  ctx: RequestContext,
  rows: EventRow[],
  access: SpaceAccess,
  name?: string,
  loaded?: Awaited<ReturnType<typeof cohostsAndSeatCounts>>,
): Promise<Event[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [{ cohosts, counts }, space] = await Promise.all([
    loaded ?? cohostsAndSeatCounts(deps.db, ids),
    name === undefined ? spaceName(deps.db, rows[0]!.space_id) : Promise.resolve({ name }),
  ]);
  const cohostsOf = groupByEvent(cohosts);
  const countsOf = groupByEvent(counts);
  const now = deps.clock.now();
  return rows.map((row) =>
    presentEvent(row, {
      spaceName: space?.name ?? '',
      cohosts: (cohostsOf.get(row.id) ?? []).map((c) => ({ id: c.id, name: c.name })),
      counts: countsOf.get(row.id) ?? [],
      now,
      allowedActions: eventActions(ctx.actor, access, {
        registrationOpen: isRegistrationOpen(row, now),
        cancelled: row.status === 'cancelled',
      }),
    }),
  );
}

export async function presentOne(deps: Deps, ctx: RequestContext, row: EventRow, access: SpaceAccess): Promise<Event> {
  return (await presentMany(deps, ctx, [row], access))[0]!;
}

export async function getSpaceEvents(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  query: z.output<typeof eventsQuery>,
): Promise<Event[]> {
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const { rows, ...loaded } = await spaceEventList(deps, spaceId, { when: query.when, kind: query.kind, now: deps.clock.now() });
  return presentMany(deps, ctx, rows, access, space.name, loaded);
}

export async function getEvent(deps: Deps, ctx: RequestContext, id: string): Promise<Event> {
  const { event, access } = await getEventForActor(deps, ctx.actor, id);
  return presentOne(deps, ctx, event, access);
}

type EventFields = Partial<z.output<typeof eventInput>>;

export async function checkReferences(deps: Deps, spaceId: string, input: EventFields) {
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const problems: Record<string, string> = {};
  if (input.cohostIds?.length) {
    const found = new Set((await organisationsExisting(deps.db, input.cohostIds)).map((o) => o.id));
    input.cohostIds.forEach((id, i) => {
      if (!found.has(id)) problems[`cohostIds.${i}`] = 'errors.not_found';
    });
  }
  if (input.workingGroupId && !(await groupInSpace(deps.db, input.workingGroupId, spaceId)))
    problems.workingGroupId = 'validation.group_not_in_space';
  if (Object.keys(problems).length) throw invalid(problems);
}

/** Column values for the fields present in the input (PATCH leaves the rest). */
export function eventColumns(input: EventFields) {
  const has = (key: keyof EventFields) => input[key] !== undefined;
  return {
    ...(has('kind') ? { kind: input.kind! } : {}),
    ...(has('title') ? { title: input.title! } : {}),
    ...(has('description') ? { description: input.description! } : {}),
    ...(has('public') ? { public: input.public! } : {}),
    ...(has('startsAt') ? { starts_at: new Date(input.startsAt!) } : {}),
    ...(has('endsAt') ? { ends_at: new Date(input.endsAt!) } : {}),
    ...(has('municipalityCode') ? { municipality_code: input.municipalityCode ?? null } : {}),
    ...(has('workingGroupId') ? { working_group_id: input.workingGroupId ?? null } : {}),
    ...(has('placeName') ? { place_name: input.placeName || null } : {}),
    ...(has('address') ? { address: input.address || null } : {}),
    ...(has('lon') ? { lon: input.lon ?? null } : {}),
    ...(has('lat') ? { lat: input.lat ?? null } : {}),
    ...(has('onlineUrl') ? { online_url: input.onlineUrl || null } : {}),
    ...(has('capacity') ? { capacity: input.capacity ?? null } : {}),
    ...(has('onlineCapacity') ? { online_capacity: input.onlineCapacity ?? null } : {}),
    ...(has('registrationOpensAt')
      ? { registration_opens_at: input.registrationOpensAt ? new Date(input.registrationOpensAt) : null }
      : {}),
    ...(has('registrationClosesAt')
      ? { registration_closes_at: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null }
      : {}),
    ...(has('questions') ? { questions: JSON.stringify([...new Set(input.questions)]) } : {}),
    ...(has('goals') ? { goals: normaliseTags(input.goals!, []).goals } : {}),
    ...(has('targets') ? { targets: normaliseTags([], input.targets!).targets } : {}),
    ...(has('agenda')
      ? {
          agenda: JSON.stringify(
            [...input.agenda!]
              .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
              .map((a) => ({
                startsAt: new Date(a.startsAt).toISOString(),
                endsAt: a.endsAt ? new Date(a.endsAt).toISOString() : null,
                title: a.title,
                description: a.description ?? '',
              })),
          ),
        }
      : {}),
  };
}

export function pointProblems(lon: number | null | undefined, lat: number | null | undefined) {
  // A map point needs both coordinates.
  if ((lon === null || lon === undefined) !== (lat === null || lat === undefined))
    throw invalid(lon === null || lon === undefined ? { lon: 'validation.required' } : { lat: 'validation.required' });
}

export async function createEvent(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof eventInput>): Promise<Event> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  pointProblems(input.lon, input.lat);
  await checkReferences(deps, spaceId, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertEvent(trx, {
      space_id: spaceId,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      starts_at: new Date(input.startsAt),
      ends_at: new Date(input.endsAt),
      municipality_code: null,
      working_group_id: null,
      place_name: null,
      address: null,
      lon: null,
      lat: null,
      online_url: null,
      capacity: null,
      online_capacity: null,
      questions: JSON.stringify(['organisation', 'sector', 'age_group', 'dietary_needs', 'accessibility_needs']),
      agenda: '[]',
      ...eventColumns(input),
      ical_uid: `${crypto.randomUUID()}@samhandling`,
      cancel_reason: null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: now,
      updated_at: now,
    });
    await replaceCohosts(trx, id, input.cohostIds ?? []);
    await rebuildCohostCollaborations(trx, id);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'event.create',
      resourceType: 'event',
      resourceId: id,
      details: { spaceId, kind: input.kind },
    });
    return id;
  });
  return getEvent(deps, ctx, id);
}

/** The event's calendar file: same UID always, SEQUENCE raised with each change that matters. */
export async function getEventCalendar(deps: Deps, ctx: RequestContext, id: string): Promise<string> {
  const { event } = await getEventForActor(deps, ctx.actor, id);
  return eventCalendar(event, { url: `${ctx.origin}/events/${event.id}` });
}

/** A feed of the space's events (cancelled ones stay, marked CANCELLED, so subscribers see it). */
export async function getSpaceCalendar(deps: Deps, ctx: RequestContext, spaceId: string): Promise<string> {
  const { row: space } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await listEventsOfSpace(deps.db, spaceId, { when: 'all', now: deps.clock.now() });
  return spaceCalendar(
    space.name,
    rows.map((row) => ({ row, url: `${ctx.origin}/events/${row.id}` })),
  );
}

/**
 * Co-hosts of an event collaborate through it: derived ties in the space's network from the day the
 * event was planned until the day it is held; a cancelled event has none (issue 11 §2).
 */
export async function rebuildCohostCollaborations(trx: Kysely<Database>, eventId: string): Promise<void> {
  const event = await findEvent(trx, eventId);
  if (!event || event.status === 'cancelled') {
    await removeDerivedCollaborations(trx, 'event', eventId);
    return;
  }
  const start = event.created_at.toISOString().slice(0, 10);
  const held = event.ends_at.toISOString().slice(0, 10);
  await replaceDerivedCollaborations(
    trx,
    { kind: 'event', id: eventId, spaceId: event.space_id, description: `Träff: ${event.title}`, startDate: start < held ? start : held, endDate: held, type: 'partnership' },
    await cohostIdsOf(trx, eventId),
  );
}

/** Agenda 2030 coverage source: events count for their theme goals and targets, held or planned. */
export async function eventCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await eventsInCoverageScope(deps.db, scope)).map((row) => ({
    kind: 'event',
    id: row.id,
    title: row.title,
    status: row.ends_at.getTime() < scope.now.getTime() ? 'held' : 'planned',
    date: row.starts_at.toISOString(),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: goalsWithTargets(row.goals, row.targets),
    targets: row.targets,
  }));
}
