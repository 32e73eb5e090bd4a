import type { Agreement, AgreementComment } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../api/format.ts';
import { ErrorSummary, fieldError, SelectField, TextAreaField } from '../../components/fields.tsx';

/** The remiss: parties comment per section, leaders answer; the log is kept and downloadable. */
export function CommentsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const canRead = agreement.allowedActions.some((a) => a === 'comment' || a === 'answer_comments') || agreement.status === 'remiss';
  const comments = useQuery({ queryKey: ['agreement-comments', agreement.id], queryFn: () => api.getAgreementComments({ params: { id: agreement.id } }), enabled: canRead, retry: false });
  if (!canRead || comments.isError) return null;
  return (
    <section className="section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('agreements.commentsHeading')}</h2>
      <p>
        <a href={`/api/agreements/${agreement.id}/comments.csv`} download>
          {t('agreements.commentsCsv')}
        </a>
      </p>
      {comments.data && comments.data.length === 0 && <p className="empty">{t('agreements.noComments')}</p>}
      <ul className="comments" data-testid="agreement-comments">
        {comments.data?.map((c) => <CommentItem key={c.id} comment={c} agreement={agreement} />)}
      </ul>
      {agreement.allowedActions.includes('comment') && <CommentForm agreement={agreement} />}
    </section>
  );
}

function CommentItem({ comment, agreement }: { comment: AgreementComment; agreement: Agreement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const save = useMutation({
    mutationFn: () => api.answerAgreementComment({ params: { id: comment.id }, body: { answer } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreement-comments', agreement.id] }),
  });
  return (
    <li className="card">
      <p className="muted small">
        {comment.organisationName} · {comment.authorName} · {formatDateTime(comment.createdAt)} · {t('agreements.versionTag', { number: comment.version })}
        {comment.sectionHeading ? ` · ${comment.sectionHeading}` : ''}
      </p>
      <p className="prewrap">{comment.body}</p>
      {comment.answer ? (
        <p className="prewrap">
          <strong>{t('agreements.answer')}:</strong> {comment.answer}
        </p>
      ) : (
        agreement.allowedActions.includes('answer_comments') && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <ErrorSummary error={save.error} scope={`answer-${comment.id}`} />
            <TextAreaField scope={`answer-${comment.id}`} name="answer" label={t('agreements.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} error={fieldError(save.error, 'answer')} />
            <button type="submit" className="button button--secondary" disabled={save.isPending}>
              {t('agreements.sendAnswer')}
            </button>
          </form>
        )
      )}
    </li>
  );
}

function CommentForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ organisationId: agreement.parties[0]?.organisationId ?? '', section: '', body: '' });
  const post = useMutation({
    mutationFn: () => api.postAgreementComment({ params: { id: agreement.id }, body: { organisationId: v.organisationId, section: v.section === '' ? null : Number(v.section), body: v.body } }),
    onSuccess: async () => {
      setV({ ...v, body: '' });
      await queryClient.invalidateQueries({ queryKey: ['agreement-comments', agreement.id] });
    },
  });
  const labels = { organisationId: t('agreements.party'), section: t('agreements.section'), body: t('agreements.comment') };
  return (
    <form
      className="panel"
      noValidate
      data-testid="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate();
      }}
    >
      <h3>{t('agreements.commentHeading')}</h3>
      <ErrorSummary error={post.error} scope="comment" labels={labels} />
      <div className="form-row">
        <SelectField scope="comment" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={agreement.parties.map((p) => ({ value: p.organisationId, label: p.organisationName }))} error={fieldError(post.error, 'organisationId')} />
        <SelectField scope="comment" name="section" label={labels.section} value={v.section} onChange={(e) => setV({ ...v, section: e.target.value })} options={[{ value: '', label: t('agreements.wholeAgreement') }, ...agreement.sections.map((s, i) => ({ value: String(i), label: `${i + 1}. ${s.heading}` }))]} error={fieldError(post.error, 'section')} />
      </div>
      <TextAreaField scope="comment" name="body" label={labels.body} value={v.body} onChange={(e) => setV({ ...v, body: e.target.value })} error={fieldError(post.error, 'body')} required />
      <button type="submit" className="button" disabled={post.isPending}>
        {t('agreements.sendComment')}
      </button>
    </form>
  );
}
