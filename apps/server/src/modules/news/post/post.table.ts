import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface NewsPostsTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  body: string;
  visibility: 'public' | 'members';
  pinned: Generated<boolean>;
  author_id: string | null;
  published_at: Timestamp;
  updated_at: Timestamp;
  emailed_at: NullableTimestamp;
}

export interface NewsPostImagesTable {
  id: Generated<string>;
  post_id: string;
  position: number;
  alt: string;
  stored_name: string;
  content_type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  size: number;
  created_at: Timestamp;
}
