import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { DELETED_USER_NAME, type DataSubject, type PersonalDataProvider, type Withdrawal } from '../../../platform/personal-data.ts';
import { removePersonFromGroups } from '../../groups/group/group.service.ts';
import { spacesLedBy } from '../../spaces/space/space.service.ts';
import { canEditPerson, canSeePerson } from './person.policy.ts';
import {
  affiliationsOfPeople,
  consentsOfPeople,
  deleteAffiliationsOf,
  findConsent,
  hasLiveConsent,
  lockConsent,
  markConsentWithdrawn,
  peopleWithEmail,
  spaceIdsOfPeople,
  updatePerson,
} from './person.repository.ts';

/**
 * Withdraws one recorded consent of a person, beside it (when, by whom, how). A person kept
 * only by consent who has none left is no longer used: their name and contact details are
 * erased, they leave their working groups and organisations, and the record stays as
 * "borttagen användare" with its consents, so the withdrawal can be shown. Answers false when
 * the consent does not exist; withdrawing twice changes nothing.
 */
export async function withdrawPersonConsent(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, consentId: string, how: Withdrawal): Promise<boolean> {
  const consent = await lockConsent(trx, consentId);
  if (!consent) return false;
  if (consent.withdrawn_at) return true;
  await markConsentWithdrawn(trx, consentId, how);
  const erased = !(await hasLiveConsent(trx, consent.person_id));
  if (erased) {
    await removePersonFromGroups(trx, consent.person_id);
    await deleteAffiliationsOf(trx, consent.person_id);
    await updatePerson(trx, consent.person_id, { name: DELETED_USER_NAME, email: null, phone: null, age_group: null, municipality_code: null, updated_at: how.at });
  }
  await recordAudit(trx, deps.clock, ctx, {
    action: 'person.consent_withdraw',
    resourceType: 'person',
    resourceId: consent.person_id,
    details: { consentId, method: how.method, erased },
  });
  return true;
}

/** Those who lead a space the person is in may withdraw on the person's behalf. */
export async function assertMayWithdrawPersonConsent(deps: Deps, ctx: RequestContext, consentId: string): Promise<void> {
  const consent = await findConsent(deps.db, consentId);
  if (!consent) throw notFound();
  const led = await spacesLedBy(deps, ctx.actor);
  const spaceIds = (await spaceIdsOfPeople(deps.db, [consent.person_id])).map((s) => s.space_id);
  if (!canSeePerson(ctx.actor, spaceIds, led)) throw notFound();
  if (!canEditPerson(ctx.actor, spaceIds, led)) throw forbidden();
}

export const personPersonalData: PersonalDataProvider = {
  key: 'people',
  async collect(deps: Deps, subject: DataSubject) {
    const people = await peopleWithEmail(deps.db, subject.email);
    const ids = people.map((p) => p.id);
    const [spaces, affiliations, consents] = await Promise.all([spaceIdsOfPeople(deps.db, ids), affiliationsOfPeople(deps.db, ids), consentsOfPeople(deps.db, ids)]);
    return people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      phone: p.phone,
      municipalityCode: p.municipality_code,
      ageGroup: p.age_group,
      youthRepresentative: p.youth_representative,
      spaceIds: spaces.filter((s) => s.person_id === p.id).map((s) => s.space_id),
      affiliations: affiliations.filter((a) => a.person_id === p.id).map((a) => ({ organisationId: a.organisation_id, organisation: a.name, role: a.role })),
      consents: consents
        .filter((c) => c.person_id === p.id)
        .map((c) => ({
          id: c.id,
          purpose: c.purpose,
          textVersion: c.text_version,
          method: c.method,
          givenAt: c.given_at.toISOString(),
          withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
          withdrawalMethod: c.withdrawal_method,
        })),
      createdAt: p.created_at.toISOString(),
    }));
  },
  async erase(deps, trx, ctx, subject) {
    const people = await peopleWithEmail(trx, subject.email);
    for (const person of people) {
      const consents = await consentsOfPeople(trx, [person.id]);
      for (const c of consents) await withdrawPersonConsent(deps, trx, ctx, c.id, { at: deps.clock.now(), by: null, method: 'account_deletion' });
      // A record without a consent left to withdraw is erased all the same.
      if (!(await hasLiveConsent(trx, person.id)) && person.name !== DELETED_USER_NAME) {
        await removePersonFromGroups(trx, person.id);
        await deleteAffiliationsOf(trx, person.id);
        await updatePerson(trx, person.id, { name: DELETED_USER_NAME, email: null, phone: null, age_group: null, municipality_code: null, updated_at: deps.clock.now() });
      }
    }
    return people.length;
  },
};
