import type { JoinRequest, OwnJoinRequest, Space } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../../platform/errors.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { insertMembership } from '../membership/membership.repository.ts';
import { canDecideJoinRequests, joinRoute } from '../space/space.policy.ts';
import { getSpace, loadSpaceAccess } from '../space/space.service.ts';
import {
  findJoinRequest,
  insertJoinRequest,
  latestOwnRequest,
  listLeaders,
  listPendingRequests,
  settleRequest,
  withdrawOwnRequest,
  type JoinRequestWithUser,
} from './join-request.repository.ts';

function present(row: JoinRequestWithUser): JoinRequest {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    message: row.message,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

function signedInUser(ctx: RequestContext) {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.user;
}

/**
 * Joins a public space as a member at once when it is open, or leaves a request for its leaders
 * when it takes requests (they are told by e-mail). A members-only space stays unseen (404); a
 * space that takes members by invitation only refuses with a reason.
 */
export async function joinSpace(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  input: { message: string },
): Promise<{ outcome: 'joined' | 'requested'; space: Space }> {
  const user = signedInUser(ctx);
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (access.role !== null) throw new AppError('conflict', 'errors.already_member');
  if (access.archived) throw new AppError('conflict', 'errors.space_archived');
  const route = joinRoute(ctx.actor, access);
  if (!route) throw new AppError('forbidden', 'errors.join_by_invitation');
  const now = deps.clock.now();
  if (route === 'open') {
    await deps.db.transaction().execute(async (trx) => {
      await insertMembership(trx, spaceId, user.id, 'member', now);
      await recordAudit(trx, deps.clock, ctx, {
        action: 'membership.join',
        resourceType: 'space',
        resourceId: spaceId,
        details: { userId: user.id, role: 'member' },
      });
    });
    return { outcome: 'joined', space: await getSpace(deps, ctx, spaceId) };
  }
  await deps.db.transaction().execute(async (trx) => {
    const created = await insertJoinRequest(trx, { spaceId, userId: user.id, message: input.message, now });
    if (!created) throw new AppError('conflict', 'errors.join_request_pending');
    const link = `${ctx.origin}/spaces/${spaceId}#join-requests`;
    for (const leader of await listLeaders(trx, spaceId)) {
      const language = leader.language as Language;
      const message = input.message ? `\n\n${input.message}` : '';
      await deps.mailer.enqueue(trx, {
        to: [leader.email],
        subject: translate(language, 'mail.join_request.subject', { space: space.name }),
        text: `${translate(language, 'mail.join_request.text', { name: user.name, space: space.name, message, link })}\n\n${translate(language, 'mail.signature')}`,
      });
    }
    await recordAudit(trx, deps.clock, ctx, {
      action: 'join_request.create',
      resourceType: 'space',
      resourceId: spaceId,
      details: { requestId: created.id },
    });
  });
  void deps.mailer.deliverPending();
  return { outcome: 'requested', space: await getSpace(deps, ctx, spaceId) };
}

export async function getOwnJoinRequest(deps: Deps, ctx: RequestContext, spaceId: string): Promise<OwnJoinRequest> {
  const user = signedInUser(ctx);
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  const row = await latestOwnRequest(deps.db, spaceId, user.id);
  return {
    status: row?.status ?? null,
    requestedAt: row?.created_at.toISOString() ?? null,
    decidedAt: row?.decided_at?.toISOString() ?? null,
  };
}

export async function withdrawJoinRequest(deps: Deps, ctx: RequestContext, spaceId: string): Promise<void> {
  const user = signedInUser(ctx);
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    const row = await withdrawOwnRequest(trx, spaceId, user.id, deps.clock.now());
    if (!row) throw notFound();
    await recordAudit(trx, deps.clock, ctx, {
      action: 'join_request.withdraw',
      resourceType: 'space',
      resourceId: spaceId,
      details: { requestId: row.id },
    });
  });
}

export async function getJoinRequests(deps: Deps, ctx: RequestContext, spaceId: string): Promise<JoinRequest[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canDecideJoinRequests(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  return (await listPendingRequests(deps.db, spaceId)).map(present);
}

/** A leader accepts (the person becomes a member) or declines; either way the person is told by e-mail. */
export async function decideJoinRequest(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  requestId: string,
  decision: 'accept' | 'decline',
): Promise<JoinRequest> {
  const user = signedInUser(ctx);
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canDecideJoinRequests(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  const request = await findJoinRequest(deps.db, spaceId, requestId);
  if (!request) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await settleRequest(trx, requestId, decision === 'accept' ? 'accepted' : 'declined', user.id, now))) {
      throw new AppError('conflict', 'errors.join_request_decided');
    }
    if (decision === 'accept') await insertMembership(trx, spaceId, request.user_id, 'member', now);
    const language = request.language as Language;
    const kind = decision === 'accept' ? 'join_accepted' : 'join_declined';
    await deps.mailer.enqueue(trx, {
      to: [request.email],
      subject: translate(language, `mail.${kind}.subject`, { space: space.name }),
      text: `${translate(language, `mail.${kind}.text`, { name: request.name, space: space.name, link: `${ctx.origin}/spaces/${spaceId}` })}\n\n${translate(language, 'mail.signature')}`,
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: decision === 'accept' ? 'join_request.accept' : 'join_request.decline',
      resourceType: 'space',
      resourceId: spaceId,
      details: { requestId, userId: request.user_id },
    });
  });
  void deps.mailer.deliverPending();
  return present((await findJoinRequest(deps.db, spaceId, requestId))!);
}
