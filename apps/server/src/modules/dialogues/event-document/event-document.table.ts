import type { Generated } from 'kysely';
import type { CreatedAt } from '../../../db/column-types.ts';

export interface EventDocumentsTable {
  id: Generated<string>;
  event_id: string;
  kind: 'minutes' | 'presentation' | 'document';
  title: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}
