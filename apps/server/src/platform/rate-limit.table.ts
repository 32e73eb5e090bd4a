import type { Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

// Rate limits shared by all app instances (platform/rate-limit.ts).
export interface RateLimitHitsTable {
  id: Generated<number>;
  bucket: string;
  key: string;
  at: Timestamp;
}
