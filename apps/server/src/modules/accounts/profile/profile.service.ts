import type { OwnProfile, profileInput, PublicProfile } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, unauthenticated } from '../../../platform/errors.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { canSeeProfile } from './profile.policy.ts';
import {
  findProfile,
  findProfileWithPerson,
  shareASpace,
  spacesOfPerson,
  upsertProfile,
  visibilityOfProfiles,
} from './profile.repository.ts';
import type { ProfileRow } from './profile.table.ts';

const EMPTY: OwnProfile = {
  organisation: '',
  sector: null,
  municipalityCode: null,
  presentation: '',
  visibility: 'members',
  updatedAt: null,
};

function presentOwn(row: ProfileRow | undefined): OwnProfile {
  if (!row) return EMPTY;
  return {
    organisation: row.organisation,
    sector: row.sector,
    municipalityCode: row.municipality_code,
    presentation: row.presentation,
    visibility: row.visibility,
    updatedAt: row.updated_at.toISOString(),
  };
}

function signedInId(ctx: RequestContext): string {
  const id = actorId(ctx.actor);
  if (!id) throw unauthenticated();
  return id;
}

export async function getOwnProfile(deps: Deps, ctx: RequestContext): Promise<OwnProfile> {
  return presentOwn(await findProfile(deps.db, signedInId(ctx)));
}

export async function saveOwnProfile(deps: Deps, ctx: RequestContext, input: z.output<typeof profileInput>): Promise<OwnProfile> {
  const userId = signedInId(ctx);
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const row = await deps.db.transaction().execute(async (trx) => {
    const saved = await upsertProfile(trx, {
      user_id: userId,
      organisation: input.organisation,
      sector: input.sector,
      municipality_code: input.municipalityCode,
      presentation: input.presentation,
      visibility: input.visibility,
      updated_at: deps.clock.now(),
    });
    // What was said stays out of the log (it is personal data); that it changed, and to whom it shows, goes in.
    await recordAudit(trx, deps.clock, ctx, {
      action: 'profile.update',
      resourceType: 'user',
      resourceId: userId,
      details: { visibility: input.visibility },
    });
    return saved;
  });
  return presentOwn(row);
}

export async function getProfile(deps: Deps, ctx: RequestContext, userId: string): Promise<PublicProfile> {
  const row = await findProfileWithPerson(deps.db, userId);
  if (!row) throw notFound();
  const viewerId = actorId(ctx.actor);
  const isSelf = viewerId === userId;
  const sharesASpace = viewerId !== null && !isSelf && row.visibility === 'members' ? await shareASpace(deps.db, viewerId, userId) : false;
  if (!canSeeProfile(row.visibility, { isSelf, sharesASpace })) throw notFound();
  const spaces = (await spacesOfPerson(deps.db, userId, viewerId)).sort(bySwedishName);
  return {
    userId,
    name: row.name,
    organisation: row.organisation,
    sector: row.sector,
    municipality: row.municipality_code ? { code: row.municipality_code, name: row.municipality_name ?? row.municipality_code } : null,
    presentation: row.presentation,
    spaces,
    isMe: isSelf,
  };
}

/**
 * For a space's member list: whose profile the caller may open. A caller who is a member of the
 * space shares it with everyone listed, so "members" counts; anyone else (a platform admin) sees
 * only profiles shown to everyone.
 */
export async function profilesOpenIn(
  deps: Deps,
  userIds: string[],
  viewerId: string | null,
  viewerIsMember: boolean,
): Promise<Set<string>> {
  const rows = await visibilityOfProfiles(deps.db, userIds);
  return new Set(
    rows.filter((r) => canSeeProfile(r.visibility, { isSelf: r.user_id === viewerId, sharesASpace: viewerIsMember })).map((r) => r.user_id),
  );
}
