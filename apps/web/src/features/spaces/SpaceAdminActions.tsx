import type { Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/hooks.ts';
import { QueryError } from '../../components/fields.tsx';

export function SpaceAdminActions({
  space,
  editing,
  setEditing,
  onSaved,
}: {
  space: Space;
  editing: boolean;
  setEditing: (v: boolean) => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.patchSpace({ params: { id: space.id }, body: { archived } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.space(space.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      onSaved(updated.archived ? t('space.archivedDone') : t('space.restoredDone'));
    },
  });
  return (
    <div className="actions">
      {space.allowedActions.includes('update') && (
        <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('space.cancelEdit') : t('space.edit')}
        </button>
      )}
      {space.allowedActions.includes('archive') && (
        <button
          type="button"
          className="button button--warning"
          disabled={archive.isPending}
          onClick={() => {
            if (window.confirm(t('space.archiveConfirm', { name: space.name }))) archive.mutate(true);
          }}
        >
          {t('space.archive')}
        </button>
      )}
      {space.allowedActions.includes('restore') && (
        <button type="button" className="button button--secondary" disabled={archive.isPending} onClick={() => archive.mutate(false)}>
          {t('space.restore')}
        </button>
      )}
      {archive.isError && <QueryError error={archive.error} />}
    </div>
  );
}
