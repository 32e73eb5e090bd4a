import { goalsWithTargets, type LocalTarget } from '@samhandling/contracts';
import type { LocalTargetRow } from './local-target.table.ts';

export function presentLocalTarget(row: LocalTargetRow): LocalTarget {
  return {
    id: row.id,
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    title: row.title,
    description: row.description,
    targets: row.targets,
    goals: goalsWithTargets([], row.targets),
    indicator: row.indicator,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
