import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading } from '../../components/fields.tsx';
import { SpaceView } from './SpaceView.tsx';

export function SpacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data?.name ?? t('space.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('space.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <SpaceView space={space.data} />;
}
