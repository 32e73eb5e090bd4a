import type { Input, InputDetail } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const inputKeys = {
  all: ['inputs'] as const,
  list: (spaceId: string, filter: object) => ['inputs', 'list', spaceId, filter] as const,
  detail: (id: string) => ['inputs', 'detail', id] as const,
  goals: ['agenda2030-goals'] as const,
};

/** The filters that live in the address of the list and the triage view. */
export const FILTER_KEYS = ['status', 'kind', 'theme', 'serviceType', 'municipality', 'goal', 'source', 'event', 'q'] as const;
export type InputFilter = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function useInputs(spaceId: string, filter: InputFilter & { includeHidden?: string; limit?: number; offset?: number }, enabled = true) {
  return useQuery({
    queryKey: inputKeys.list(spaceId, filter),
    queryFn: () => api.getSpaceInputs({ params: { id: spaceId }, query: { ...filter } }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useInput(id: string) {
  return useQuery({ queryKey: inputKeys.detail(id), queryFn: () => api.getInput({ params: { id } }), retry: false });
}

export function useGoals() {
  return useQuery({ queryKey: inputKeys.goals, queryFn: () => api.getGoals(), staleTime: Infinity });
}

export function exportUrl(spaceId: string, format: 'csv' | 'geojson', filter: InputFilter): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  return `/api/spaces/${encodeURIComponent(spaceId)}/inputs/export?${params.toString()}`;
}

export type { Input, InputDetail };
