import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const eventKeys = {
  list: (spaceId: string, when: string) => ['events', spaceId, when] as const,
  one: (id: string) => ['event', id] as const,
  registrations: (id: string) => ['event-registrations', id] as const,
  statistics: (id: string) => ['event-statistics', id] as const,
  documents: (id: string) => ['event-documents', id] as const,
};

export function useSpaceEvents(spaceId: string, when: 'upcoming' | 'past' | 'all') {
  return useQuery({
    queryKey: eventKeys.list(spaceId, when),
    queryFn: () => api.getSpaceEvents({ params: { id: spaceId }, query: { when } }),
  });
}

export function useEvent(id: string) {
  // The editor of a new event has no id yet: nothing to ask for.
  return useQuery({ queryKey: eventKeys.one(id), queryFn: () => api.getEvent({ params: { id } }), retry: false, enabled: id !== '' });
}

export function useRegistrations(id: string, enabled = true) {
  return useQuery({
    queryKey: eventKeys.registrations(id),
    queryFn: () => api.getEventRegistrations({ params: { id } }),
    enabled,
  });
}

export function useStatistics(id: string) {
  return useQuery({
    queryKey: eventKeys.statistics(id),
    queryFn: () => api.getEventStatistics({ params: { id } }),
  });
}

export function useDocuments(id: string) {
  return useQuery({
    queryKey: eventKeys.documents(id),
    queryFn: () => api.getEventDocuments({ params: { id } }),
  });
}
