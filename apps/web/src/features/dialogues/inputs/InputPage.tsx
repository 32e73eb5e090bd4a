import type { InputAction, InputDetail, Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WithdrawConsentButton } from '../../privacy/WithdrawConsentButton.tsx';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, formatDateTime } from '../../../api/format.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, SelectField, StatusMessage, TextAreaField } from '../../../components/fields.tsx';
import { GoalTargetPicker, tagsError } from '../../../components/GoalTargetPicker.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { FollowButton } from '../../news/FollowButton.tsx';
import { inputKeys, useInput } from './api.ts';
import { GoalList, StatusTag, WithSpace } from './common.tsx';
import { InputsMap } from './InputsMap.tsx';
import { label, optionsOf, SERVICE_TYPES, THEMES } from './labels.ts';
import { StatusForm } from './StatusForm.tsx';
import { displayName } from '../../privacy/deleted-user.ts';
import { InputTrail } from '../../plans/InputTrail.tsx';

/** One input with its public timeline; its space's leaders move it on from here. */
export function InputPage() {
  const { id = '', inputId = '' } = useParams();
  const { t } = useTranslation();
  return <WithSpace id={id} title={t('inputs.detail.title')}>{(space) => <InputLoader space={space} inputId={inputId} />}</WithSpace>;
}

function InputLoader({ space, inputId }: { space: Space; inputId: string }) {
  const { t } = useTranslation();
  const input = useInput(inputId);
  if (input.isPending) {
    return (
      <div className="container">
        <h1>{t('inputs.detail.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (input.isError) {
    if (isApiError(input.error) && (input.error.status === 404 || input.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={input.error} />;
  }
  if (input.data.spaceId !== space.id) return <NotFoundPage />;
  return <InputView space={space} input={input.data} />;
}

function InputView({ space, input }: { space: Space; input: InputDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as { submitted?: boolean; notified?: boolean };
  const [message, setMessage] = useState<string | null>(null);
  const title = t('inputs.detail.titleFor', { number: input.number, kind: label(t, 'kind', input.kind).toLowerCase() });
  usePageTitle(`${title} – ${space.name}`);
  const can = (action: InputAction) => input.allowedActions.includes(action);
  const queryClient = useQueryClient();
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <p className="breadcrumbs">
        <Link to={`/spaces/${space.id}/inputs`}>{t('inputs.list.title')}</Link>
      </p>
      <h1>{title}</h1>
      {state.submitted && (
        <StatusMessage>
          {t('inputs.detail.thanks', { number: input.number })} {state.notified ? t('inputs.detail.thanksMail') : t('inputs.detail.thanksNoMail')}
        </StatusMessage>
      )}
      {message && <StatusMessage>{message}</StatusMessage>}
      {input.hidden && <div className="notice notice--info">{t('inputs.detail.hiddenNotice')}</div>}
      <p className="tags">
        <StatusTag status={input.status} />
        <span className="tag">{label(t, 'kind', input.kind)}</span>
        {input.theme && <span className="tag">{label(t, 'theme', input.theme)}</span>}
        {input.serviceType && <span className="tag">{label(t, 'serviceType', input.serviceType)}</span>}
      </p>
      <FollowButton kind="input" id={input.id} label={`#${input.number}`} />
      <blockquote className="input-text" data-testid="input-text">
        {input.text}
      </blockquote>
      <div className="inputs-layout">
        <section aria-labelledby="timeline-heading" className="section">
          <h2 id="timeline-heading">{t('inputs.detail.timeline')}</h2>
          <p className="muted">{t('inputs.detail.timelineLead')}</p>
          <ol className="timeline" data-testid="timeline">
            {input.timeline.map((change, index) => (
              <li key={index} className="timeline__item">
                <span className="timeline__date">
                  <time dateTime={change.at}>{formatDateTime(change.at)}</time>
                </span>
                <StatusTag status={change.toStatus} />
                {change.reason && <p className="timeline__reason">{change.reason}</p>}
                {change.plannedRef && <p className="timeline__reason">{t('inputs.detail.answeredBy', { label: change.plannedRef.label })}</p>}
              </li>
            ))}
          </ol>
        </section>
        {input.trail && <InputTrail trail={input.trail} />}
        <section aria-labelledby="facts-heading" className="section">
          <h2 id="facts-heading">{t('inputs.detail.facts')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('inputs.fields.received')}</dt>
              <dd>{formatDate(input.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('inputs.fields.place')}</dt>
              <dd>
                {input.localityId && input.localityName ? (
                  <>
                    <Link to={`/localities/${input.localityId}/dashboard`}>{input.localityName}</Link>
                    {input.municipalityName && `, ${input.municipalityName}`}
                  </>
                ) : (
                  [input.localityName, input.municipalityName].filter(Boolean).join(', ') || (input.point ? t('inputs.detail.mapPoint') : '–')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('inputs.fields.source')}</dt>
              <dd>
                {label(t, 'source', input.source)}
                {input.channel && ` (${label(t, 'channel', input.channel)})`}
                {input.enteredByName && ` – ${t('inputs.detail.enteredBy', { name: displayName(t, input.enteredByName) })}`}
              </dd>
            </div>
            {input.eventTitle && (
              <div>
                <dt>{t('inputs.fields.event')}</dt>
                <dd>
                  <Link to={`/events/${input.eventId}`}>{input.eventTitle}</Link>
                  {input.eventStartsAt && ` (${formatDate(input.eventStartsAt)})`}
                  {' · '}
                  <Link to={`/spaces/${space.id}/inputs?event=${input.eventId}`}>{t('inputs.detail.allFromEvent')}</Link>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('inputs.fields.submitterSector')}</dt>
              <dd>{label(t, 'sector', input.submitterSector)}</dd>
            </div>
            <div>
              <dt>{t('inputs.fields.submitterAgeGroup')}</dt>
              <dd>{label(t, 'ageGroup', input.submitterAgeGroup)}</dd>
            </div>
            {input.plannedRef && (
              <div>
                <dt>{t('inputs.fields.plannedRef')}</dt>
                <dd>{input.measureId ? <Link to={`/measures/${input.measureId}`}>{input.plannedRef.label}</Link> : input.plannedRef.label}</dd>
              </div>
            )}
            {input.plannedNote && !input.measureId && (
              <div>
                <dt>{t('actionPlans.inputs.plannedNote')}</dt>
                <dd>{input.plannedNote}</dd>
              </div>
            )}
            {input.notifiesSubmitter !== undefined && (
              <div>
                <dt>{t('inputs.fields.notices')}</dt>
                <dd>
                  {input.notifiesSubmitter ? t('inputs.detail.notifies') : t('inputs.detail.noNotices')}
                  {input.notifiesSubmitter && can('change_status') && (
                    <WithdrawConsentButton
                      kind="input"
                      id={input.id}
                      name={`#${input.number}`}
                      onDone={() => queryClient.invalidateQueries({ queryKey: inputKeys.detail(input.id) })}
                    />
                  )}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('inputs.fields.goals')}</dt>
              <dd>
                <GoalList goals={input.goals} targets={input.targets} />
              </dd>
            </div>
          </dl>
          {input.point && <InputsMap municipalityCodes={space.municipalityCodes} points={[{ id: input.id, lon: input.point.lon, lat: input.point.lat, status: input.status, title: input.text }]} label={t('inputs.map.oneLabel', { number: input.number })} />}
        </section>
      </div>
      {can('change_status') && (
        <section aria-labelledby="status-heading" className="section panel">
          <h2 id="status-heading">{t('inputs.change.heading')}</h2>
          <p className="muted">{t('inputs.change.lead')}</p>
          <StatusForm input={input} onChanged={(changed) => setMessage(t('inputs.change.saved', { status: label(t, 'status', changed.status) }))} />
        </section>
      )}
      {can('classify') && <ClassifySection input={input} onSaved={setMessage} />}
    </div>
  );
}

/** Leaders correct the theme, service type and goals, or hide an input from the public with a reason. */
function ClassifySection({ input, onSaved }: { input: InputDetail; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scope = 'classify';
  const [theme, setTheme] = useState(input.theme ?? '');
  const [serviceType, setServiceType] = useState(input.serviceType ?? '');
  const [chosen, setChosen] = useState({ goals: input.goals, targets: input.targets });
  // Open at first when the input is already tagged; after that the leader opens and closes it.
  const [tagged] = useState(input.goals.length > 0 || input.targets.length > 0);
  const [hideReason, setHideReason] = useState('');
  const save = useMutation({
    mutationFn: (body: object) => api.patchInput({ params: { id: input.id }, body: body }),
    onSuccess: async (changed, body) => {
      queryClient.setQueryData(inputKeys.detail(changed.id), changed);
      await queryClient.invalidateQueries({ queryKey: ['inputs', 'list'] });
      setHideReason('');
      onSaved('hidden' in body ? (changed.hidden ? t('inputs.classify.hiddenSaved') : t('inputs.classify.shownSaved')) : t('inputs.classify.saved'));
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ theme: theme || null, serviceType: theme === 'service' ? serviceType || null : null, goals: chosen.goals, targets: chosen.targets });
  };
  return (
    <section aria-labelledby="classify-heading" className="section panel">
      <h2 id="classify-heading">{t('inputs.classify.heading')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="classify-form">
        <ErrorSummary error={save.error} scope={scope} labels={{ theme: t('inputs.fields.theme'), serviceType: t('inputs.fields.serviceType'), reason: t('inputs.classify.hideReason'), targets: t('agenda2030.picker.legend') }} />
        <SelectField scope={scope} name="theme" label={t('inputs.fields.theme')} value={theme} onChange={(e) => setTheme(e.target.value)} error={fieldError(save.error, 'theme')} options={optionsOf(t, 'theme', THEMES, t('inputs.form.noTheme'))} />
        {theme === 'service' && (
          <SelectField scope={scope} name="serviceType" label={t('inputs.fields.serviceType')} value={serviceType} onChange={(e) => setServiceType(e.target.value)} error={fieldError(save.error, 'serviceType')} options={optionsOf(t, 'serviceType', SERVICE_TYPES, t('common.choose'))} />
        )}
        <details open={tagged}>
          <summary>{t('inputs.form.goalsSummary')}</summary>
          <GoalTargetPicker scope={scope} goals={chosen.goals} targets={chosen.targets} onChange={setChosen} error={tagsError(save.error)} />
        </details>
        <div className="form-row__submit">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('inputs.classify.save')}
          </button>
        </div>
      </form>
      <h3>{input.hidden ? t('inputs.classify.showHeading') : t('inputs.classify.hideHeading')}</h3>
      {input.hidden ? (
        <button type="button" className="button button--secondary" onClick={() => save.mutate({ hidden: false })}>
          {t('inputs.classify.show')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ hidden: true, reason: hideReason });
          }}
          noValidate
        >
          <TextAreaField scope={scope} name="reason" label={t('inputs.classify.hideReason')} hint={t('inputs.classify.hideHint')} rows={2} value={hideReason} onChange={(e) => setHideReason(e.target.value)} error={fieldError(save.error, 'reason')} />
          <button type="submit" className="button button--warning">
            {t('inputs.classify.hide')}
          </button>
        </form>
      )}
    </section>
  );
}
