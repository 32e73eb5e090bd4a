import type { Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/hooks.ts';
import { SpaceForm, type SpaceFormValues } from './SpaceForm.tsx';

export function EditSpace({ space, onDone }: { space: Space; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const first = useRef<HTMLDivElement>(null);
  // Opening the form moves focus to its first field.
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (values: SpaceFormValues) => api.patchSpace({ params: { id: space.id }, body: values }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.space(space.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      onDone(t('space.savedDone'));
    },
  });
  return (
    <div ref={first}>
      <SpaceForm
        initial={{
          name: space.name,
          description: space.description,
          kind: space.kind,
          visibility: space.visibility,
          joinPolicy: space.joinPolicy,
          municipalityCodes: space.municipalityCodes,
          goals: space.goals,
          targets: space.targets,
        }}
        onSubmit={(values) => save.mutate(values)}
        error={save.error}
        pending={save.isPending}
        submitLabel={t('space.save')}
      />
    </div>
  );
}
