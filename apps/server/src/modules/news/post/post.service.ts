import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Post, postInput, postPatch } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import { actorId, anonymous, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { followersOfTarget } from '../../notifications/follow/follow.service.ts';
import { notifyUsers } from '../../notifications/preference/preference.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canSeeMembersOnlyPosts, canViewPost, canWritePosts, postActions } from './post.policy.ts';
import { presentPost } from './post.presenter.ts';
import { claimEmailing, deleteImageRow, memberIdsOf, deletePostRow, findImage, findPost, imagesOf, insertImage, insertPost, listNews, listSpacePosts, storedNamesOfPost, updatePost, type PostRow } from './post.repository.ts';
import { processImage } from './post-image.ts';
import { atomFeed } from './post-feed.ts';

async function presentAll(deps: Deps, rows: PostRow[], actor: Actor, access: SpaceAccess | null, language: Language): Promise<Post[]> {
  const images = await imagesOf(deps.db, rows.map((r) => r.id));
  const deleted = translate(language, 'privacy.deleted_user');
  return rows.map((row) => presentPost(row, images.filter((i) => i.post_id === row.id), access ? postActions(actor, access, row) : [], deleted));
}

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
  return presentAll(deps, rows, ctx.actor, access, ctx.language);
}

/** The combined news page: newest first across every space the caller may read. */
export async function getNews(deps: Deps, ctx: RequestContext, limit: number): Promise<Post[]> {
  const rows = await listNews(deps.db, actorId(ctx.actor), limit);
  return presentAll(deps, rows, ctx.actor, null, ctx.language);
}

export async function getPost(deps: Deps, ctx: RequestContext, id: string): Promise<Post> {
  const { row, access } = await loadPost(deps, ctx, id);
  return (await presentAll(deps, [row], ctx.actor, access, ctx.language))[0]!;
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
  const files = await storedNamesOfPost(deps.db, id);
  await deps.db.transaction().execute(async (trx) => {
    await deletePostRow(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'post.delete', resourceType: 'news_post', resourceId: id, details: { spaceId: row.space_id } });
  });
  await Promise.all(files.map((f) => rm(path.join(imagesDir(deps), f.stored_name), { force: true })));
}

export const imagesDir = (deps: Deps) => path.join(deps.config.dataDir, 'uploads', 'news');

/**
 * Adds an image to a post: alt text required, PNG or JPEG by content (415 otherwise), scaled to
 * at most 1600 px and re-encoded without EXIF, stored under a generated name. The file is read
 * only after the caller may edit the post.
 */
export async function uploadPostImage(deps: Deps, ctx: RequestContext, id: string, readFile: () => Promise<Upload>): Promise<Post> {
  const { access } = await loadPost(deps, ctx, id);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  const file = await readFile();
  const alt = (file.fields.alt ?? '').trim();
  if (!alt) throw invalid({ alt: 'validation.image_alt_required' });
  if (alt.length > 500) throw new AppError('invalid', 'errors.invalid', { alt: 'validation.too_long' }, { maximum: 500 });
  const image = await processImage(file.bytes);
  if (!image) throw new AppError('unsupported_media_type', 'errors.image_type', { file: 'errors.image_type' });
  const storedName = `${randomBytes(16).toString('hex')}.${image.ext}`;
  const dir = imagesDir(deps);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, storedName), image.bytes);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const imageId = await insertImage(trx, { post_id: id, alt, stored_name: storedName, content_type: image.contentType, width: image.width, height: image.height, size: image.bytes.length, created_at: deps.clock.now() });
      await recordAudit(trx, deps.clock, ctx, { action: 'post.image_add', resourceType: 'news_post', resourceId: id, details: { imageId, width: image.width, height: image.height } });
    });
  } catch (error) {
    await rm(path.join(dir, storedName), { force: true });
    throw error;
  }
  return getPost(deps, ctx, id);
}

/** An image, for whoever may read its post. */
export async function openPostImage(deps: Deps, ctx: RequestContext, id: string, imageId: string) {
  await loadPost(deps, ctx, id);
  const image = await findImage(deps.db, id, imageId);
  if (!image) throw notFound();
  return { image, bytes: await readFile(path.join(imagesDir(deps), image.stored_name)) };
}

export async function deletePostImage(deps: Deps, ctx: RequestContext, id: string, imageId: string): Promise<void> {
  const { access } = await loadPost(deps, ctx, id);
  if (!canWritePosts(ctx.actor, access)) throw forbidden();
  const image = await findImage(deps.db, id, imageId);
  if (!image) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await deleteImageRow(trx, imageId);
    await recordAudit(trx, deps.clock, ctx, { action: 'post.image_remove', resourceType: 'news_post', resourceId: id, details: { imageId } });
  });
  await rm(path.join(imagesDir(deps), image.stored_name), { force: true });
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
    const memberIds = openToAll ? null : new Set(await memberIdsOf(trx, row.space_id));
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
