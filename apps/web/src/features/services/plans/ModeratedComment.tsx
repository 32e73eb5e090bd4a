import type { PlanComment, ServicePlan } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../api/format.ts';
import { ErrorSummary, TextAreaField } from '../../../components/fields.tsx';
import { planKeys } from './api.ts';

export function ModeratedComment({ plan, comment }: { plan: ServicePlan; comment: PlanComment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [response, setResponse] = useState(comment.response ?? '');
  const moderate = useMutation({
    mutationFn: (status: 'published' | 'rejected') => api.moderatePlanComment({ params: { id: plan.id, commentId: comment.id }, body: { status, response: response.trim() || null } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.comments(plan.id) }),
  });
  return (
    <li className="card plan-comment" data-testid="moderated-comment">
      <p className="muted">
        {formatDateTime(comment.createdAt)} · {comment.authorName ?? t('servicePlans.consultation.anonymous')}
        {comment.localityName && `, ${comment.localityName}`} · <strong>{t(`servicePlans.commentStatus.${comment.status}`)}</strong>
      </p>
      <p>{comment.body}</p>
      <ErrorSummary error={moderate.error} scope={`comment-${comment.id}`} />
      <TextAreaField scope={`comment-${comment.id}`} name="response" label={t('servicePlans.moderation.response')} rows={2} value={response} onChange={(e) => setResponse(e.target.value)} />
      <div className="button-group">
        <button type="button" className="button button--small" disabled={moderate.isPending} onClick={() => moderate.mutate('published')}>
          {t('servicePlans.moderation.publish')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={moderate.isPending} onClick={() => moderate.mutate('rejected')}>
          {t('servicePlans.moderation.reject')}
        </button>
      </div>
    </li>
  );
}
