import { valuesOf } from '@samhandling/contracts';

export const allianceKeys = {
  ofSpace: (spaceId: string) => ['alliances', 'space', spaceId] as const,
  one: (id: string) => ['alliance', id] as const,
  initiatives: (id: string) => ['alliance', id, 'initiatives'] as const,
  initiative: (id: string) => ['initiative', id] as const,
  calls: (id: string) => ['initiative', id, 'volunteer-calls'] as const,
  signups: (callId: string) => ['volunteer-call', callId, 'signups'] as const,
  directory: (kind: string, filter: Record<string, string>) => ['directory', kind, filter] as const,
};

export const INITIATIVE_STATUSES = valuesOf('initiativeStatus');
export const SECTORS = valuesOf('sector');

