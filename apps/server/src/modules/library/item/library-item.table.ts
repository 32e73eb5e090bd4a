import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Json, StoredFileColumns, Timestamp } from '../../../db/column-types.ts';

export type LibraryKindValue = 'method' | 'material' | 'good_example' | 'report' | 'template';

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** A knowledge library item: method, material, good example, report or template. */
export interface LibraryItemsTable {
  id: Generated<string>;
  space_id: string;
  visibility: 'public' | 'members';
  kind: LibraryKindValue;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  links: Json<{ title: string; url: string }[]>;
  themes: TextArray;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: TextArray;
  sectors: TextArray;
  municipality_code: string | null;
  county_code: string | null;
  organisation_id: string | null;
  licence: Generated<string>;
  language: Generated<string>;
  /** A date (yyyy-mm-dd) as text: read with to_char. */
  published_on: ColumnType<string | null, string | null, string | null>;
  version: Generated<number>;
  /** Generated from title (A), summary (B) and body (C) with the Swedish text search configuration. */
  search: ColumnType<string, never, never>;
  /** Generated: the goals the item covers, those named and those of its targets, ascending (migration 0024). */
  goal_set: ColumnType<number[], never, never>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type LibraryItemRow = Selectable<LibraryItemsTable>;

export interface LibraryItemVersionsTable {
  item_id: string;
  version: number;
  content: Json<Record<string, unknown>>;
  saved_by: string | null;
  saved_at: CreatedAt;
}

export interface LibraryFilesTable extends StoredFileColumns {
  id: Generated<string>;
  item_id: string;
  title: string;
}

/** Where an item is used: target_kind 'event', 'measure' or 'initiative' (LINKABLE in library-item.service.ts). */
export interface LibraryLinksTable {
  item_id: string;
  target_kind: string;
  target_id: string;
  created_by: string | null;
  created_at: CreatedAt;
}
