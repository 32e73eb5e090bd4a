import type { ServicePlan } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { planKeys } from './api.ts';

export function usePlanSaver(plan: ServicePlan, onSaved: (message: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) => api.patchPlan({ params: { id: plan.id }, body: patch }),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.plan(plan.id), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.list(plan.spaceId) });
      onSaved(t('servicePlans.editor.saved'));
    },
  });
}
