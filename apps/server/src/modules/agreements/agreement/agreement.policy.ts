import type { AgreementAction } from '@samhandling/contracts';
import { isPlatformAdmin, isSignedIn, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canSeePeople, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** What the agreement policies need: the space, the status, and who speaks or signs for which party. */
export interface AgreementAccess {
  space: SpaceAccess;
  status: 'draft' | 'remiss' | 'adoption' | 'in_force' | 'ended' | 'replaced';
  /** A version was once adopted by every required party: the agreement has a public page. */
  everInForce: boolean;
  /** Party organisations (any role) → their confirmed representatives (user ids). */
  representatives: Map<string, string[]>;
  /** Party organisations → user ids allowed to comment on remiss (representatives and the contact person's account). */
  commenters: Map<string, string[]>;
  /** Party organisations → named signatories (user ids). */
  signatories: Map<string, string[]>;
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.user.id : null);
const inAny = (actor: Actor, map: Map<string, string[]>) => {
  const id = userIdOf(actor);
  return id !== null && [...map.values()].some((ids) => ids.includes(id));
};
const inOne = (actor: Actor, map: Map<string, string[]>, organisationId: string) => {
  const id = userIdOf(actor);
  return id !== null && (map.get(organisationId) ?? []).includes(id);
};

const isPartysPerson = (actor: Actor, access: AgreementAccess) => inAny(actor, access.representatives) || inAny(actor, access.commenters) || inAny(actor, access.signatories);
/** Drafts live with their space, and the parties' representatives, contacts and signatories see them too. */
export const canViewAgreement = (actor: Actor, access: AgreementAccess): boolean => canViewSpace(actor, access.space) || isPartysPerson(actor, access);
/** An agreement that has been in force has a public page. */
export const canViewPublicAgreement = (actor: Actor, access: AgreementAccess): boolean => access.everInForce || canViewAgreement(actor, access);

/** Leaders draft, add parties, name signatories, answer comments and decide accessions. */
export const canManageAgreement = (actor: Actor, access: AgreementAccess): boolean => canLeadSpace(actor, access.space);
export const canSeeContacts = (actor: Actor, access: AgreementAccess): boolean => canSeePeople(actor, access.space);

/** A party's decision is recorded by a leader of the space or by that organisation's confirmed representative. */
export const canRecordAdoptionFor = (actor: Actor, access: AgreementAccess, organisationId: string): boolean =>
  canLeadSpace(actor, access.space) || (!access.space.archived && inOne(actor, access.representatives, organisationId));
export const canRecordSomeAdoption = (actor: Actor, access: AgreementAccess): boolean =>
  (access.status === 'adoption' || access.status === 'in_force') && (canLeadSpace(actor, access.space) || inAny(actor, access.representatives));

/** A decision's protocol extract is uploaded by those who may record the party's decision (whatever the agreement's status). */
export const canUploadExtractFor = (actor: Actor, access: AgreementAccess, organisationId: string): boolean => canRecordAdoptionFor(actor, access, organisationId);

/** On remiss, a party's contact or representative comments for it. */
export const canCommentFor = (actor: Actor, access: AgreementAccess, organisationId: string): boolean =>
  access.status === 'remiss' && !access.space.archived && (inOne(actor, access.commenters, organisationId) || inOne(actor, access.representatives, organisationId));
const canCommentSomewhere = (actor: Actor, access: AgreementAccess) => access.status === 'remiss' && !access.space.archived && (inAny(actor, access.commenters) || inAny(actor, access.representatives));
/** The comment log: the space's members and the parties' people. */
export const canReadComments = (actor: Actor, access: AgreementAccess): boolean => access.space.role !== null || isPlatformAdmin(actor) || isPartysPerson(actor, access);

export const canSignFor = (actor: Actor, access: AgreementAccess, organisationId: string): boolean => inOne(actor, access.signatories, organisationId);

/** Once in force, anyone signed in may ask to join on behalf of an organisation. */
export const canApplyToJoin = (actor: Actor, access: AgreementAccess): boolean => isSignedIn(actor) && access.status === 'in_force' && !access.space.archived;

/** `decisions`: the recorded decisions (an extract is uploaded for one of them). */
export function agreementActions(actor: Actor, access: AgreementAccess, decisions: { organisation_id: string }[] = []): AgreementAction[] {
  const actions: AgreementAction[] = ['view', 'export'];
  if (canManageAgreement(actor, access)) actions.push('update', 'manage_parties', 'name_signatories', 'answer_comments', 'decide_accessions');
  if (canRecordSomeAdoption(actor, access)) actions.push('record_adoption');
  if (decisions.some((d) => canUploadExtractFor(actor, access, d.organisation_id))) actions.push('upload_extract');
  if (canCommentSomewhere(actor, access)) actions.push('comment');
  if (inAny(actor, access.signatories)) actions.push('sign');
  if (canApplyToJoin(actor, access)) actions.push('apply');
  return actions;
}
