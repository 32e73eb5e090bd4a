import type { Post, PostAction } from '@samhandling/contracts';
import type { PostImageRow, PostRow } from './post.repository.ts';

export function presentPost(row: PostRow, images: PostImageRow[], allowedActions: PostAction[], deletedUserLabel: string): Post {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    title: row.title,
    body: row.body,
    visibility: row.visibility,
    pinned: row.pinned,
    authorName: row.author_deleted_at ? deletedUserLabel : (row.author_name ?? null),
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    emailedAt: row.emailed_at?.toISOString() ?? null,
    images: images.map((i) => ({ id: i.id, alt: i.alt, width: i.width, height: i.height, url: `/api/posts/${row.id}/images/${i.id}` })),
    allowedActions,
  };
}
