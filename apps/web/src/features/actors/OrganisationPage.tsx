import type { Collaboration, Organisation } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import { formatDate } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { actorKeys, useOrganisation } from './api.ts';
import { collaborationTypeLabel, frequencyLabel, levelLabel, sourceLabel, typeLabel } from './labels.ts';
import { OrganisationForm, organisationToForm, type OrganisationValues } from './OrganisationForm.tsx';
import { SectorTag } from './OrganisationsPage.tsx';
import { OrganisationSuggestions, RepresentativesSection, SuggestOrganisationChange } from './OrganisationStewardship.tsx';
import { ExternalLink } from '../../components/ExternalLink.tsx';

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const organisation = useOrganisation(id);
  usePageTitle(organisation.data?.name ?? t('organisations.title'));
  if (organisation.isPending) {
    return (
      <div className="container">
        <h1>{t('organisations.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (organisation.isError) {
    if (isApiError(organisation.error) && (organisation.error.status === 404 || organisation.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={organisation.error} />;
  }
  return <OrganisationView organisation={organisation.data} />;
}

function OrganisationView({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { data: me } = useMe();
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to="/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{o.name}</h1>
      <p className="tags">
        <span className="tag">
          <SectorTag sector={o.sector} />
        </span>
        <span className="tag">{typeLabel(t, o.type)}</span>
        <span className="tag">{levelLabel(t, o.level)}</span>
      </p>
      {params.get('created') && <StatusMessage>{t('organisations.createdNotice')}</StatusMessage>}
      {saved && <StatusMessage>{saved}</StatusMessage>}
      <section aria-labelledby="org-about-heading" className="section">
        <h2 id="org-about-heading">{t('organisations.about')}</h2>
        {o.description ? <p className="description">{o.description}</p> : <p className="muted">{t('organisations.noDescription')}</p>}
        <OrganisationFacts organisation={o} />
        {(o.allowedActions.includes('update') || o.allowedActions.includes('delete') || o.allowedActions.includes('suggest')) && (
          <div className="actions">
            {o.allowedActions.includes('suggest') && (
              <button type="button" className="button button--secondary" aria-expanded={suggesting} onClick={() => setSuggesting(!suggesting)}>
                {suggesting ? t('stewardship.cancelSuggest') : t('stewardship.suggest')}
              </button>
            )}
            {o.allowedActions.includes('update') && (
              <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
                {editing ? t('organisations.cancelEdit') : t('organisations.edit')}
              </button>
            )}
            {o.allowedActions.includes('delete') && <RemoveOrganisation organisation={o} />}
          </div>
        )}
      </section>
      {editing && (
        <section aria-labelledby="org-edit-heading" className="section panel">
          <h2 id="org-edit-heading">{t('organisations.editHeading')}</h2>
          <EditOrganisation
            organisation={o}
            onDone={(message) => {
              setEditing(false);
              setSaved(message);
            }}
          />
        </section>
      )}
      {suggesting && (
        <section aria-labelledby="org-suggest-heading" className="section panel">
          <h2 id="org-suggest-heading">{t('stewardship.suggestHeading')}</h2>
          <SuggestOrganisationChange
            organisation={o}
            onDone={(message) => {
              setSuggesting(false);
              setSaved(message || null);
            }}
          />
        </section>
      )}
      <RepresentativesSection organisation={o} signedIn={!!me} />
      <OrganisationSuggestions organisation={o} signedIn={!!me} />
      <CollaborationsSection organisation={o} />
    </div>
  );
}

function RemoveOrganisation({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.removeOrganisation({ params: { id: organisation.id } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      await queryClient.invalidateQueries({ queryKey: ['network'] });
      await navigate('/organisations');
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--warning"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t('organisations.removeConfirm', { name: organisation.name }))) remove.mutate();
        }}
      >
        {t('organisations.remove')}
      </button>
      {remove.isError && <QueryError error={remove.error} />}
    </>
  );
}

export function OrganisationFacts({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('organisations.fields.orgNumber')}</dt>
        <dd>{o.orgNumber ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.municipality')}</dt>
        <dd>{o.municipalityName ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.contactEmail')}</dt>
        <dd>{o.contactEmail ? <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a> : '–'}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.contactPhone')}</dt>
        <dd>{o.contactPhone ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.website')}</dt>
        <dd>
          {o.website ? (
            <ExternalLink href={o.website} />
          ) : (
            '–'
          )}
        </dd>
      </div>
      {o.tags.length > 0 && (
        <div>
          <dt>{t('organisations.fields.tags')}</dt>
          <dd>{o.tags.join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

function EditOrganisation({ organisation, onDone }: { organisation: Organisation; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (values: OrganisationValues) => api.patchOrganisation({ params: { id: organisation.id }, body: values }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(actorKeys.organisation(organisation.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onDone(t('organisations.savedDone'));
    },
  });
  return (
    <div ref={ref}>
      <OrganisationForm
        initial={organisationToForm(organisation)}
        scope="org-edit"
        submitLabel={t('common.save')}
        pending={save.isPending}
        error={save.error}
        onSubmit={(values) => save.mutate(values)}
        onCancel={() => onDone('')}
      />
    </div>
  );
}

function CollaborationsSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const collaborations = useQuery({
    queryKey: actorKeys.collaborations({ organisation: organisation.id }),
    queryFn: () => api.getCollaborations({ query: { organisation: organisation.id } }),
  });
  const other = (c: Collaboration) => (c.organisationIds[0] === organisation.id ? 1 : 0);
  const queryClient = useQueryClient();
  const [removed, setRemoved] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (c: Collaboration) => api.removeCollaboration({ params: { id: c.id } }),
    onSuccess: async () => {
      setRemoved(t('network.collaborationRemoved'));
      await queryClient.invalidateQueries({ queryKey: ['collaborations'] });
      await queryClient.invalidateQueries({ queryKey: ['network'] });
    },
  });
  return (
    <section aria-labelledby="org-collab-heading" className="section">
      <h2 id="org-collab-heading">{t('organisations.collaborations')}</h2>
      {removed && <StatusMessage>{removed}</StatusMessage>}
      {remove.isError && <QueryError error={remove.error} />}
      {collaborations.isPending ? (
        <Loading />
      ) : collaborations.isError ? (
        <QueryError error={collaborations.error} />
      ) : (
        <DataTable<Collaboration>
          caption={t('organisations.collaborationsCaption', { name: organisation.name })}
          captionHidden
          testId="organisation-collaborations"
          rows={collaborations.data}
          rowKey={(c) => c.id}
          empty={t('organisations.noCollaborations')}
          columns={[
            {
              key: 'with',
              header: t('organisations.with'),
              rowHeader: true,
              cell: (c) => <Link to={`/organisations/${c.organisationIds[other(c)]}`}>{c.organisationNames[other(c)]}</Link>,
            },
            { key: 'type', header: t('network.fields.type'), cell: (c) => collaborationTypeLabel(t, c.type) },
            { key: 'frequency', header: t('network.fields.frequency'), cell: (c) => frequencyLabel(t, c.frequency) },
            { key: 'source', header: t('network.fields.source'), cell: (c) => sourceLabel(t, c.source) },
            {
              key: 'seenIn',
              header: t('stewardship.seenIn'),
              cell: (c) => (c.spaceId ? <Link to={`/spaces/${c.spaceId}/network`}>{t('stewardship.seenInSpace')}</Link> : t('stewardship.seenInRegistry')),
            },
            {
              key: 'period',
              header: t('network.fields.period'),
              cell: (c) => (c.startDate || c.endDate ? `${formatDate(c.startDate)} – ${c.endDate ? formatDate(c.endDate) : ''}` : '–'),
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (c) =>
                c.allowedActions.includes('delete') ? (
                  <button
                    type="button"
                    className="button button--small button--warning"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('network.removeCollaborationConfirm', { a: c.organisationNames[0], b: c.organisationNames[1] }))) remove.mutate(c);
                    }}
                  >
                    {t('common.remove')}
                    <span className="visually-hidden"> {t('network.collaborationBetween', { a: c.organisationNames[0], b: c.organisationNames[1] })}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
