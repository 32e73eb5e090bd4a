import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/column-types.ts';

export interface OutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  recipients: Json<string[]>;
  subject: string;
  text: string;
  attachments: Json<{ filename: string; contentType: string; content: string }[]>;
  status: 'queued' | 'sent' | 'failed' | 'stored';
  attempts: Generated<number>;
  sent_at: NullableTimestamp;
  error: string | null;
  purged_at: NullableTimestamp;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
}

export interface MailSuppressionsTable {
  email: string;
  created_at: Timestamp;
}
