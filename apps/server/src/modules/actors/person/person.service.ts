import type { Person, PersonAction, personInput, personPatch } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { isPlatformAdmin, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { removePersonFromGroups } from '../../groups/group/group.service.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess, spacesLedBy } from '../../spaces/space/space.service.ts';
import { organisationsByIds } from '../organisation/organisation.service.ts';
import { canEditPerson, canErasePerson, canSeePerson } from './person.policy.ts';
import {
  addPersonToSpace,
  affiliationsOfPeople,
  consentsOfPeople,
  deletePerson,
  findPerson,
  insertConsent,
  insertPerson,
  listPeople,
  replaceAffiliations,
  spaceIdsOfPeople,
  updatePerson,
} from './person.repository.ts';

type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

async function present(deps: Deps, rows: PersonRow[], led: Set<string>, ctx: RequestContext): Promise<Person[]> {
  const ids = rows.map((r) => r.id);
  const [spaces, affiliations, consents] = await Promise.all([spaceIdsOfPeople(deps.db, ids), affiliationsOfPeople(deps.db, ids), consentsOfPeople(deps.db, ids)]);
  return rows.map((row) => {
    const spaceIds = spaces.filter((s) => s.person_id === row.id).map((s) => s.space_id);
    const allowed: PersonAction[] = canEditPerson(ctx.actor, spaceIds, led) ? ['update', 'erase'] : [];
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      municipalityCode: row.municipality_code,
      youthRepresentative: row.youth_representative,
      ageGroup: row.age_group as Person['ageGroup'],
      affiliations: affiliations.filter((a) => a.person_id === row.id).map((a) => ({ organisationId: a.organisation_id, organisationName: a.name, role: a.role })),
      // Only the spaces the caller leads are shown: membership elsewhere is not theirs to know.
      spaceIds: isPlatformAdmin(ctx.actor) ? spaceIds : spaceIds.filter((id) => led.has(id)),
      consents: consents
        .filter((c) => c.person_id === row.id)
        .map((c) => ({ id: c.id, purpose: c.purpose, textVersion: c.text_version, method: c.method, givenAt: c.given_at.toISOString(), withdrawnAt: c.withdrawn_at?.toISOString() ?? null, withdrawalMethod: c.withdrawal_method })),
      createdAt: row.created_at.toISOString(),
      allowedActions: allowed,
    };
  });
}

export async function getPeople(deps: Deps, ctx: RequestContext, filter: { space?: string | undefined; q?: string | undefined }): Promise<Person[]> {
  const led = await spacesLedBy(deps, ctx.actor);
  let spaceIds: string[] | 'all' = isPlatformAdmin(ctx.actor) ? 'all' : [...led];
  if (filter.space) {
    const { access } = await loadSpaceAccess(deps, ctx.actor, filter.space);
    if (!isPlatformAdmin(ctx.actor) && !led.has(filter.space)) throw access.role ? forbidden() : notFound();
    spaceIds = [filter.space];
  }
  return present(deps, await listPeople(deps.db, { spaceIds, q: filter.q }), led, ctx);
}

async function loadVisiblePerson(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findPerson(deps.db, id);
  if (!row) throw notFound();
  const led = await spacesLedBy(deps, ctx.actor);
  const spaceIds = (await spaceIdsOfPeople(deps.db, [id])).map((s) => s.space_id);
  if (!canSeePerson(ctx.actor, spaceIds, led)) throw notFound();
  return { row, led, spaceIds };
}

export async function getPerson(deps: Deps, ctx: RequestContext, id: string): Promise<Person> {
  const { row, led } = await loadVisiblePerson(deps, ctx, id);
  return (await present(deps, [row], led, ctx))[0]!;
}

async function assertOrganisationsExist(deps: Deps, affiliations: { organisationId: string }[]) {
  const found = new Set((await organisationsByIds(deps, affiliations.map((a) => a.organisationId))).map((o) => o.id));
  const problems: Record<string, string> = {};
  affiliations.forEach((a, i) => {
    if (!found.has(a.organisationId)) problems[`affiliations.${i}.organisationId`] = 'errors.not_found';
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

/** Writes a person, their space, affiliations and consent (also used by the CSV import). */
export async function insertPersonWithConsent(trx: Kysely<Database>, input: z.output<typeof personInput>, recordedBy: string | null, now: Date): Promise<string> {
  const { id } = await insertPerson(trx, {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    municipality_code: input.municipalityCode ?? null,
    youth_representative: input.youthRepresentative ?? false,
    age_group: input.ageGroup ?? null,
    created_by: recordedBy,
    created_at: now,
    updated_at: now,
  });
  await addPersonToSpace(trx, id, input.spaceId);
  await replaceAffiliations(trx, id, (input.affiliations ?? []).map((a) => ({ organisationId: a.organisationId, role: a.role })));
  await insertConsent(trx, {
    personId: id,
    purpose: input.consent.purpose,
    textVersion: input.consent.textVersion,
    method: input.consent.method,
    givenAt: input.consent.givenAt ? new Date(input.consent.givenAt) : now,
    recordedBy,
  });
  return id;
}

/** Records a person in a space, always with the consent that allows it. */
export async function createPerson(deps: Deps, ctx: RequestContext, input: z.output<typeof personInput>): Promise<Person> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, input.spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  await assertOrganisationsExist(deps, input.affiliations ?? []);
  const recordedBy = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const id = await insertPersonWithConsent(trx, input, recordedBy, now);
    // Ids only: the audit log is kept for good, personal data is not.
    await recordAudit(trx, deps.clock, ctx, { action: 'person.create', resourceType: 'person', resourceId: id, details: { spaceId: input.spaceId, consentMethod: input.consent.method } });
    return id;
  });
  return getPerson(deps, ctx, id);
}

export async function patchPerson(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof personPatch>): Promise<Person> {
  const { led, spaceIds } = await loadVisiblePerson(deps, ctx, id);
  if (!canEditPerson(ctx.actor, spaceIds, led)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  if (input.affiliations) await assertOrganisationsExist(deps, input.affiliations);
  await deps.db.transaction().execute(async (trx) => {
    await updatePerson(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.municipalityCode !== undefined ? { municipality_code: input.municipalityCode } : {}),
      ...(input.youthRepresentative !== undefined ? { youth_representative: input.youthRepresentative } : {}),
      ...(input.ageGroup !== undefined ? { age_group: input.ageGroup } : {}),
      updated_at: deps.clock.now(),
    });
    if (input.affiliations) await replaceAffiliations(trx, id, input.affiliations.map((a) => ({ organisationId: a.organisationId, role: a.role })));
    await recordAudit(trx, deps.clock, ctx, { action: 'person.update', resourceType: 'person', resourceId: id, details: { fields: Object.keys(input) } });
  });
  return getPerson(deps, ctx, id);
}

/** Erasure: the person, their affiliations and consents are deleted; the audit log keeps only the id. */
export async function erasePerson(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const { led, spaceIds } = await loadVisiblePerson(deps, ctx, id);
  if (!canErasePerson(ctx.actor, spaceIds, led)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    // A person in a working group leaves it first, so the collaborations it derives follow.
    await removePersonFromGroups(trx, id);
    await deletePerson(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'person.erase', resourceType: 'person', resourceId: id });
  });
}
