import type { Generated } from 'kysely';
import type { StoredFileColumns } from '../../../db/column-types.ts';

export interface EventDocumentsTable extends StoredFileColumns {
  id: Generated<string>;
  event_id: string;
  kind: 'minutes' | 'presentation' | 'document';
  title: string;
}
