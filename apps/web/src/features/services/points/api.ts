import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const servicePointKeys = {
  list: (spaceId: string) => ['service-points', spaceId] as const,
  point: (id: string) => ['service-point', id] as const,
  history: (id: string) => ['service-point-history', id] as const,
  suggestions: (id: string) => ['service-point-suggestions', id] as const,
  spaceSuggestions: (spaceId: string) => ['space-service-point-suggestions', spaceId] as const,
};

export function useServicePoints(spaceId: string, enabled = true) {
  return useQuery({
    queryKey: servicePointKeys.list(spaceId),
    queryFn: () => api.getServicePoints({ params: { id: spaceId }, query: { limit: 5000 } }),
    enabled,
    retry: false,
  });
}

export function useServicePoint(id: string) {
  return useQuery({ queryKey: servicePointKeys.point(id), queryFn: () => api.getServicePoint({ params: { id } }), retry: false });
}

export function useServicePointHistory(id: string) {
  return useQuery({ queryKey: servicePointKeys.history(id), queryFn: () => api.getServicePointHistory({ params: { id } }) });
}

export function usePointSuggestions(id: string, enabled: boolean) {
  return useQuery({ queryKey: servicePointKeys.suggestions(id), queryFn: () => api.getPointSuggestions({ params: { id } }), enabled });
}

export function useSpaceSuggestions(spaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: servicePointKeys.spaceSuggestions(spaceId),
    queryFn: () => api.getSpaceSuggestions({ params: { id: spaceId }, query: { status: 'pending' } }),
    enabled,
  });
}
