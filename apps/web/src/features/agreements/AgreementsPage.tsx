import type { AgreementSummary, Space } from '@samhandling/contracts';
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
import { ErrorSummary, fieldError, Loading, QueryError, TextAreaField, TextField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

export const agreementKeys = { list: (spaceId: string) => ['agreements', spaceId] as const, one: (id: string) => ['agreement', id] as const };

/** "2 av 3 parter har antagit" */
export function AdoptionProgress({ agreement }: { agreement: Pick<AgreementSummary, 'partiesAdopted' | 'partiesRequired'> }) {
  const { t } = useTranslation();
  return <span data-testid="adoption-progress">{t('agreements.progress', { adopted: agreement.partiesAdopted, required: agreement.partiesRequired })}</span>;
}

/** A space's agreements (överenskommelser), with their status and how far the adoption has come. */
export function AgreementsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('agreements.titleFor', { name: space.data.name }) : t('agreements.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('agreements.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <AgreementsView space={space.data} />;
}

function AgreementsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const agreements = useQuery({ queryKey: agreementKeys.list(space.id), queryFn: () => api.getSpaceAgreements({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('agreements.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('agreements.lead')}</p>
      {agreements.isPending ? (
        <Loading />
      ) : agreements.isError ? (
        <QueryError error={agreements.error} />
      ) : agreements.data.length === 0 ? (
        <p className="empty">{t('agreements.none')}</p>
      ) : (
        <ul className="cards" data-testid="agreements-list">
          {agreements.data.map((a) => (
            <li key={a.id} className="card" data-testid="agreement-card">
              <h2 className="card__title">
                <Link to={`/agreements/${a.id}`}>{a.title}</Link>
              </h2>
              <p className="tags">
                <span className="tag">{enumLabel(t, 'agreementStatus', a.status)}</span>
                <span className="tag">{t('agreements.versionTag', { number: a.currentVersion })}</span>
              </p>
              {a.summary && <p>{a.summary}</p>}
              <p>
                <AdoptionProgress agreement={a} />
                {a.inForceSince && <> · {t('agreements.inForceSince', { date: formatDate(a.inForceSince) })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {space.allowedActions.includes('manage_people') && <CreateAgreement space={space} />}
    </div>
  );
}

function CreateAgreement({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ title: '', summary: '' });
  const create = useMutation({
    mutationFn: () => api.createAgreement({ params: { id: space.id }, body: { title: v.title, summary: v.summary, sections: [{ heading: t('agreements.firstSection'), text: '' }] } }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: agreementKeys.list(space.id) });
      await navigate(`/agreements/${a.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { title: t('agreements.titleField'), summary: t('agreements.summaryField') };
  return (
    <section className="section panel" aria-labelledby="create-agreement-heading">
      <h2 id="create-agreement-heading">{t('agreements.createHeading')}</h2>
      <ErrorSummary error={create.error} scope="agreement" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="agreement-form">
        <TextField scope="agreement" label={labels.title} name="title" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(create.error, 'title')} required />
        <TextAreaField scope="agreement" label={labels.summary} name="summary" value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} error={fieldError(create.error, 'summary')} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('agreements.create')}
        </button>
      </form>
    </section>
  );
}
