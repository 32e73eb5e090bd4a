import type { ScenarioInput } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const analysisKeys = {
  population: (spaceId: string) => ['population', spaceId] as const,
  networks: (spaceId: string) => ['road-networks', spaceId] as const,
  list: (spaceId: string) => ['analyses', spaceId] as const,
  one: (id: string) => ['analysis', id] as const,
  origins: (id: string) => ['analysis', id, 'origins'] as const,
  scenarios: (id: string) => ['analysis', id, 'scenarios'] as const,
};

const running = (status: string | undefined) => status === 'queued' || status === 'running';

export function usePopulationSets(spaceId: string) {
  return useQuery({ queryKey: analysisKeys.population(spaceId), queryFn: () => api.getPopulationSets({ params: { id: spaceId } }) });
}

/** Road networks; polled while one is being built. */
export function useRoadNetworks(spaceId: string) {
  return useQuery({
    queryKey: analysisKeys.networks(spaceId),
    queryFn: () => api.getRoadNetworks({ params: { id: spaceId } }),
    refetchInterval: (q) => (q.state.data?.some((n) => running(n.status)) ? 1000 : false),
  });
}

export function useAnalyses(spaceId: string) {
  return useQuery({
    queryKey: analysisKeys.list(spaceId),
    queryFn: () => api.getAnalyses({ params: { id: spaceId } }),
    refetchInterval: (q) => (q.state.data?.some((a) => running(a.status)) ? 1500 : false),
  });
}

/** One analysis; polled a few times a second while it runs, so the progress bar moves. */
export function useAnalysis(id: string) {
  return useQuery({
    queryKey: analysisKeys.one(id),
    queryFn: () => api.getAnalysis({ params: { id } }),
    refetchInterval: (q) => (running(q.state.data?.status) ? 400 : false),
  });
}

export function useAnalysisOrigins(id: string, enabled: boolean) {
  return useQuery({ queryKey: analysisKeys.origins(id), queryFn: () => api.getAnalysisOrigins({ params: { id } }), enabled, staleTime: Infinity });
}

export function useSavedScenarios(id: string, enabled: boolean) {
  return useQuery({ queryKey: analysisKeys.scenarios(id), queryFn: () => api.getScenarios({ params: { id } }), enabled });
}

export function runScenario(analysisId: string, input: ScenarioInput, signal?: AbortSignal) {
  return api.runScenario({ params: { id: analysisId }, body: input, ...(signal ? { signal } : {}) });
}
