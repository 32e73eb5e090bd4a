import type { Municipality } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export const keys = {
  me: ['me'] as const,
  settings: ['settings'] as const,
  counties: ['counties'] as const,
  municipalities: ['municipalities'] as const,
  spaces: (filter: string) => ['spaces', filter] as const,
  space: (id: string) => ['space', id] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: () => api.getMe().then((r) => r.user),
    staleTime: 60_000,
  });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.getSettings(), staleTime: Infinity });
}

export function useCounties() {
  return useQuery({ queryKey: keys.counties, queryFn: () => api.getCounties(), staleTime: Infinity });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: keys.municipalities,
    queryFn: () => api.getMunicipalities(),
    staleTime: Infinity,
  });
}

/** Code → municipality, for naming the codes a space carries. */
export function useMunicipalityIndex(): Map<string, Municipality> {
  const { data } = useMunicipalities();
  const index = new Map<string, Municipality>();
  for (const m of data ?? []) index.set(m.code, m);
  return index;
}

export function useSpace(id: string) {
  // Pages that learn the space from another resource pass '' until it has come.
  return useQuery({ queryKey: keys.space(id), queryFn: () => api.getSpace({ params: { id } }), retry: false, enabled: id !== '' });
}
