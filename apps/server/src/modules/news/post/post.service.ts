import type { Post, postInput, postPatch } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import { actorId, anonymous, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { followersOfTarget } from '../../notifications/follow/follow.service.ts';
import { notifyUsers } from '../../notifications/preference/preference.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canSeeMembersOnlyPosts, canViewPost, canWritePosts, postActions } from './post.policy.ts';
import { presentPost } from './post.presenter.ts';
import { claimEmailing, deletePostRow, findPost, insertPost, listNews, listSpacePosts, updatePost, type PostRow } from './post.repository.ts';
import { atomFeed } from './post-feed.ts';

const present = (row: PostRow, actor: Actor, access: SpaceAccess | null, language: Language) =>
  presentPost(row, access ? postActions(actor, access, row) : [], translate(language, 'privacy.deleted_user'));

async function loadPost(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findPost(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewPost(ctx.actor, access, row)) throw notFound();
  return { row, access };
}

export async function getSpacePosts(deps: Deps, ctx: RequestContext, spaceId: string, limit: number): Promise<Post[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await listSpacePosts(deps.db, spaceId, { includeMembersOnly: canSeeMembersOnlyPosts(ctx.actor, access), limit });
  return rows.map((row) => present(row, ctx.actor, access, ctx.language));
}

/** The combined news page: newest first across every space the caller may read. */
export async function getNews(deps: Deps, ctx: RequestContext, limit: number): Promise<Post[]> {
  const rows = await listNews(deps.db, actorId(ctx.actor), limit);
  return rows.map((row) => present(row, ctx.actor, null, ctx.language));
}

export async function getPost(deps: Deps, ctx: RequestContext, id: string): Promise<Post> {
  const { row, access } = await loadPost(deps, ctx, id);
  return present(row, ctx.actor, access, ctx.language);
}

export async function createPost(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof postInput>): Promise<Post> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  const id = await deps.db.transaction().execute((trx) => publishPost(trx, deps.clock, ctx, spaceId, input, deps.clock.now()));
  return getPost(deps, ctx, id);
}

/**
 * Stores and audits a post inside the caller's transaction; the caller has authorized it
 * (createPost, or the demo seed, which publishes with earlier dates).
 */
export async function publishPost(
  trx: Kysely<Database>,
  clock: Clock,
  ctx: { actor: Actor; requestId: string | null },
  spaceId: string,
  input: z.output<typeof postInput>,
  publishedAt: Date,
): Promise<string> {
  const id = await insertPost(trx, { space_id: spaceId, title: input.title, body: input.body, visibility: input.visibility, pinned: input.pinned, author_id: actorId(ctx.actor), published_at: publishedAt, updated_at: publishedAt });
  await recordAudit(trx, clock, ctx, { action: 'post.create', resourceType: 'news_post', resourceId: id, details: { spaceId, visibility: input.visibility, pinned: input.pinned } });
  return id;
}

export async function patchPost(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof postPatch>): Promise<Post> {
  const { access } = await loadPost(deps, ctx, id);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await updatePost(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
      updated_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'post.update', resourceType: 'news_post', resourceId: id, details: { fields: Object.keys(input) } });
  });
  return getPost(deps, ctx, id);
}

export async function deletePost(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const { row, access } = await loadPost(deps, ctx, id);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await deletePostRow(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'post.delete', resourceType: 'news_post', resourceId: id, details: { spaceId: row.space_id } });
  });
}

export const postLink = (origin: string, id: string) => `${origin}/news/${id}`;

/**
 * E-mails the post to the space's followers, once: followers with an account as they chose for
 * news (now, in their digest, or not), confirmed e-mail followers at once with a link that ends
 * their follow. A members-only post goes only to followers who are members.
 */
export async function emailPost(deps: Deps, ctx: RequestContext, id: string): Promise<{ mailed: number; digested: number }> {
  const { row, access } = await loadPost(deps, ctx, id);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await claimEmailing(trx, id, deps.clock.now()))) return { mailed: 0, digested: 0 };
    const followers = await followersOfTarget(trx, 'space', row.space_id);
    // Who may read it: for a members-only post (or space), only members.
    const openToAll = row.visibility === 'public' && access.visibility === 'public';
    const memberIds = openToAll ? null : new Set((await trx.selectFrom('memberships').select('user_id').where('space_id', '=', row.space_id).execute()).map((m) => m.user_id));
    const userIds = memberIds ? followers.userIds.filter((u) => memberIds.has(u)) : followers.userIds;
    const link = postLink(ctx.origin, id);
    const subject = (language: Language) => translate(language, 'mail.news.subject', { space: row.space_name, title: row.title });
    const text = (language: Language) => translate(language, 'mail.news.text', { space: row.space_name, title: row.title, body: row.body, link });
    const counts = await notifyUsers(deps, trx, userIds, { kind: 'news', spaceId: row.space_id, title: row.title, link, subject, text });
    let mailed = counts.mailed;
    if (openToAll) {
      for (const follower of followers.emails) {
        await deps.mailer.enqueue(trx, {
          to: [follower.email],
          subject: subject(follower.language),
          text: `${text(follower.language)}\n\n${translate(follower.language, 'mail.signature')}`,
          unsubscribe: { s: 'follow', id: follower.followId },
          language: follower.language,
        });
        mailed += 1;
      }
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'post.email', resourceType: 'news_post', resourceId: id, details: { mailed, digested: counts.digested } });
    return { mailed, digested: counts.digested };
  });
  void deps.mailer.deliverPending();
  return result;
}

/** The space's public posts as an Atom feed (members-only posts never appear; a members-only space answers 404 to outsiders). */
export async function getSpaceFeed(deps: Deps, ctx: RequestContext, spaceId: string): Promise<string> {
  // The feed is public: readers fetch it without signing in, so a members-only space has none.
  const { row: space } = await loadSpaceAccess(deps, anonymous, spaceId);
  const rows = await listSpacePosts(deps.db, spaceId, { includeMembersOnly: false, limit: 50 });
  return atomFeed({ origin: ctx.origin, space: { id: space.id, name: space.name }, language: ctx.language, posts: rows, updatedFallback: deps.clock.now() });
}
