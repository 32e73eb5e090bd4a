import type { Post, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { CheckboxField, ErrorSummary, fieldError, Loading, QueryError, RadioGroup, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { FollowButton } from './FollowButton.tsx';
import { PostBody } from './PostBody.tsx';
import './news.css';

export const newsKeys = {
  space: (spaceId: string) => ['posts', spaceId] as const,
  all: ['news'] as const,
  one: (id: string) => ['post', id] as const,
};

function SpaceGate({ children, title }: { children: (space: Space) => React.ReactNode; title: string }) {
  const { id = '' } = useParams();
  const space = useSpace(id);
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{title}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <>{children(space.data)}</>;
}

/** A post's images with their alt text, scaled to the column. */
function PostImages({ post }: { post: Post }) {
  if (post.images.length === 0) return null;
  return (
    <div className="post-images">
      {post.images.map((image) => (
        <img key={image.id} src={image.url} alt={image.alt} width={image.width} height={image.height} loading="lazy" />
      ))}
    </div>
  );
}

/** Adds an image: the alt text is required (the server says so too). */
function ImageUpload({ post }: { post: Post }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('alt', alt);
      if (file) form.append('file', file);
      return api.uploadPostImage({ params: { id: post.id }, form });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(newsKeys.one(post.id), saved);
      setAlt('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="image-form">
      <h3>{t('newsNotify.images.heading')}</h3>
      <ErrorSummary error={upload.error} scope="image" labels={{ alt: t('newsNotify.images.alt'), file: t('newsNotify.images.file') }} />
      <TextField scope="image" name="alt" label={t('newsNotify.images.alt')} hint={t('newsNotify.images.altHint')} value={alt} onChange={(e) => setAlt(e.target.value)} error={fieldError(upload.error, 'alt')} required />
      <div className="field">
        <label htmlFor="image-file" className="field__label">
          {t('newsNotify.images.file')}
        </label>
        <p id="image-file-hint" className="field__hint">
          {t('newsNotify.images.fileHint')}
        </p>
        <input id="image-file" type="file" accept="image/png,image/jpeg" aria-describedby="image-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="button button--secondary" disabled={upload.isPending || !file}>
        {t('newsNotify.images.submit')}
      </button>
    </form>
  );
}

/** One post in a list: title linking to its page, date, space, tags, and the text. */
function PostCard({ post, showSpace }: { post: Post; showSpace: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="card post-card" data-testid="post-card">
      <h2 className="card__title">
        <Link to={`/news/${post.id}`}>{post.title}</Link>
      </h2>
      <p className="post-meta">
        <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>
        {showSpace && (
          <>
            {' · '}
            <Link to={`/spaces/${post.spaceId}/news`}>{post.spaceName}</Link>
          </>
        )}
      </p>
      {(post.pinned || post.visibility === 'members') && (
        <p className="tags">
          {post.pinned && <span className="tag tag--role">{t('newsNotify.pinned')}</span>}
          {post.visibility === 'members' && <span className="tag tag--private">{t('newsNotify.membersOnly')}</span>}
        </p>
      )}
      <PostImages post={post} />
      <PostBody body={post.body} />
    </li>
  );
}

/** A space's news (Aktuellt): pinned first, the Atom feed, follow, and for leaders a link to write. */
export function SpaceNewsPage() {
  const { t } = useTranslation();
  return <SpaceGate title={t('newsNotify.title')}>{(space) => <SpaceNews space={space} />}</SpaceGate>;
}

function SpaceNews({ space }: { space: Space }) {
  const { t } = useTranslation();
  usePageTitle(t('newsNotify.titleFor', { name: space.name }));
  const posts = useQuery({ queryKey: newsKeys.space(space.id), queryFn: () => api.getSpacePosts({ params: { id: space.id } }) });
  const canWrite = space.allowedActions.includes('manage_people');
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('newsNotify.titleFor', { name: space.name })}</h1>
      <div className="button-group">
        {canWrite && (
          <Link className="button" to={`/spaces/${space.id}/news/new`}>
            {t('newsNotify.write')}
          </Link>
        )}
        {space.visibility === 'public' && (
          <a className="button button--secondary" href={`/api/spaces/${space.id}/feed.atom`} type="application/atom+xml">
            {t('newsNotify.feed')}
          </a>
        )}
      </div>
      <FollowButton kind="space" id={space.id} label={space.name} />
      {posts.isPending ? (
        <Loading />
      ) : posts.isError ? (
        <QueryError error={posts.error} />
      ) : posts.data.length === 0 ? (
        <p className="empty">{t('newsNotify.none')}</p>
      ) : (
        <ul className="cards post-list" data-testid="post-list">
          {posts.data.map((p) => (
            <PostCard key={p.id} post={p} showSpace={false} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The combined news of every space the visitor may read. */
export function CombinedNewsPage() {
  const { t } = useTranslation();
  usePageTitle(t('newsNotify.allTitle'));
  const posts = useQuery({ queryKey: newsKeys.all, queryFn: () => api.getNews() });
  return (
    <div className="container">
      <h1>{t('newsNotify.allTitle')}</h1>
      <p className="lead">{t('newsNotify.allLead')}</p>
      {posts.isPending ? (
        <Loading />
      ) : posts.isError ? (
        <QueryError error={posts.error} />
      ) : posts.data.length === 0 ? (
        <p className="empty">{t('newsNotify.none')}</p>
      ) : (
        <ul className="cards post-list" data-testid="post-list">
          {posts.data.map((p) => (
            <PostCard key={p.id} post={p} showSpace />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One post, with its leaders' actions: edit, e-mail to followers (once), delete. */
export function PostPage() {
  const { postId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = useQuery({ queryKey: newsKeys.one(postId), queryFn: () => api.getPost({ params: { id: postId } }) });
  usePageTitle(post.data?.title ?? t('newsNotify.title'));
  const email = useMutation({
    mutationFn: () => api.emailPost({ params: { id: postId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsKeys.one(postId) }),
  });
  const remove = useMutation({
    mutationFn: () => api.deletePost({ params: { id: postId } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['posts'] });
      await navigate(`/spaces/${post.data!.spaceId}/news`);
    },
  });
  if (post.isPending) return <div className="container narrow"><Loading /></div>;
  if (post.isError) {
    if (isApiError(post.error) && (post.error.status === 404 || post.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={post.error} />;
  }
  const p = post.data;
  return (
    <article className="container narrow prose post" data-testid="post">
      <p className="post-meta">
        <Link to={`/spaces/${p.spaceId}/news`}>{t('newsNotify.backTo', { name: p.spaceName })}</Link>
      </p>
      <h1>{p.title}</h1>
      <p className="post-meta">
        <time dateTime={p.publishedAt}>{formatDate(p.publishedAt)}</time>
        {p.authorName && ` · ${p.authorName}`}
        {p.visibility === 'members' && ` · ${t('newsNotify.membersOnly')}`}
      </p>
      <PostImages post={p} />
      <PostBody body={p.body} />
      {p.allowedActions.length > 0 && (
        <section className="section panel" aria-labelledby="post-actions-heading">
          <h2 id="post-actions-heading">{t('newsNotify.actions')}</h2>
          {email.isSuccess && <StatusMessage>{t('newsNotify.emailed', { mailed: email.data.mailed, digested: email.data.digested })}</StatusMessage>}
          {email.isError && <QueryError error={email.error} />}
          {p.emailedAt && !email.isSuccess && <p>{t('newsNotify.emailedAt', { at: formatDate(p.emailedAt) })}</p>}
          <div className="button-group">
            {p.allowedActions.includes('update') && (
              <Link className="button button--secondary" to={`/news/${p.id}/edit`}>
                {t('newsNotify.edit')}
              </Link>
            )}
            {p.allowedActions.includes('email_followers') && (
              <button type="button" className="button" disabled={email.isPending} onClick={() => email.mutate()}>
                {t('newsNotify.emailFollowers')}
              </button>
            )}
            {p.allowedActions.includes('delete') && (
              <button type="button" className="button button--warning" disabled={remove.isPending} onClick={() => window.confirm(t('newsNotify.confirmDelete')) && remove.mutate()}>
                {t('newsNotify.delete')}
              </button>
            )}
          </div>
          {p.allowedActions.includes('update') && <ImageUpload post={p} />}
        </section>
      )}
    </article>
  );
}

/** Write a new post in a space (`/spaces/:id/news/new`). */
export function NewPostPage() {
  const { t } = useTranslation();
  return <SpaceGate title={t('newsNotify.newTitle')}>{(space) => <PostEditor spaceId={space.id} spaceName={space.name} />}</SpaceGate>;
}

/** Edit a post (`/news/:postId/edit`). */
export function EditPostPage() {
  const { postId = '' } = useParams();
  const { t } = useTranslation();
  const post = useQuery({ queryKey: newsKeys.one(postId), queryFn: () => api.getPost({ params: { id: postId } }) });
  if (post.isPending) return <div className="container narrow"><h1>{t('newsNotify.editTitle')}</h1><Loading /></div>;
  if (post.isError) return isApiError(post.error) && post.error.status === 404 ? <NotFoundPage /> : <ErrorView error={post.error} />;
  return <PostEditor spaceId={post.data.spaceId} spaceName={post.data.spaceName} post={post.data} />;
}

function PostEditor({ spaceId, spaceName, post }: { spaceId: string; spaceName: string; post?: Post }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(post ? t('newsNotify.editTitle') : t('newsNotify.newTitle'));
  const [v, setV] = useState({ title: post?.title ?? '', body: post?.body ?? '', visibility: post?.visibility ?? 'public', pinned: post?.pinned ?? false });
  const save = useMutation({
    mutationFn: () => {
      const body = { title: v.title, body: v.body, visibility: v.visibility === 'members' ? ('members' as const) : ('public' as const), pinned: v.pinned };
      return post ? api.patchPost({ params: { id: post.id }, body }) : api.createPost({ params: { id: spaceId }, body });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['posts'] });
      await queryClient.invalidateQueries({ queryKey: newsKeys.one(saved.id) });
      await navigate(`/news/${saved.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labels = { title: t('newsNotify.fields.title'), body: t('newsNotify.fields.body'), visibility: t('newsNotify.fields.visibility') };
  return (
    <div className="container narrow">
      <p>
        <Link to={`/spaces/${spaceId}/news`}>{t('newsNotify.backTo', { name: spaceName })}</Link>
      </p>
      <h1>{post ? t('newsNotify.editTitle') : t('newsNotify.newTitle')}</h1>
      <ErrorSummary error={save.error} scope="post" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="post-form">
        <TextField scope="post" name="title" label={labels.title} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(save.error, 'title')} required />
        <TextAreaField
          scope="post"
          name="body"
          rows={10}
          label={labels.body}
          hint={t('newsNotify.fields.bodyHint')}
          value={v.body}
          onChange={(e) => setV({ ...v, body: e.target.value })}
          error={fieldError(save.error, 'body')}
          required
        />
        <RadioGroup
          scope="post"
          name="visibility"
          label={labels.visibility}
          value={v.visibility}
          onChange={(value) => setV({ ...v, visibility: value === 'members' ? 'members' : 'public' })}
          options={[
            { value: 'public', label: t('newsNotify.fields.public'), hint: t('newsNotify.fields.publicHint') },
            { value: 'members', label: t('newsNotify.membersOnly'), hint: t('newsNotify.fields.membersHint') },
          ]}
        />
        <CheckboxField scope="post" name="pinned" label={t('newsNotify.fields.pinned')} checked={v.pinned} onChange={(pinned) => setV({ ...v, pinned })} />
        <button type="submit" className="button" disabled={save.isPending}>
          {post ? t('newsNotify.save') : t('newsNotify.publish')}
        </button>
      </form>
    </div>
  );
}
