import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { DuplicateCandidate, OrganisationPage } from '@samhandling/contracts';

export const actorKeys = {
  organisations: (filter: object) => ['organisations', filter] as const,
  organisation: (id: string) => ['organisation', id] as const,
  collaborations: (filter: object) => ['collaborations', filter] as const,
  spaceOrganisations: (spaceId: string) => ['space-organisations', spaceId] as const,
  representatives: (id: string) => ['organisation', id, 'representatives'] as const,
  organisationSuggestions: (id: string) => ['organisation', id, 'suggestions'] as const,
};

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: actorKeys.organisation(id),
    queryFn: () => api.getOrganisation({ params: { id } }),
    retry: false,
    enabled: id !== '',
  });
}

export function useSpaceOrganisations(spaceId: string) {
  return useQuery({
    queryKey: actorKeys.spaceOrganisations(spaceId),
    queryFn: () => api.listSpaceOrganisations({ params: { id: spaceId } }),
  });
}
