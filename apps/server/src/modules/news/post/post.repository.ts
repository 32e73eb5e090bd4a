import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

const columns = [
  'news_posts.id',
  'news_posts.space_id',
  'spaces.name as space_name',
  'news_posts.title',
  'news_posts.body',
  'news_posts.visibility',
  'news_posts.pinned',
  'users.name as author_name',
  'users.deleted_at as author_deleted_at',
  'news_posts.published_at',
  'news_posts.updated_at',
  'news_posts.emailed_at',
] as const;

function base(db: Kysely<Database>) {
  return db.selectFrom('news_posts').innerJoin('spaces', 'spaces.id', 'news_posts.space_id').leftJoin('users', 'users.id', 'news_posts.author_id').select(columns);
}

export type PostRow = Awaited<ReturnType<typeof findPost>> & {};

export function findPost(db: Kysely<Database>, id: string) {
  return base(db).where('news_posts.id', '=', id).executeTakeFirst();
}

/** A space's posts, pinned first then newest; members-only ones only when asked. */
export function listSpacePosts(db: Kysely<Database>, spaceId: string, options: { includeMembersOnly: boolean; limit: number }) {
  let query = base(db).where('news_posts.space_id', '=', spaceId);
  if (!options.includeMembersOnly) query = query.where('news_posts.visibility', '=', 'public');
  return query.orderBy('news_posts.pinned', 'desc').orderBy('news_posts.published_at', 'desc').orderBy('news_posts.id').limit(options.limit).execute();
}

/** The combined news: public posts of public spaces, and every post of the spaces the user belongs to. */
export function listNews(db: Kysely<Database>, userId: string | null, limit: number) {
  return base(db)
    .where('spaces.archived_at', 'is', null)
    .where((eb) => {
      const open = eb.and([eb('spaces.visibility', '=', 'public'), eb('news_posts.visibility', '=', 'public')]);
      if (!userId) return open;
      return eb.or([open, eb('news_posts.space_id', 'in', eb.selectFrom('memberships').select('space_id').where('user_id', '=', userId))]);
    })
    .orderBy('news_posts.published_at', 'desc')
    .orderBy('news_posts.id')
    .limit(limit)
    .execute();
}

export async function insertPost(
  db: Kysely<Database>,
  values: { space_id: string; title: string; body: string; visibility: 'public' | 'members'; pinned: boolean; author_id: string | null; published_at: Date; updated_at: Date },
): Promise<string> {
  const { id } = await db.insertInto('news_posts').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePost(db: Kysely<Database>, id: string, values: Partial<{ title: string; body: string; visibility: 'public' | 'members'; pinned: boolean; updated_at: Date; emailed_at: Date }>): Promise<void> {
  await db.updateTable('news_posts').set(values).where('id', '=', id).execute();
}

/** Marks the post e-mailed unless it already was; answers whether this call did (so it is mailed once). */
export async function claimEmailing(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const rows = await db.updateTable('news_posts').set({ emailed_at: now }).where('id', '=', id).where('emailed_at', 'is', null).returning('id').execute();
  return rows.length === 1;
}

export async function deletePostRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('news_posts').where('id', '=', id).execute();
}

// --- people's data: what a person wrote ---
export function postsByAuthor(db: Kysely<Database>, userId: string) {
  return db.selectFrom('news_posts').select(['id', 'space_id', 'title', 'body', 'published_at']).where('author_id', '=', userId).orderBy('published_at').execute();
}

// --- images ---
export function imagesOf(db: Kysely<Database>, postIds: string[]) {
  if (!postIds.length) return Promise.resolve([]);
  return db.selectFrom('news_post_images').selectAll().where('post_id', 'in', postIds).orderBy('position').orderBy('created_at').execute();
}

export type PostImageRow = Awaited<ReturnType<typeof imagesOf>>[number];

export function findImage(db: Kysely<Database>, postId: string, imageId: string) {
  return db.selectFrom('news_post_images').selectAll().where('post_id', '=', postId).where('id', '=', imageId).executeTakeFirst();
}

export async function insertImage(
  db: Kysely<Database>,
  values: { post_id: string; alt: string; stored_name: string; content_type: 'image/jpeg' | 'image/png'; width: number; height: number; size: number; created_at: Date },
): Promise<string> {
  const { count } = await db.selectFrom('news_post_images').select((eb) => eb.fn.countAll<string>().as('count')).where('post_id', '=', values.post_id).executeTakeFirstOrThrow();
  const { id } = await db.insertInto('news_post_images').values({ ...values, position: Number(count) }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteImageRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('news_post_images').where('id', '=', id).execute();
}

export function storedNamesOfPost(db: Kysely<Database>, postId: string) {
  return db.selectFrom('news_post_images').select('stored_name').where('post_id', '=', postId).execute();
}

/** The members of a space (who may read its members-only posts). */
export async function memberIdsOf(db: Kysely<Database>, spaceId: string): Promise<string[]> {
  return (await db.selectFrom('memberships').select('user_id').where('space_id', '=', spaceId).execute()).map((m) => m.user_id);
}
