import type { Alliance } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, sortBy } from '../../api/format.ts';
import { useMunicipalityIndex } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { GoalTags, GoalTargetPicker, tagsError } from '../../components/GoalTargetPicker.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { allianceKeys } from './shared.tsx';

/** An alliance's page: purpose, theme goals, member organisations, joint initiatives; joining from both sides. */
export function AlliancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const alliance = useQuery({ queryKey: allianceKeys.one(id), queryFn: () => api.getAlliance({ params: { id } }) });
  usePageTitle(alliance.data?.name ?? t('alliances.title'));
  if (alliance.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (alliance.isError) {
    if (isApiError(alliance.error) && (alliance.error.status === 404 || alliance.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={alliance.error} />;
  }
  return <AllianceView alliance={alliance.data} />;
}

function AllianceView({ alliance }: { alliance: Alliance }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manages = alliance.allowedActions.includes('manage_members');
  const join = useMutation({
    mutationFn: (organisationId: string) => api.addAllianceMember({ params: { id: alliance.id }, body: { organisationId } }),
    onSuccess: (a) => queryClient.setQueryData(allianceKeys.one(alliance.id), a),
  });
  const statusOf = new Map(alliance.members.map((m) => [m.organisationId, m.status]));
  return (
    <div className="container">
      <p className="muted">
        <Link to={`/spaces/${alliance.spaceId}/alliances`}>{t('alliances.backToSpace', { name: alliance.spaceName })}</Link>
      </p>
      <h1>{alliance.name}</h1>
      <p className="tags">
        <span className="tag tag--public">{alliance.public ? t('alliances.publicTag') : t('alliances.membersOnlyTag')}</span>
      </p>
      {alliance.purpose && <p className="lead">{alliance.purpose}</p>}
      <GoalTags goals={alliance.goals} targets={alliance.targets} />

      <section className="section" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('alliances.membersHeading', { count: alliance.memberCount })}</h2>
        <ErrorSummary error={join.error} scope="member" />
        {alliance.members.length === 0 ? (
          <p className="empty">{t('alliances.noMembers')}</p>
        ) : (
          <ScrollRegion label={t('alliances.membersHeading', { count: alliance.memberCount })}>
            <table className="table" data-testid="members-table">
              <thead>
                <tr>
                  <th scope="col">{t('alliances.organisation')}</th>
                  <th scope="col">{t('alliances.sector')}</th>
                  <th scope="col">{t('alliances.memberStatus')}</th>
                  {manages && <th scope="col">{t('alliances.contact')}</th>}
                  {manages && <th scope="col">{t('alliances.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {alliance.members.map((m) => (
                  <tr key={m.organisationId}>
                    <td>
                      <Link to={`/organisations/${m.organisationId}`}>{m.organisationName}</Link>
                    </td>
                    <td>{enumLabel(t, 'sector', m.sector)}</td>
                    <td>{t(`alliances.memberStatuses.${m.status}`)}</td>
                    {manages && <td>{m.contactPersonName ?? '–'}</td>}
                    {manages && (
                      <td>
                        {m.status === 'requested' && (
                          <button type="button" className="button button--small" onClick={() => join.mutate(m.organisationId)} disabled={join.isPending}>
                            {t('alliances.acceptRequest', { name: m.organisationName })}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {alliance.representedOrganisations.length > 0 && (
          <ul className="button-group" aria-label={t('alliances.forYourOrganisations')}>
            {alliance.representedOrganisations.map((o) => {
              const status = statusOf.get(o.id);
              if (status === 'member' || status === 'requested') return null;
              return (
                <li key={o.id}>
                  <button type="button" className="button button--secondary" onClick={() => join.mutate(o.id)} disabled={join.isPending}>
                    {status === 'invited' ? t('alliances.acceptInvitation', { name: o.name }) : t('alliances.askToJoin', { name: o.name })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {manages && <InviteMember alliance={alliance} />}
      </section>

      <Initiatives alliance={alliance} />
    </div>
  );
}

function InviteMember({ alliance }: { alliance: Alliance }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery({ queryKey: ['space-organisations', alliance.spaceId], queryFn: () => api.listSpaceOrganisations({ params: { id: alliance.spaceId } }) });
  const [organisationId, setOrganisationId] = useState('');
  const invite = useMutation({
    mutationFn: () => api.addAllianceMember({ params: { id: alliance.id }, body: { organisationId } }),
    onSuccess: (a) => {
      queryClient.setQueryData(allianceKeys.one(alliance.id), a);
      setOrganisationId('');
    },
  });
  const taken = new Set(alliance.members.map((m) => m.organisationId));
  const choices = sortBy((organisations.data ?? []).filter((o) => !taken.has(o.id)), (o) => o.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="panel section" data-testid="invite-member-form">
      <h3>{t('alliances.inviteHeading')}</h3>
      <ErrorSummary error={invite.error} scope="invite" labels={{ organisationId: t('alliances.organisation') }} />
      <SelectField
        scope="invite"
        name="organisationId"
        label={t('alliances.organisation')}
        hint={t('alliances.inviteHint')}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        options={[{ value: '', label: t('alliances.chooseOrganisation') }, ...choices.map((o) => ({ value: o.id, label: o.name }))]}
        error={fieldError(invite.error, 'organisationId')}
      />
      <button type="submit" className="button" disabled={invite.isPending || !organisationId}>
        {t('alliances.invite')}
      </button>
    </form>
  );
}

function Initiatives({ alliance }: { alliance: Alliance }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: allianceKeys.initiatives(alliance.id), queryFn: () => api.getAllianceInitiatives({ params: { id: alliance.id } }) });
  return (
    <section className="section" aria-labelledby="initiatives-heading">
      <h2 id="initiatives-heading">{t('alliances.initiativesHeading')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('alliances.noInitiatives')}</p>
      ) : (
        <ul className="cards" data-testid="initiatives-list">
          {list.data.map((i) => (
            <li key={i.id} className="card">
              <h3 className="card__title">
                <Link to={`/initiatives/${i.id}`}>{i.title}</Link>
              </h3>
              <p className="tags">
                <span className="tag tag--role">{enumLabel(t, 'initiativeStatus', i.status)}</span>
                {i.municipalityName && <span className="tag tag--public">{i.municipalityName}</span>}
              </p>
              <p className="muted">{t('alliances.ledBy', { name: i.leadOrganisationName, count: i.partnerCount })}</p>
              {(i.startDate || i.endDate) && <p className="muted">{t('alliances.period', { start: formatDate(i.startDate) || '…', end: formatDate(i.endDate) || '…' })}</p>}
            </li>
          ))}
        </ul>
      )}
      {alliance.allowedActions.includes('create_initiative') && <CreateInitiative alliance={alliance} />}
    </section>
  );
}

function CreateInitiative({ alliance }: { alliance: Alliance }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useMunicipalityIndex();
  const members = alliance.members.filter((m) => m.status === 'member');
  const [v, setV] = useState({ title: '', leadOrganisationId: '', description: '', municipalityCode: '', placeName: '', startDate: '', endDate: '', goals: [] as number[], targets: [] as string[] });
  const create = useMutation({
    mutationFn: () =>
      api.createInitiative({
        params: { id: alliance.id },
        body: {
          title: v.title,
          leadOrganisationId: v.leadOrganisationId,
          description: v.description,
          municipalityCode: v.municipalityCode || null,
          placeName: v.placeName,
          startDate: v.startDate || null,
          endDate: v.endDate || null,
          goals: v.goals,
          targets: v.targets,
        },
      }),
    onSuccess: async (i) => navigate(`/initiatives/${i.id}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = {
    title: t('alliances.initiativeTitle'),
    leadOrganisationId: t('alliances.leadOrganisation'),
    description: t('alliances.description'),
    municipalityCode: t('alliances.municipality'),
    placeName: t('alliances.placeName'),
    startDate: t('alliances.startDate'),
    endDate: t('alliances.endDate'),
    targets: t('agenda2030.picker.legend'),
  };
  return (
    <section className="section panel" aria-labelledby="create-initiative-heading">
      <h3 id="create-initiative-heading">{t('alliances.createInitiativeHeading')}</h3>
      <ErrorSummary error={create.error} scope="initiative" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="initiative-form">
        <TextField scope="initiative" label={labels.title} name="title" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(create.error, 'title')} required />
        <SelectField
          scope="initiative"
          name="leadOrganisationId"
          label={labels.leadOrganisationId}
          hint={t('alliances.leadHint')}
          value={v.leadOrganisationId}
          onChange={(e) => setV({ ...v, leadOrganisationId: e.target.value })}
          options={[{ value: '', label: t('alliances.chooseOrganisation') }, ...members.map((m) => ({ value: m.organisationId, label: m.organisationName }))]}
          error={fieldError(create.error, 'leadOrganisationId')}
          required
        />
        <TextAreaField scope="initiative" label={labels.description} name="description" rows={3} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={fieldError(create.error, 'description')} />
        <div className="form-row">
          <SelectField
            scope="initiative"
            name="municipalityCode"
            label={labels.municipalityCode}
            value={v.municipalityCode}
            onChange={(e) => setV({ ...v, municipalityCode: e.target.value })}
            options={[{ value: '', label: t('alliances.noMunicipality') }, ...sortBy(alliance.municipalityCodes.map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code })), (o) => o.label)]}
            error={fieldError(create.error, 'municipalityCode')}
          />
          <TextField scope="initiative" label={labels.placeName} name="placeName" value={v.placeName} onChange={(e) => setV({ ...v, placeName: e.target.value })} error={fieldError(create.error, 'placeName')} />
        </div>
        <div className="form-row">
          <TextField scope="initiative" type="date" label={labels.startDate} name="startDate" value={v.startDate} onChange={(e) => setV({ ...v, startDate: e.target.value })} error={fieldError(create.error, 'startDate')} />
          <TextField scope="initiative" type="date" label={labels.endDate} name="endDate" value={v.endDate} onChange={(e) => setV({ ...v, endDate: e.target.value })} error={fieldError(create.error, 'endDate')} />
        </div>
        <GoalTargetPicker scope="initiative" goals={v.goals} targets={v.targets} onChange={(tags) => setV({ ...v, ...tags })} error={tagsError(create.error)} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('alliances.createInitiative')}
        </button>
      </form>
    </section>
  );
}
