import type {
  Agreement,
  AgreementSummary,
  PublicAgreement,
  agreementAdoptionInput,
  agreementInput,
  agreementPartyInput,
  agreementPatch,
  agreementSignatoryInput,
  agreementSignatureInput,
  publicAgreementsQuery,
} from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { organisationsByIds, representativesByOrganisation } from '../../actors/organisation/organisation.service.ts';
import { canViewActionPlans } from '../../plans/action-plan/action-plan.policy.ts';
import { actionPlansOfAgreement } from '../../plans/action-plan/action-plan.service.ts';
import { replaceDerivedCollaborations } from '../../actors/collaboration/collaboration.service.ts';
import { includeOrganisationInSpace } from '../../actors/space-organisation/space-organisation.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { extractsOf } from '../agreement-extract/agreement-extract.repository.ts';
import { sha256Of, type Section } from './agreement-text.ts';
import {
  agreementActions,
  canManageAgreement,
  canRecordAdoptionFor,
  canSeeContacts,
  canUploadExtractFor,
  canSignFor,
  canViewAgreement,
  canViewPublicAgreement,
  type AgreementAccess,
} from './agreement.policy.ts';
import { adoptedCount, presentAgreement, presentPublic, presentSummary, requiredParties, type AgreementParts } from './agreement.presenter.ts';
import {
  adoptionsOf,
  findAgreement,
  insertAdoption,
  insertAgreement,
  insertParty,
  insertSignature,
  insertVersion,
  isMemberOfSpace,
  listAgreementsInForce,
  listAgreementsOfSpace,
  lockAgreement,
  partiesOf,
  personInSpace,
  signatoriesOf,
  signaturesOf,
  updateAgreement,
  upsertSignatory,
  userName,
  usersByEmails,
  versionsOf,
  type AgreementRow,
} from './agreement.repository.ts';
import { currentSigner } from './signer.ts';

type Status = AgreementRow['status'];

async function partsOf(db: Kysely<Database>, ids: string[], options: { extracts?: boolean } = {}): Promise<AgreementParts> {
  const [versions, parties, adoptions, signatories, signatures] = await Promise.all([versionsOf(db, ids), partiesOf(db, ids), adoptionsOf(db, ids), signatoriesOf(db, ids), signaturesOf(db, ids)]);
  const extracts = options.extracts === false ? [] : await extractsOf(db, adoptions.map((a) => a.id));
  return { versions, parties, adoptions, signatories, signatures, extracts };
}

const group = (pairs: [string, string][]) => {
  const map = new Map<string, string[]>();
  for (const [key, value] of pairs) map.set(key, [...(map.get(key) ?? []), value]);
  return map;
};

async function accessOf(deps: Deps, row: AgreementRow, space: AgreementAccess['space'], parts: AgreementParts): Promise<AgreementAccess> {
  const organisationIds = parts.parties.map((p) => p.organisation_id);
  const [representatives, contactUsers] = await Promise.all([
    representativesByOrganisation(deps, organisationIds),
    usersByEmails(deps.db, parts.parties.map((p) => p.contact_email).filter((e): e is string => !!e)),
  ]);
  const commenters = group(
    parts.parties.flatMap((p) => contactUsers.filter((u) => p.contact_email && u.email === p.contact_email.toLowerCase()).map((u): [string, string] => [p.organisation_id, u.id])),
  );
  return {
    space,
    status: row.status,
    everInForce: row.in_force_version !== null,
    representatives,
    commenters,
    signatories: group(parts.signatories.map((s): [string, string] => [s.organisation_id, s.user_id])),
  };
}

/** The agreement with its parts and the caller's access; 404 when the caller may not see it. */
export async function loadAgreement(deps: Deps, ctx: RequestContext, id: string, options: { publicPage?: boolean } = {}) {
  const row = await findAgreement(deps.db, id);
  if (!row) throw notFound();
  let space: AgreementAccess['space'];
  try {
    space = (await loadSpaceAccess(deps, ctx.actor, row.space_id)).access;
  } catch (error) {
    // The parties' people see it without being members of the space, and an agreement that
    // has been in force has a public page, even in a members-only space: the policy decides.
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    space = { visibility: 'members', archived: false, role: null };
  }
  const parts = await partsOf(deps.db, [id]);
  const access = await accessOf(deps, row, space, parts);
  if (!(options.publicPage ? canViewPublicAgreement(ctx.actor, access) : canViewAgreement(ctx.actor, access))) throw notFound();
  return { row, parts, access };
}

function present(ctx: RequestContext, loaded: Awaited<ReturnType<typeof loadAgreement>>): Agreement {
  return presentAgreement(loaded.row, loaded.parts, {
    showContacts: canSeeContacts(ctx.actor, loaded.access),
    allowedActions: agreementActions(ctx.actor, loaded.access, loaded.parts.adoptions),
    partyActions: (organisationId, decision) => (decision && canUploadExtractFor(ctx.actor, loaded.access, organisationId) ? ['upload_extract'] : []),
  });
}

export async function getAgreement(deps: Deps, ctx: RequestContext, id: string): Promise<Agreement> {
  const loaded = await loadAgreement(deps, ctx, id);
  // The action plans carrying the agreement out, for those who may see the space's plans.
  const plans = canViewActionPlans(ctx.actor, loaded.access.space) ? await actionPlansOfAgreement(deps.db, id) : [];
  return { ...present(ctx, loaded), plans };
}

/** For other modules (action plans): the agreement when it is in the given space, else null. */
export async function agreementInSpace(db: Kysely<Database>, id: string, spaceId: string): Promise<{ id: string; title: string } | null> {
  const row = await findAgreement(db, id);
  return row && row.space_id === spaceId ? { id: row.id, title: row.title } : null;
}

export async function getPublicAgreement(deps: Deps, ctx: RequestContext, id: string): Promise<PublicAgreement> {
  const { row, parts } = await loadAgreement(deps, ctx, id, { publicPage: true });
  if (row.in_force_version === null) throw notFound();
  return presentPublic(row, parts);
}

export async function getSpaceAgreements(deps: Deps, ctx: RequestContext, spaceId: string): Promise<AgreementSummary[]> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await listAgreementsOfSpace(deps.db, spaceId);
  const parts = await partsOf(
    deps.db,
    rows.map((r) => r.id),
    { extracts: false },
  );
  return rows.map((row) => presentSummary(row, { parties: parts.parties.filter((p) => p.agreement_id === row.id), adoptions: parts.adoptions.filter((a) => a.agreement_id === row.id) }));
}

/** Agreements in force, for anyone: by space, municipality or county. */
export async function getPublicAgreements(deps: Deps, ctx: RequestContext, filter: z.output<typeof publicAgreementsQuery>): Promise<AgreementSummary[]> {
  // A space filter obeys the space's policy: a members-only space the caller may not see answers 404.
  if (filter.space) await loadSpaceAccess(deps, ctx.actor, filter.space);
  const found = await listAgreementsInForce(deps.db, filter);
  // One never in force has no public page: it is listed only to those who may see its space.
  const visibleSpaces = new Set<string>();
  for (const spaceId of new Set(found.filter((r) => r.in_force_version === null).map((r) => r.space_id))) {
    try {
      await loadSpaceAccess(deps, ctx.actor, spaceId);
      visibleSpaces.add(spaceId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  const rows = found.filter((r) => r.in_force_version !== null || visibleSpaces.has(r.space_id));
  const parts = await partsOf(
    deps.db,
    rows.map((r) => r.id),
    { extracts: false },
  );
  return rows.map((row) => presentSummary(row, { parties: parts.parties.filter((p) => p.agreement_id === row.id), adoptions: parts.adoptions.filter((a) => a.agreement_id === row.id) }));
}

export async function createAgreement(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof agreementInput>): Promise<Agreement> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAgreement(ctx.actor, { space: access } as AgreementAccess)) throw forbidden();
  const sections = input.sections ?? [];
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertAgreement(trx, { space_id: spaceId, title: input.title, summary: input.summary ?? '', in_force_version: null, in_force_since: null, created_by: actorId(ctx.actor), created_at: now, updated_at: now });
    await insertVersion(trx, { agreementId: id, number: 1, sections, sha256: sha256Of(sections), createdBy: actorId(ctx.actor), now });
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.create', resourceType: 'agreement', resourceId: id, details: { spaceId } });
    return id;
  });
  return getAgreement(deps, ctx, id);
}

/**
 * The parties of an agreement collaborate through it (issue 11 §2, ADR 0016): every two of them,
 * from the day the agreement was made; an ended or replaced agreement's ties end the day it did.
 * Called in each transaction that changes the parties, the title or the status.
 */
async function rebuildDerived(trx: Kysely<Database>, deps: Pick<Deps, 'clock'>, id: string): Promise<void> {
  const row = await findAgreement(trx, id);
  if (!row) return;
  const parties = await partiesOf(trx, [id]);
  const closed = row.status === 'ended' || row.status === 'replaced';
  const start = row.created_at.toISOString().slice(0, 10);
  const end = closed ? row.updated_at.toISOString().slice(0, 10) : null;
  await replaceDerivedCollaborations(
    trx,
    { kind: 'agreement', id, spaceId: row.space_id, description: `Överenskommelse: ${row.title}`, startDate: start, endDate: end === null ? null : end >= start ? end : start, type: 'formal_agreement' },
    parties.map((p) => p.organisation_id),
  );
}

/** The status changes a leader makes; in force comes only from the parties' adoptions. */
const TRANSITIONS: Record<Status, Status[]> = {
  draft: ['remiss', 'adoption'],
  remiss: ['draft', 'adoption'],
  adoption: ['draft', 'remiss', 'ended'],
  in_force: ['ended', 'replaced'],
  ended: [],
  replaced: [],
};

/**
 * Inside the adoption's (or status change's) transaction, with the agreement row locked: the
 * agreement is in force exactly when every required party adopted the current version.
 */
async function settleInForce(trx: Kysely<Database>, deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const locked = await lockAgreement(trx, id);
  if (!locked || locked.status !== 'adoption') return;
  const [parties, adoptions] = await Promise.all([partiesOf(trx, [id]), adoptionsOf(trx, [id])]);
  const required = requiredParties(parties).length;
  if (required === 0 || adoptedCount(parties, adoptions, locked.current_version) < required) return;
  const now = deps.clock.now();
  await updateAgreement(trx, id, { status: 'in_force', in_force_version: locked.current_version, in_force_since: now, updated_at: now });
  await recordAudit(trx, deps.clock, ctx, { action: 'agreement.in_force', resourceType: 'agreement', resourceId: id, details: { version: locked.current_version, parties: required } });
}

export async function patchAgreement(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementPatch>): Promise<Agreement> {
  const { access } = await loadAgreement(deps, ctx, id);
  if (!canManageAgreement(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockAgreement(trx, id);
    if (!row) throw notFound();
    const now = deps.clock.now();
    const changes: Parameters<typeof updateAgreement>[2] = { updated_at: now };
    if (input.title !== undefined) changes.title = input.title;
    if (input.summary !== undefined) changes.summary = input.summary;
    let status: Status = row.status;
    let newVersion: number | null = null;
    if (input.sections !== undefined) {
      if (row.status === 'ended' || row.status === 'replaced') throw new AppError('conflict', 'agreements.closed');
      if (input.baseVersion !== undefined && input.baseVersion !== row.current_version)
        throw new AppError('conflict', 'agreements.stale_version', { baseVersion: 'agreements.stale_version' }, { version: row.current_version });
      const adoptions = await adoptionsOf(trx, [id]);
      const adopted = adoptions.some((a) => a.version === row.current_version && a.decision === 'adopted');
      // An adopted version is never edited: a change is a new version the parties adopt again.
      if (adopted && !input.revise) throw new AppError('conflict', 'agreements.version_adopted', { sections: 'agreements.version_adopted' }, { version: row.current_version });
      const sha256 = sha256Of(input.sections);
      const [current] = (await versionsOf(trx, [id])).filter((v) => v.number === row.current_version);
      if (current?.sha256 !== sha256) {
        newVersion = row.current_version + 1;
        await insertVersion(trx, { agreementId: id, number: newVersion, sections: input.sections as Section[], sha256, createdBy: actorId(ctx.actor), now });
        changes.current_version = newVersion;
        if (row.status === 'in_force') status = 'adoption';
      }
    }
    if (input.status !== undefined && input.status !== status) {
      if (!TRANSITIONS[status].includes(input.status)) throw new AppError('conflict', 'agreements.status_change', { status: 'agreements.status_change' });
      if (input.status === 'adoption' && requiredParties(await partiesOf(trx, [id])).length === 0) throw invalid({ status: 'agreements.no_parties' });
      status = input.status;
    }
    if (status !== row.status) changes.status = status;
    await updateAgreement(trx, id, changes);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'agreement.update',
      resourceType: 'agreement',
      resourceId: id,
      details: { fields: Object.keys(input), ...(newVersion ? { version: newVersion } : {}), ...(status !== row.status ? { from: row.status, to: status } : {}) },
    });
    if (status === 'adoption') await settleInForce(trx, deps, ctx, id);
    await rebuildDerived(trx, deps, id);
  });
  return getAgreement(deps, ctx, id);
}

export async function addAgreementParty(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementPartyInput>): Promise<Agreement> {
  const { row, access } = await loadAgreement(deps, ctx, id);
  if (!canManageAgreement(ctx.actor, access)) throw forbidden();
  if (row.status === 'ended' || row.status === 'replaced') throw new AppError('conflict', 'agreements.closed');
  const [organisation] = await organisationsByIds(deps, [input.organisationId]);
  if (!organisation) throw invalid({ organisationId: 'errors.not_found' });
  if (input.contactPersonId && !(await personInSpace(deps.db, input.contactPersonId, row.space_id))) throw invalid({ contactPersonId: 'errors.person_not_in_space' });
  await addParty(deps, ctx, row, { organisationId: input.organisationId, contactPersonId: input.contactPersonId ?? null, role: input.role, acceded: false });
  return getAgreement(deps, ctx, id);
}

/** For the accession module too: the organisation becomes a party, in the agreement's space. */
export async function addParty(
  deps: Deps,
  ctx: RequestContext,
  row: Pick<AgreementRow, 'id' | 'space_id'>,
  party: { organisationId: string; contactPersonId: string | null; role: 'party' | 'supporting'; acceded: boolean },
  trx?: Kysely<Database>,
): Promise<void> {
  const run = async (db: Kysely<Database>) => {
    const now = deps.clock.now();
    if (!(await insertParty(db, { agreementId: row.id, ...party, now }))) throw new AppError('conflict', 'agreements.already_party', { organisationId: 'agreements.already_party' });
    await includeOrganisationInSpace(db, row.space_id, party.organisationId, now);
    await rebuildDerived(db, deps, row.id);
    await recordAudit(db, deps.clock, ctx, { action: 'agreement.add_party', resourceType: 'agreement', resourceId: row.id, details: { organisationId: party.organisationId, role: party.role, acceded: party.acceded } });
  };
  if (trx) await run(trx);
  else await deps.db.transaction().execute(run);
}

export async function recordAdoption(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementAdoptionInput>): Promise<Agreement> {
  const { row, parts, access } = await loadAgreement(deps, ctx, id);
  if (!canRecordAdoptionFor(ctx.actor, access, input.organisationId)) throw forbidden();
  const party = parts.parties.find((p) => p.organisation_id === input.organisationId);
  if (!party || party.role !== 'party') throw invalid({ organisationId: 'agreements.not_a_party' });
  // Founding parties decide on the version out for adoption; a party that joined later on the version in force.
  const open = row.status === 'adoption' || (row.status === 'in_force' && party.acceded);
  if (!open) throw new AppError('conflict', 'agreements.not_open_for_adoption');
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockAgreement(trx, id);
    if (!locked || !(locked.status === 'adoption' || (locked.status === 'in_force' && party.acceded))) throw new AppError('conflict', 'agreements.not_open_for_adoption');
    const version = input.version ?? locked.current_version;
    if (version !== locked.current_version) throw new AppError('conflict', 'agreements.not_current_version', { version: 'agreements.not_current_version' }, { version: locked.current_version });
    const inserted = await insertAdoption(trx, {
      agreement_id: id,
      organisation_id: input.organisationId,
      version,
      decision: input.decision,
      decision_body: input.decisionBody,
      decided_on: input.decidedOn,
      minute_reference: input.minuteReference,
      reason: input.decision === 'declined' ? (input.reason ?? null) : null,
      recorded_by: actorId(ctx.actor),
      recorded_at: deps.clock.now(),
    });
    if (!inserted) throw new AppError('conflict', 'agreements.already_decided', { organisationId: 'agreements.already_decided' }, { version });
    await recordAudit(trx, deps.clock, ctx, {
      action: input.decision === 'adopted' ? 'agreement.adopt' : 'agreement.decline',
      resourceType: 'agreement',
      resourceId: id,
      details: { organisationId: input.organisationId, version, decisionBody: input.decisionBody, decidedOn: input.decidedOn, minuteReference: input.minuteReference },
    });
    await settleInForce(trx, deps, ctx, id);
  });
  return getAgreement(deps, ctx, id);
}

export async function nameSignatory(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementSignatoryInput>): Promise<Agreement> {
  const { row, parts, access } = await loadAgreement(deps, ctx, id);
  if (!canManageAgreement(ctx.actor, access)) throw forbidden();
  if (!parts.parties.some((p) => p.organisation_id === input.organisationId)) throw invalid({ organisationId: 'agreements.not_a_party' });
  const user = await userName(deps.db, input.userId);
  const speaksForIt = (access.representatives.get(input.organisationId) ?? []).includes(input.userId);
  if (!user || !(speaksForIt || (await isMemberOfSpace(deps.db, row.space_id, input.userId)))) throw invalid({ userId: 'agreements.signatory_unknown' });
  await deps.db.transaction().execute(async (trx) => {
    await upsertSignatory(trx, { agreementId: id, organisationId: input.organisationId, userId: input.userId, title: input.title, namedBy: actorId(ctx.actor), now: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.name_signatory', resourceType: 'agreement', resourceId: id, details: { organisationId: input.organisationId, userId: input.userId } });
  });
  return getAgreement(deps, ctx, id);
}

export async function signAgreement(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementSignatureInput>): Promise<Agreement> {
  const { parts, access } = await loadAgreement(deps, ctx, id);
  if (!canSignFor(ctx.actor, access, input.organisationId) || ctx.actor.kind !== 'user') throw forbidden();
  // The signatory signs the version their party adopted (the latest one).
  const adoption = parts.adoptions.filter((a) => a.organisation_id === input.organisationId && a.decision === 'adopted').at(-1);
  if (!adoption) throw new AppError('conflict', 'agreements.party_not_adopted');
  const version = parts.versions.find((v) => v.number === adoption.version)!;
  const signatory = parts.signatories.find((s) => s.organisation_id === input.organisationId && s.user_id === actorId(ctx.actor))!;
  const party = parts.parties.find((p) => p.organisation_id === input.organisationId)!;
  const signed = await currentSigner().sign(
    { agreementId: id, version: version.number, sha256: version.sha256, signer: { userId: ctx.actor.user.id, name: ctx.actor.user.name, title: signatory.title, organisation: party.organisation_name }, sessionId: ctx.actor.sessionId },
    deps.clock.now(),
  );
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertSignature(trx, {
      agreementId: id,
      organisationId: input.organisationId,
      organisationName: party.organisation_name,
      userId: ctx.actor.kind === 'user' ? ctx.actor.user.id : '',
      name: ctx.actor.kind === 'user' ? ctx.actor.user.name : '',
      title: signatory.title,
      version: version.number,
      sha256: version.sha256,
      method: signed.method,
      evidence: signed.evidence,
      signedAt: signed.signedAt,
    });
    if (!inserted) throw new AppError('conflict', 'agreements.already_signed');
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.sign', resourceType: 'agreement', resourceId: id, details: { organisationId: input.organisationId, version: version.number, sha256: version.sha256, method: signed.method } });
  });
  return getAgreement(deps, ctx, id);
}
