// Column types shared by the table files (`<entity>.table.ts`); db/schema.ts merges the tables into one Database.
import type { ColumnType } from 'kysely';

export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T> = ColumnType<T, string, string>;

/** How a consent was withdrawn (0010_gdpr_privacy); the withdrawal columns sit beside each consent. */
export type WithdrawalMethod = 'link' | 'leader' | 'self' | 'account_deletion';

/** An uploaded file's columns (platform/stored-files.ts): event documents, initiative documents, library files, protocol extracts. */
export interface StoredFileColumns {
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}
