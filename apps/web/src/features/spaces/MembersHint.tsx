import type { Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/hooks.ts';

export function MembersHint({ space }: { space: Space }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <section aria-labelledby="members-heading" className="section">
      <h2 id="members-heading">{t('members.heading')}</h2>
      <p>
        {t('members.hidden', { count: space.memberCount })}{' '}
        {!me && <Link to={`/sign-in?returnTo=${encodeURIComponent(`/spaces/${space.id}`)}`}>{t('members.signInToSee')}</Link>}
      </p>
    </section>
  );
}
