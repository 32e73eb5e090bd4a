import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { SpaceSubnavFor } from '../../spaces/SpaceSubnav.tsx';

/** An event's live workshop boards: open a new one (prompts, breakout groups, dots) or go to one. */
export function EventBoardsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const event = useQuery({ queryKey: ['event', id], queryFn: () => api.getEvent({ params: { id } }), retry: false });
  const boards = useQuery({ queryKey: ['event-boards', id], queryFn: () => api.listEventBoards({ params: { id } }), retry: false });
  usePageTitle(t('board.event.title'));
  const [form, setForm] = useState({ title: '', prompts: '', groups: '', dots: '3' });
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const create = useMutation({
    mutationFn: () =>
      api.createBoard({ params: { id }, body: {
          ...(form.title.trim() ? { title: form.title.trim() } : {}),
          ...(lines(form.prompts).length ? { prompts: lines(form.prompts) } : {}),
          groups: lines(form.groups),
          dotsPerParticipant: Number(form.dots),
        } }),
    onSuccess: (board) => void navigate(`/boards/${board.id}`),
  });
  if (event.isError && isApiError(event.error) && (event.error.status === 404 || event.error.code === 'invalid')) return <NotFoundPage />;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <div className="container">
      {event.data && (
        <>
          <SpaceSubnavFor spaceId={event.data.spaceId} />
          <p className="breadcrumbs">
            <Link to={`/spaces/${event.data.spaceId}`}>{event.data.spaceName}</Link>
          </p>
        </>
      )}
      <h1>{t('board.event.title')}</h1>
      {event.isPending ? <Loading /> : event.isError ? <QueryError error={event.error} /> : <p className="lead">{event.data.title}</p>}
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t('board.event.boardsHeading')}</h2>
        {boards.isPending ? (
          <Loading />
        ) : boards.isError ? (
          <QueryError error={boards.error} />
        ) : boards.data.length === 0 ? (
          <p className="muted">{t('board.event.none')}</p>
        ) : (
          <ul className="board-list">
            {boards.data.map((b) => (
              <li key={b.id}>
                <Link to={`/boards/${b.id}`}>{b.title}</Link> · {t('board.event.code', { code: b.code })} · {t(`board.status.${b.status}`)} · {t('board.event.notes', { count: b.notes })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-board-heading">
        <h2 id="new-board-heading">{t('board.event.newHeading')}</h2>
        <form onSubmit={onSubmit} noValidate data-testid="new-board-form">
          <ErrorSummary error={create.error} labels={{ title: t('board.facilitator.boardTitle'), prompts: t('board.facilitator.prompts') }} />
          <TextField label={t('board.facilitator.boardTitle')} hint={t('board.event.titleHint')} name="title" value={form.title} onChange={set('title')} error={fieldError(create.error, 'title')} maxLength={200} />
          <TextAreaField label={t('board.facilitator.prompts')} hint={t('board.event.promptsHint')} name="prompts" value={form.prompts} onChange={set('prompts')} rows={3} error={fieldError(create.error, 'prompts')} />
          <TextAreaField label={t('board.facilitator.groups')} hint={t('board.event.groupsHint')} name="groups" value={form.groups} onChange={set('groups')} rows={2} />
          <SelectField
            label={t('board.facilitator.dots')}
            name="dots"
            value={form.dots}
            onChange={set('dots')}
            options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {t('board.event.create')}
          </button>
        </form>
      </section>
    </div>
  );
}
