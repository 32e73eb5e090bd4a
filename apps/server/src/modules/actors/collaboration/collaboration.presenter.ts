import type { Collaboration, CollaborationAction, NetworkEdge } from '@samhandling/contracts';
import type { CollaborationRow } from './collaboration.repository.ts';

export function presentCollaboration(row: CollaborationRow, allowedActions: CollaborationAction[]): Collaboration {
  return {
    id: row.id,
    organisationIds: [row.org_a, row.org_b],
    organisationNames: [row.name_a, row.name_b],
    type: row.type as Collaboration['type'],
    level: row.level as Collaboration['level'],
    startDate: row.start_date,
    endDate: row.end_date,
    description: row.description,
    frequency: row.frequency as Collaboration['frequency'],
    source: row.source,
    confirmedByBoth: row.confirmed_a && row.confirmed_b,
    exampleData: row.example_data,
    spaceId: row.space_id,
    derivedFrom: row.derived_kind && row.derived_id ? { kind: row.derived_kind, id: row.derived_id } : null,
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}

export function presentEdge(row: CollaborationRow): NetworkEdge {
  return {
    id: row.id,
    source: row.org_a,
    target: row.org_b,
    type: row.type as NetworkEdge['type'],
    origin: row.source,
    frequency: row.frequency as NetworkEdge['frequency'],
    exampleData: row.example_data,
    spaceId: row.space_id,
    description: row.description,
    derivedFrom: row.derived_kind && row.derived_id ? { kind: row.derived_kind, id: row.derived_id } : null,
  };
}
