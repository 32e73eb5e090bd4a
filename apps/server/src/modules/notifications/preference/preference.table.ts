import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export type NotificationModeValue = 'immediate' | 'daily' | 'weekly' | 'none';

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  mode: NotificationModeValue;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  space_id: string | null;
  title: string;
  link: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}
