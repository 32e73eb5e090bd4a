import type { Input, InputDetail } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorSummary, fieldError, SelectField, TextAreaField } from '../../../components/fields.tsx';
import { inputKeys } from './api.ts';
import { label, NEXT_STATUSES, SETTABLE_STATUSES } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';

/**
 * Moves an input on: the next status, a reason that everyone will see on its timeline (required
 * when declining), and when planned, the measure of one of the space's action plans that answers it.
 */
export function StatusForm({ input, onChanged, compact = false }: { input: Input; onChanged?: (changed: InputDetail) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scope = `status-${input.id}`;
  const next = NEXT_STATUSES[input.status] ?? [];
  const [status, setStatus] = useState<string>(next[0] ?? '');
  const [reason, setReason] = useState('');
  const [measureId, setMeasureId] = useState('');
  const measures = useQuery({ queryKey: ['measures', 'space', input.spaceId], queryFn: () => api.getSpaceMeasures({ params: { id: input.spaceId } }), enabled: status === 'planned' });
  const change = useMutation({
    mutationFn: () =>
      api.patchInput({ params: { id: input.id }, body: {
          status: pick(SETTABLE_STATUSES, status),
          ...(reason.trim() ? { reason } : {}),
          ...(status === 'planned' && measureId ? { measureId } : {}),
        } }),
    onSuccess: async (changed) => {
      setReason('');
      setMeasureId('');
      setStatus(NEXT_STATUSES[changed.status]?.[0] ?? '');
      queryClient.setQueryData(inputKeys.detail(changed.id), changed);
      await queryClient.invalidateQueries({ queryKey: ['inputs', 'list'] });
      onChanged?.(changed);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  if (next.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate className={compact ? 'triage-form' : undefined} data-testid="status-form" aria-label={t('inputs.change.formLabel', { number: input.number })}>
      {!compact && <ErrorSummary error={change.error} labels={{ status: t('inputs.fields.status'), reason: t('inputs.fields.reason'), measureId: t('inputs.fields.plannedRef') }} scope={scope} />}
      <SelectField
        scope={scope}
        name="status"
        label={t('inputs.change.newStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        error={fieldError(change.error, 'status')}
        options={next.map((s) => ({ value: s, label: label(t, 'status', s) }))}
      />
      <TextAreaField
        scope={scope}
        name="reason"
        label={t('inputs.fields.reason')}
        hint={status === 'declined' ? t('inputs.change.reasonRequiredHint') : t('inputs.change.reasonHint')}
        required={status === 'declined'}
        rows={compact ? 2 : 3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(change.error, 'reason')}
      />
      {status === 'planned' && (
        <SelectField
          scope={scope}
          name="measureId"
          label={t('inputs.fields.plannedRef')}
          hint={measures.data && measures.data.length === 0 ? t('actionPlans.inputs.noMeasures') : t('actionPlans.inputs.measureHint')}
          required
          value={measureId}
          onChange={(e) => setMeasureId(e.target.value)}
          error={fieldError(change.error, 'measureId')}
          options={[
            { value: '', label: t('actionPlans.inputs.chooseMeasure') },
            ...(measures.data ?? []).map((m) => ({ value: m.id, label: m.actionPlanTitle ? `${m.actionPlanTitle}: ${m.title}` : m.title })),
          ]}
        />
      )}
      {compact && change.isError && (
        <p className="field__error" role="alert">
          {fieldError(change.error, 'reason') ?? fieldError(change.error, 'status') ?? fieldError(change.error, 'measureId') ?? (change.error as Error).message}
        </p>
      )}
      <div className="form-row__submit">
        <button type="submit" className="button" disabled={change.isPending}>
          {t('inputs.change.save')}
        </button>
      </div>
    </form>
  );
}
