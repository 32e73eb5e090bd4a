import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const planKeys = {
  list: (spaceId: string) => ['service-plans', spaceId] as const,
  plan: (id: string) => ['service-plan', id] as const,
  comments: (id: string) => ['service-plan-comments', id] as const,
  document: (id: string, version: number | undefined) => ['service-plan-document', id, version ?? 'shown'] as const,
  programme: (county: string) => ['service-programme', county] as const,
  localities: (municipality: string) => ['localities', municipality] as const,
};

export function useSpacePlans(spaceId: string) {
  return useQuery({ queryKey: planKeys.list(spaceId), queryFn: () => api.listSpacePlans({ params: { id: spaceId } }) });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: () => api.getPlan({ params: { id } }), retry: false });
}

export function usePlanComments(id: string) {
  return useQuery({ queryKey: planKeys.comments(id), queryFn: () => api.getPlanComments({ params: { id } }) });
}

export function usePlanDocument(id: string, version: number | undefined) {
  return useQuery({
    queryKey: planKeys.document(id, version),
    queryFn: () => api.getServicePlanDocument({ params: { id }, query: { version } }),
    retry: false,
  });
}

export function useProgramme(county: string) {
  return useQuery({ queryKey: planKeys.programme(county), queryFn: () => api.getServiceProgramme({ params: { code: county } }), enabled: county !== '' });
}

export function useMunicipalityLocalities(municipality: string) {
  return useQuery({ queryKey: planKeys.localities(municipality), queryFn: () => api.getLocalities({ query: { municipality } }), staleTime: 60_000 });
}
