import { notificationMode, type NotificationKind, type NotificationMode, valuesOf } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { keys, useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, Loading, QueryError, RadioGroup, StatusMessage } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { followKeys } from './FollowButton.tsx';
import './news.css';

/** My notification settings: per kind of notice at once, a daily or weekly digest, or nothing; and what I follow. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('newsNotify.settings.title'));
  const me = useMe();
  if (me.isPending) return <div className="container narrow"><h1>{t('newsNotify.settings.title')}</h1><Loading /></div>;
  if (me.isError || !me.data) return <div className="container narrow"><h1>{t('newsNotify.settings.title')}</h1><QueryError error={me.error} /></div>;
  return <Settings initial={me.data.notifications} />;
}

function Settings({ initial }: { initial: Record<NotificationKind, NotificationMode> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState(initial);
  const save = useMutation({
    mutationFn: () => api.updateMe({ body: { notifications: choices } }),
    onSuccess: (answer) => queryClient.setQueryData(keys.me, answer.user),
  });
  const follows = useQuery({ queryKey: followKeys.mine, queryFn: () => api.getMyFollows() });
  const unfollow = useMutation({
    mutationFn: (id: string) => api.deleteFollow({ params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.mine }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <div className="container narrow">
      <p>
        <Link to="/account">{t('newsNotify.settings.backToAccount')}</Link>
      </p>
      <h1>{t('newsNotify.settings.title')}</h1>
      <p className="lead">{t('newsNotify.settings.lead')}</p>
      <ErrorSummary error={save.error} scope="notifications" />
      <form onSubmit={submit} noValidate className="notification-kinds" data-testid="notification-settings">
        {valuesOf('notificationKind').map((kind) => (
          <RadioGroup
            key={kind}
            scope="notifications"
            name={kind}
            label={enumLabel(t, 'notificationKind', kind)}
            hint={t(`newsNotify.kindHints.${kind}`)}
            value={choices[kind]}
            onChange={(value) => setChoices({ ...choices, [kind]: notificationMode.parse(value) })}
            options={valuesOf('notificationMode').map((mode) => ({ value: mode, label: enumLabel(t, 'notificationMode', mode) }))}
          />
        ))}
        {save.isSuccess && <StatusMessage>{t('newsNotify.settings.saved')}</StatusMessage>}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('newsNotify.settings.save')}
        </button>
      </form>
      <section className="section" aria-labelledby="follows-heading">
        <h2 id="follows-heading">{t('newsNotify.settings.followsHeading')}</h2>
        {follows.isPending ? (
          <Loading />
        ) : follows.isError ? (
          <QueryError error={follows.error} />
        ) : follows.data.length === 0 ? (
          <p className="empty">{t('newsNotify.settings.noFollows')}</p>
        ) : (
          <ul className="follow-list" data-testid="follow-list">
            {follows.data.map((f) => (
              <li key={f.id}>
                <span>
                  {enumLabel(t, 'followKind', f.kind)}: <Link to={followPath(f)}>{f.label || t('newsNotify.settings.unknown')}</Link>
                </span>
                <button type="button" className="button button--small button--secondary" disabled={unfollow.isPending} onClick={() => unfollow.mutate(f.id)}>
                  {t('newsNotify.settings.unfollow', { name: f.label })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Where a followed thing is shown. */
function followPath(f: { kind: string; targetId: string; spaceId?: string | null }): string {
  if (f.kind === 'space') return `/spaces/${f.targetId}/news`;
  if (f.kind === 'agreement') return `/agreements/${f.targetId}`;
  if (f.kind === 'action_plan') return `/action-plans/${f.targetId}`;
  if (f.kind === 'initiative') return `/initiatives/${f.targetId}`;
  return `/spaces/${f.spaceId ?? ''}/inputs/${f.targetId}`;
}
