import { z } from 'zod';
import { line } from './common.ts';

/** Who may read a post: anyone (on the public news pages and the Atom feed) or the space's members. */
export const postVisibility = z.enum(['public', 'members']);
export type PostVisibility = z.infer<typeof postVisibility>;

export const postAction = z.enum(['update', 'delete', 'email_followers']);
export type PostAction = z.infer<typeof postAction>;

/**
 * A post's text: plain paragraphs separated by a blank line; a line starting with "- " is a list
 * item and an http(s) address becomes a link. The web renders it as text, never as HTML.
 */
const postBody = z.string().trim().min(1).max(20_000);

export const postInput = z.strictObject({
  title: line().min(1).max(200),
  body: postBody,
  visibility: postVisibility.default('public'),
  pinned: z.boolean().default(false),
});

export const postPatch = z.strictObject({
  title: line().min(1).max(200).optional(),
  body: postBody.optional(),
  visibility: postVisibility.optional(),
  pinned: z.boolean().optional(),
});

/** An image of a post: resized and stripped of EXIF on upload; `alt` is required. */
export const postImage = z.object({
  id: z.string(),
  alt: z.string(),
  width: z.number(),
  height: z.number(),
  url: z.string(),
});
export type PostImage = z.infer<typeof postImage>;

/** At most this many bytes per uploaded image (before resizing). */
export const MAX_POST_IMAGE_BYTES = 10 * 1024 * 1024;

export const post = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  body: z.string(),
  visibility: postVisibility,
  pinned: z.boolean(),
  authorName: z.string().nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  /** When the post was e-mailed to the space's followers (null: not yet). */
  emailedAt: z.string().nullable(),
  images: z.array(postImage),
  allowedActions: z.array(postAction),
});
export type Post = z.infer<typeof post>;

export const newsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });

/** What e-mailing a post did: how many followers got it now and how many will see it in a digest. */
export const postEmailResult = z.object({ mailed: z.number(), digested: z.number() });
