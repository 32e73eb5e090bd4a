import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const templateKeys = {
  list: (spaceId: string) => ['process-templates', spaceId] as const,
  one: (id: string) => ['process-template', id] as const,
};

/** One template, for its page and its editor (a missing one is not retried: it answers 404). */
export function useTemplate(id: string) {
  return useQuery({ queryKey: templateKeys.one(id), queryFn: () => api.getProcessTemplate({ params: { id } }), retry: false });
}
