import type { Initiative, VolunteerCall } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { GoalTags, GoalTargetPicker, tagsError } from '../../components/GoalTargetPicker.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { enumLabel, pick } from '../../i18n/labels.ts';
import { InitiativeDocuments } from './DocumentsSection.tsx';
import { allianceKeys, INITIATIVE_STATUSES } from './shared.tsx';

/** A joint initiative: what, who (lead and partners with their commitments), where and when, results, the update log and calls for volunteers. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const initiative = useQuery({ queryKey: allianceKeys.initiative(id), queryFn: () => api.getInitiative({ params: { id } }) });
  usePageTitle(initiative.data?.title ?? t('alliances.initiative'));
  if (initiative.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (initiative.isError) {
    if (isApiError(initiative.error) && (initiative.error.status === 404 || initiative.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={initiative.error} />;
  }
  return <InitiativeView initiative={initiative.data} />;
}

/** "Skräp insamlat = 412,5 kg" per line. */
function parseIndicators(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', rest = ''] = line.split('=');
      const match = /^\s*(-?[\d\s]+(?:[.,]\d+)?)\s*(.*)$/.exec(rest);
      return { name: name.trim(), value: match ? Number(match[1]!.replace(/\s/g, '').replace(',', '.')) : Number.NaN, unit: match ? match[2]!.trim() : '' };
    });
}
const indicatorsText = (i: Initiative) => i.indicators.map((x) => `${x.name} = ${String(x.value).replace('.', ',')}${x.unit ? ` ${x.unit}` : ''}`).join('\n');

function InitiativeView({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const set = (i: Initiative) => queryClient.setQueryData(allianceKeys.initiative(initiative.id), i);
  const manages = initiative.allowedActions.includes('manage_partners');
  const accept = useMutation({ mutationFn: (organisationId: string) => api.addInitiativePartner({ params: { id: initiative.id }, body: { organisationId } }), onSuccess: set });
  return (
    <div className="container">
      <p className="muted">
        <Link to={`/alliances/${initiative.allianceId}`}>{t('alliances.backToAlliance', { name: initiative.allianceName })}</Link>
      </p>
      <h1>{initiative.title}</h1>
      <p className="tags">
        <span className="tag tag--role" data-testid="initiative-status">
          {enumLabel(t, 'initiativeStatus', initiative.status)}
        </span>
        {initiative.municipalityName && <span className="tag tag--public">{initiative.municipalityName}</span>}
      </p>
      <GoalTags goals={initiative.goals} targets={initiative.targets} />
      {initiative.description && <p className="lead">{initiative.description}</p>}
      <dl className="facts">
        <dt>{t('alliances.leadOrganisation')}</dt>
        <dd>{initiative.leadOrganisationName}</dd>
        <dt>{t('alliances.where')}</dt>
        <dd>{[initiative.placeName, initiative.municipalityName].filter(Boolean).join(', ') || '–'}</dd>
        <dt>{t('alliances.when')}</dt>
        <dd>{initiative.startDate || initiative.endDate ? t('alliances.period', { start: formatDate(initiative.startDate) || '…', end: formatDate(initiative.endDate) || '…' }) : '–'}</dd>
      </dl>

      <section className="section" aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('alliances.partnersHeading')}</h2>
        <ErrorSummary error={accept.error} scope="accept" />
        {initiative.partners.length === 0 ? (
          <p className="empty">{t('alliances.noPartners')}</p>
        ) : (
          <ScrollRegion label={t('alliances.partnersHeading')}>
            <table className="table" data-testid="partners-table">
              <thead>
                <tr>
                  <th scope="col">{t('alliances.organisation')}</th>
                  <th scope="col">{t('alliances.sector')}</th>
                  <th scope="col">{t('alliances.commitment')}</th>
                  <th scope="col">{t('alliances.memberStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {initiative.partners.map((p) => (
                  <tr key={p.organisationId}>
                    <td>{p.organisationName}</td>
                    <td>{enumLabel(t, 'sector', p.sector)}</td>
                    <td>{p.commitment || '–'}</td>
                    <td>
                      {t(`alliances.partnerStatuses.${p.status}`)}
                      {manages && p.status === 'requested' && (
                        <>
                          {' '}
                          <button type="button" className="button button--small" onClick={() => accept.mutate(p.organisationId)} disabled={accept.isPending}>
                            {t('alliances.acceptPartner', { name: p.organisationName })}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {initiative.allowedActions.includes('request_partnership') && <AskToJoin initiative={initiative} onDone={set} />}
      </section>

      <section className="section" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('alliances.resultsHeading')}</h2>
        {initiative.results ? <p style={{ whiteSpace: 'pre-wrap' }}>{initiative.results}</p> : <p className="empty">{t('alliances.noResults')}</p>}
        {initiative.indicators.length > 0 && (
          <ul data-testid="indicators">
            {initiative.indicators.map((x) => (
              <li key={x.name}>
                {x.name}: <strong>{formatNumber(x.value)}</strong> {x.unit}
              </li>
            ))}
          </ul>
        )}
        {initiative.allowedActions.includes('update') && <EditInitiative initiative={initiative} onDone={set} />}
      </section>

      <InitiativeDocuments initiative={initiative} />

      <VolunteerCalls initiative={initiative} />

      <section className="section" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('alliances.logHeading')}</h2>
        {initiative.allowedActions.includes('post_update') && <PostUpdate initiative={initiative} onDone={set} />}
        <ol className="timeline" data-testid="update-log">
          {initiative.updates.map((u) => (
            <li key={u.id}>
              <p className="muted">
                {formatDateTime(u.createdAt)}
                {u.authorName ? ` · ${u.authorName}` : ''}
              </p>
              <p>{u.kind === 'status' && u.status ? t('alliances.statusChanged', { status: enumLabel(t, 'initiativeStatus', u.status) }) : u.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function AskToJoin({ initiative, onDone }: { initiative: Initiative; onDone: (i: Initiative) => void }) {
  const { t } = useTranslation();
  const taken = new Set([initiative.leadOrganisationId, ...initiative.partners.map((p) => p.organisationId)]);
  const choices = initiative.representedOrganisations.filter((o) => !taken.has(o.id));
  const [v, setV] = useState({ organisationId: choices[0]?.id ?? '', commitment: '' });
  const ask = useMutation({ mutationFn: () => api.addInitiativePartner({ params: { id: initiative.id }, body: v }), onSuccess: onDone });
  if (choices.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  const labels = { organisationId: t('alliances.organisation'), commitment: t('alliances.commitment') };
  return (
    <form onSubmit={submit} noValidate className="panel section" data-testid="join-initiative-form">
      <h3>{t('alliances.askToJoinHeading')}</h3>
      <ErrorSummary error={ask.error} scope="join" labels={labels} />
      <SelectField scope="join" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={choices.map((o) => ({ value: o.id, label: o.name }))} error={fieldError(ask.error, 'organisationId')} />
      <TextAreaField scope="join" name="commitment" label={labels.commitment} hint={t('alliances.commitmentHint')} rows={2} value={v.commitment} onChange={(e) => setV({ ...v, commitment: e.target.value })} error={fieldError(ask.error, 'commitment')} />
      <button type="submit" className="button" disabled={ask.isPending}>
        {t('alliances.sendRequest')}
      </button>
    </form>
  );
}

function EditInitiative({ initiative, onDone }: { initiative: Initiative; onDone: (i: Initiative) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ status: initiative.status as string, results: initiative.results, indicators: indicatorsText(initiative), goals: initiative.goals, targets: initiative.targets });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api.patchInitiative({ params: { id: initiative.id }, body: { status: pick(INITIATIVE_STATUSES, v.status), results: v.results, indicators: parseIndicators(v.indicators), goals: v.goals, targets: v.targets } }),
    onSuccess: (i) => {
      onDone(i);
      setSaved(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const labels = { status: t('alliances.status'), results: t('alliances.results'), indicators: t('alliances.indicators'), targets: t('agenda2030.picker.legend') };
  return (
    <form onSubmit={submit} noValidate className="panel section" data-testid="edit-initiative-form">
      <h3>{t('alliances.editHeading')}</h3>
      <ErrorSummary error={save.error} scope="edit" labels={labels} />
      <SelectField scope="edit" name="status" label={labels.status} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value })} options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'initiativeStatus', s) }))} error={fieldError(save.error, 'status')} />
      <TextAreaField scope="edit" name="results" label={labels.results} rows={3} value={v.results} onChange={(e) => setV({ ...v, results: e.target.value })} error={fieldError(save.error, 'results')} />
      <TextAreaField scope="edit" name="indicators" label={labels.indicators} hint={t('alliances.indicatorsHint')} rows={3} value={v.indicators} onChange={(e) => setV({ ...v, indicators: e.target.value })} error={Object.entries((save.error as { fields?: Record<string, string> } | null)?.fields ?? {}).find(([k]) => k.startsWith('indicators'))?.[1]} />
      <GoalTargetPicker scope="edit" goals={v.goals} targets={v.targets} onChange={(tags) => setV({ ...v, ...tags })} error={tagsError(save.error)} />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('alliances.save')}
      </button>
      {saved && <StatusMessage>{t('alliances.saved')}</StatusMessage>}
    </form>
  );
}

function PostUpdate({ initiative, onDone }: { initiative: Initiative; onDone: (i: Initiative) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: () => api.postInitiativeUpdate({ params: { id: initiative.id }, body: { text } }),
    onSuccess: (i) => {
      onDone(i);
      setText('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="post-update-form">
      <ErrorSummary error={post.error} scope="update" labels={{ text: t('alliances.updateText') }} />
      <TextAreaField scope="update" name="text" label={t('alliances.updateText')} rows={2} value={text} onChange={(e) => setText(e.target.value)} error={fieldError(post.error, 'text')} />
      <button type="submit" className="button" disabled={post.isPending}>
        {t('alliances.postUpdate')}
      </button>
    </form>
  );
}

function VolunteerCalls({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const calls = useQuery({ queryKey: allianceKeys.calls(initiative.id), queryFn: () => api.getVolunteerCalls({ params: { id: initiative.id } }) });
  const runs = initiative.allowedActions.includes('manage_volunteers');
  return (
    <section className="section" aria-labelledby="volunteers-heading">
      <h2 id="volunteers-heading">{t('alliances.volunteersHeading')}</h2>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} />
      ) : calls.data.length === 0 ? (
        <p className="empty">{t('alliances.noCalls')}</p>
      ) : (
        <ul className="cards" data-testid="volunteer-calls">
          {calls.data.map((c) => (
            <li key={c.id} className="card">
              <h3 className="card__title">{c.title}</h3>
              <p className="muted">
                {formatDateTime(c.startsAt)}
                {c.placeName ? ` · ${c.placeName}` : ''}
              </p>
              {c.description && <p>{c.description}</p>}
              <p data-testid="call-counts">{t('alliances.callCounts', { confirmed: c.confirmed, wanted: c.wanted, hours: formatNumber(c.hoursGiven) })}</p>
              {c.open && c.confirmed < c.wanted && <SignUp call={c} />}
              {runs && <Signups call={c} initiativeId={initiative.id} />}
            </li>
          ))}
        </ul>
      )}
      {runs && <CreateCall initiative={initiative} />}
    </section>
  );
}

function SignUp({ call }: { call: VolunteerCall }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: '', email: '', phone: '' });
  const sign = useMutation({ mutationFn: () => api.signUpAsVolunteer({ params: { id: call.id }, body: { name: v.name, email: v.email, ...(v.phone ? { phone: v.phone } : {}) } }) });
  const scope = `signup-${call.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate();
  };
  if (sign.isSuccess) return <StatusMessage>{t('alliances.signedUp')}</StatusMessage>;
  const labels = { name: t('alliances.yourName'), email: t('alliances.yourEmail'), phone: t('alliances.yourPhone') };
  return (
    <details>
      <summary>{t('alliances.signUpSummary')}</summary>
      <form onSubmit={submit} noValidate data-testid="volunteer-signup-form">
        <ErrorSummary error={sign.error} scope={scope} labels={labels} />
        <TextField scope={scope} name="name" label={labels.name} autoComplete="name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(sign.error, 'name')} required />
        <TextField scope={scope} name="email" type="email" label={labels.email} hint={t('alliances.emailHint')} autoComplete="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={fieldError(sign.error, 'email')} required />
        <TextField scope={scope} name="phone" type="tel" label={labels.phone} autoComplete="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} error={fieldError(sign.error, 'phone')} />
        <button type="submit" className="button" disabled={sign.isPending}>
          {t('alliances.signUp')}
        </button>
      </form>
    </details>
  );
}

function Signups({ call, initiativeId }: { call: VolunteerCall; initiativeId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: allianceKeys.signups(call.id), queryFn: () => api.getVolunteerSignups({ params: { id: call.id } }) });
  const hours = useMutation({
    mutationFn: (v: { id: string; hours: number | null }) => api.patchVolunteerSignup({ params: { id: v.id }, body: { hours: v.hours } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: allianceKeys.signups(call.id) });
      await queryClient.invalidateQueries({ queryKey: allianceKeys.calls(initiativeId) });
    },
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} />;
  return (
    <details>
      <summary>{t('alliances.whoSignedUp', { count: list.data.length })}</summary>
      <ErrorSummary error={hours.error} scope="hours" />
      <ScrollRegion label={t('alliances.whoSignedUp', { count: list.data.length })}>
        <table className="table" data-testid="signups-table">
          <thead>
            <tr>
              <th scope="col">{t('alliances.yourName')}</th>
              <th scope="col">{t('alliances.yourEmail')}</th>
              <th scope="col">{t('alliances.memberStatus')}</th>
              <th scope="col">{t('alliances.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>{t(`alliances.signupStatuses.${s.status}`)}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`hours-${s.id}`}>
                    {t('alliances.hoursFor', { name: s.name })}
                  </label>
                  <input
                    id={`hours-${s.id}`}
                    className="input input--small"
                    type="number"
                    min={0}
                    step={0.5}
                    defaultValue={s.hours ?? ''}
                    onBlur={(e) => {
                      const value = e.target.value === '' ? null : Number(e.target.value);
                      if (value !== s.hours) hours.mutate({ id: s.id, hours: value });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

function CreateCall({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ title: '', description: '', startsAt: '', endsAt: '', placeName: '', wanted: '5' });
  const create = useMutation({
    mutationFn: () =>
      api.createVolunteerCall({
        params: { id: initiative.id },
        body: {
          title: v.title,
          description: v.description,
          startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : '',
          endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : '',
          placeName: v.placeName,
          wanted: Number(v.wanted),
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: allianceKeys.calls(initiative.id) });
      setV({ title: '', description: '', startsAt: '', endsAt: '', placeName: '', wanted: '5' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { title: t('alliances.callTitle'), description: t('alliances.description'), startsAt: t('alliances.startsAt'), endsAt: t('alliances.endsAt'), placeName: t('alliances.placeName'), wanted: t('alliances.wanted') };
  return (
    <details className="panel section">
      <summary>{t('alliances.createCallHeading')}</summary>
      <form onSubmit={submit} noValidate data-testid="volunteer-call-form">
        <ErrorSummary error={create.error} scope="call" labels={labels} />
        <TextField scope="call" name="title" label={labels.title} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(create.error, 'title')} required />
        <TextAreaField scope="call" name="description" label={labels.description} rows={2} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={fieldError(create.error, 'description')} />
        <div className="form-row">
          <TextField scope="call" name="startsAt" type="datetime-local" label={labels.startsAt} value={v.startsAt} onChange={(e) => setV({ ...v, startsAt: e.target.value })} error={fieldError(create.error, 'startsAt')} required />
          <TextField scope="call" name="endsAt" type="datetime-local" label={labels.endsAt} value={v.endsAt} onChange={(e) => setV({ ...v, endsAt: e.target.value })} error={fieldError(create.error, 'endsAt')} required />
        </div>
        <div className="form-row">
          <TextField scope="call" name="placeName" label={labels.placeName} value={v.placeName} onChange={(e) => setV({ ...v, placeName: e.target.value })} error={fieldError(create.error, 'placeName')} />
          <TextField scope="call" name="wanted" type="number" min={1} label={labels.wanted} value={v.wanted} onChange={(e) => setV({ ...v, wanted: e.target.value })} error={fieldError(create.error, 'wanted')} required />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('alliances.createCall')}
        </button>
      </form>
    </details>
  );
}
