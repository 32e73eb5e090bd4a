import type { ServicePointInput, Suggestion } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, isApiError } from '../../../api/client.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, StatusMessage, TextAreaField } from '../../../components/fields.tsx';
import { servicePointKeys, useServicePoint } from './api.ts';
import { patchOf, ServicePointForm } from './ServicePointForm.tsx';

function Missing({ error, title }: { error: unknown; title: string }) {
  if (isApiError(error) && (error.status === 404 || error.code === 'invalid')) return <NotFoundPage />;
  return error ? <ErrorView error={error} /> : (
    <div className="container">
      <h1>{title}</h1>
      <Loading />
    </div>
  );
}

/** A new service point in a space (its leaders). */
export function CreateServicePointPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('servicePoints.createTitle'));
  const space = useSpace(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: ServicePointInput) => api.createServicePoint({ params: { id }, body: values }),
    onSuccess: async (point) => {
      queryClient.setQueryData(servicePointKeys.point(point.id), point);
      await queryClient.invalidateQueries({ queryKey: servicePointKeys.list(id) });
      await navigate(`/service-points/${point.id}?saved=1`);
    },
  });
  if (!space.data) return <Missing error={space.error} title={t('servicePoints.createTitle')} />;
  return (
    <div className="container narrow">
      <p className="breadcrumbs">
        <Link to={`/spaces/${id}/services`}>{t('servicePoints.titleFor', { name: space.data.name })}</Link>
      </p>
      <h1>{t('servicePoints.createTitle')}</h1>
      <ServicePointForm point={null} spaceId={id} municipalityCodes={space.data.municipalityCodes} mode="create" error={create.error} pending={create.isPending} onSubmit={(v) => create.mutate(v)} />
    </div>
  );
}

/** Edit a service point (the space's leaders): only what changed is sent and goes into the history. */
export function EditServicePointPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const point = useServicePoint(id);
  usePageTitle(point.data ? t('servicePoints.editTitle', { name: point.data.name }) : t('servicePoints.edit'));
  const space = useSpace(point.data?.spaceId ?? '');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [nothing, setNothing] = useState(false);
  const save = useMutation({
    mutationFn: (values: ServicePointInput) => api.patchServicePoint({ params: { id }, body: patchOf(point.data!, values) }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(servicePointKeys.point(id), saved);
      await queryClient.invalidateQueries({ queryKey: servicePointKeys.history(id) });
      await queryClient.invalidateQueries({ queryKey: servicePointKeys.list(saved.spaceId) });
      await navigate(`/service-points/${id}`);
    },
  });
  if (!point.data || (!space.data && !space.error)) return <Missing error={point.error} title={t('servicePoints.edit')} />;
  return (
    <div className="container narrow">
      <p className="breadcrumbs">
        <Link to={`/service-points/${id}`}>{point.data.name}</Link>
      </p>
      <h1>{t('servicePoints.editTitle', { name: point.data.name })}</h1>
      {nothing && <StatusMessage tone="info">{t('servicePoints.nothingChanged')}</StatusMessage>}
      <ServicePointForm
        point={point.data}
        spaceId={point.data.spaceId}
        municipalityCodes={space.data?.municipalityCodes ?? []}
        mode="edit"
        error={save.error}
        pending={save.isPending}
        onSubmit={(v) => {
          const patch = patchOf(point.data!, v);
          setNothing(Object.keys(patch).length === 0);
          if (Object.keys(patch).length > 0) save.mutate(v);
        }}
      />
    </div>
  );
}

/** A suggestion's field errors come as `changes.name`; the form's fields are named `name`. */
function unprefixed(error: unknown): unknown {
  if (!isApiError(error)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^changes\./, ''), v]));
  return new ApiError(error.status, { code: error.code, message: error.message, fields, ...(error.requestId ? { requestId: error.requestId } : {}) });
}

/** Anyone signed in who sees the space proposes a change; a leader decides. */
export function SuggestChangePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const point = useServicePoint(id);
  usePageTitle(point.data ? t('servicePoints.suggestTitle', { name: point.data.name }) : t('servicePoints.suggest'));
  const space = useSpace(point.data?.spaceId ?? '');
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<Suggestion | null>(null);
  const suggest = useMutation({
    mutationFn: (values: ServicePointInput) => api.suggestChange({ params: { id }, body: { changes: patchOf(point.data!, values), comment } }),
    onSuccess: async (s) => {
      setSent(s);
      await queryClient.invalidateQueries({ queryKey: servicePointKeys.suggestions(id) });
      await queryClient.invalidateQueries({ queryKey: servicePointKeys.history(id) });
    },
  });
  if (!point.data || (!space.data && !space.error)) return <Missing error={point.error} title={t('servicePoints.suggest')} />;
  return (
    <div className="container narrow">
      <p className="breadcrumbs">
        <Link to={`/service-points/${id}`}>{point.data.name}</Link>
      </p>
      <h1>{t('servicePoints.suggestTitle', { name: point.data.name })}</h1>
      <p className="lead">{t('servicePoints.suggestLead')}</p>
      {sent ? (
        <>
          <StatusMessage>{t('servicePoints.suggestionSent')}</StatusMessage>
          <p>
            <Link to={`/service-points/${id}#suggestions`}>{t('servicePoints.backToPoint', { name: point.data.name })}</Link>
          </p>
        </>
      ) : (
        <ServicePointForm
          point={point.data}
          spaceId={point.data.spaceId}
          municipalityCodes={space.data?.municipalityCodes ?? []}
          mode="suggest"
          error={unprefixed(suggest.error)}
          pending={suggest.isPending}
          onSubmit={(v) => suggest.mutate(v)}
          extra={<TextAreaField scope="sp-form" label={t('servicePoints.commentLabel')} hint={t('servicePoints.commentHint')} name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        />
      )}
    </div>
  );
}
