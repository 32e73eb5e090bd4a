import type { FeedbackForm, Space } from '@samhandling/contracts';
import { valuesOf } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, isApiError } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { CheckboxField, ErrorSummary, fieldError, fieldId, Loading, SelectField, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { MoveButtons } from '../../components/MoveButtons.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { SpaceShell } from '../processes/SpaceShell.tsx';
import { atFormFields, move } from '../processes/template-form.ts';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { emptyQuestion, feedbackBodyOf, feedbackDraftOf, optionsOf, type FeedbackFormDraft, type QuestionDraft } from './feedback-form.ts';

const SCOPE = 'feedback-edit';

/** Attach a new feedback form to one of the space's events (`/spaces/:id/feedback/new?event=…`). */
export function NewFeedbackFormPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={() => t('editors.feedback.newTitle')}>
      {(space) => (
        <div className="container">
          <SpaceSubnav space={space} />
          <h1>{t('editors.feedback.newTitle')}</h1>
          <p className="lead">{t('editors.feedback.lead')}</p>
          {space.allowedActions.includes('manage_people') ? <FeedbackFormEditor space={space} /> : <p>{t('editors.notAllowed')}</p>}
        </div>
      )}
    </SpaceShell>
  );
}

/** Rewrite a form (`/feedback/:id/edit`): freely until it has answers, then within what keeps them meaningful. */
export function EditFeedbackFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const form = useQuery({ queryKey: ['feedback-form', id], queryFn: () => api.getFeedbackForm({ params: { id } }), retry: false });
  const results = useQuery({
    queryKey: ['feedback-results', id],
    queryFn: () => api.getFeedbackResults({ params: { id }, query: { format: 'json' } }),
    retry: false,
    enabled: form.isSuccess,
  });
  const space = useSpace(form.data?.spaceId ?? '');
  usePageTitle(form.data ? t('editors.feedback.editTitle', { title: form.data.title }) : t('process.nav.feedback'));
  if (form.isPending || (form.isSuccess && (results.isPending || space.isPending)))
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (form.isError) {
    if (isApiError(form.error) && form.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={form.error} />;
  }
  if (results.isError || space.isError) return <NotFoundPage />;
  const f = form.data;
  const respondents = results.data?.respondents ?? 0;
  const message = (location.state as { message?: string } | null)?.message;
  return (
    <div className="container">
      <SpaceSubnav space={space.data!} />
      <h1>{t('editors.feedback.editTitle', { title: f.title })}</h1>
      {message && <StatusMessage>{message}</StatusMessage>}
      <FormLinks form={f} />
      {respondents > 0 && (
        <div className="notice notice--info" data-testid="answered-notice">
          <p>{t('editors.feedback.answered', { count: respondents })}</p>
        </div>
      )}
      {space.data!.allowedActions.includes('manage_people') ? (
        <FeedbackFormEditor key={f.id + f.title} space={space.data!} form={f} answered={respondents > 0} />
      ) : (
        <p>{t('editors.notAllowed')}</p>
      )}
    </div>
  );
}

/** The link and QR code participants open the form by, and where its results are. */
function FormLinks({ form }: { form: FeedbackForm }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}/feedback/${form.id}`;
  return (
    <section aria-labelledby="form-links" className="section">
      <h2 id="form-links">{t('editors.feedback.linkHeading')}</h2>
      <p>
        {t('editors.feedback.linkText')}{' '}
        <a href={`/feedback/${form.id}`} data-testid="form-link">
          {url}
        </a>
      </p>
      <figure className="feedback-qr">
        <img
          src={`/api/feedback-forms/${form.id}/qr.svg`}
          alt={t('process.feedback.results.qrAlt', { title: form.title })}
          width={160}
          height={160}
        />
        <figcaption>{t('process.feedback.results.qr')}</figcaption>
      </figure>
      <p>
        <Link to={`/feedback/${form.id}/results`}>{t('editors.feedback.results')}</Link>
      </p>
    </section>
  );
}

function FeedbackFormEditor({ space, form, answered = false }: { space: Space; form?: FeedbackForm; answered?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [d, setD] = useState<FeedbackFormDraft>(() =>
    feedbackDraftOf(form, answered, new URLSearchParams(location.search).get('event') ?? ''),
  );
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);
  const events = useQuery({
    queryKey: ['events', space.id, 'all'],
    queryFn: () => api.getSpaceEvents({ params: { id: space.id }, query: { when: 'all' } }),
    enabled: !form,
  });
  const processes = useQuery({ queryKey: ['processes', space.id], queryFn: () => api.getSpaceProcesses({ params: { id: space.id } }) });
  const process = useQuery({
    queryKey: ['process', d.processId],
    queryFn: () => api.getProcess({ params: { id: d.processId } }),
    enabled: !!d.processId,
  });
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof feedbackBodyOf>) =>
      form ? api.updateFeedbackForm({ params: { id: form.id }, body }) : api.createFeedbackForm({ params: { id: d.eventId }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['feedback-form', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['feedback-forms', space.id] });
      void navigate(`/feedback/${saved.id}/edit`, { state: { message: t('editors.saved') } });
    },
  });
  // One object per answer of the API: the error summary takes the focus each time its error changes.
  const apiError = useMemo(() => atFormFields(save.error), [save.error]);
  const error = localError ?? apiError;
  const errorFor = (path: string) => fieldError(error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form && !d.eventId) {
      save.reset();
      setLocalError(
        new ApiError(400, {
          code: 'invalid',
          message: t('editors.feedback.checkFields'),
          fields: { eventId: t('editors.feedback.chooseEvent') },
        }),
      );
      return;
    }
    setLocalError(null);
    save.mutate(feedbackBodyOf(d));
  };
  const setQuestions = (questions: QuestionDraft[]) => setD({ ...d, questions });
  const update = (i: number, patch: Partial<QuestionDraft>) => setQuestions(d.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)));

  const labels: Record<string, string> = {
    eventId: t('editors.feedback.event'),
    title: t('editors.feedback.title'),
    intro: t('editors.feedback.intro'),
    processId: t('editors.feedback.process'),
    stepId: t('editors.feedback.step'),
    questions: t('editors.feedback.questions'),
  };
  d.questions.forEach((_, i) => {
    const q = t('editors.feedback.questionN', { n: i + 1 });
    labels[`questions.${i}.text`] = `${q}: ${t('editors.feedback.questionText')}`;
    labels[`questions.${i}.kind`] = `${q}: ${t('editors.feedback.kind')}`;
    labels[`questions.${i}.options`] = `${q}: ${t('editors.feedback.options')}`;
    labels[`questions.${i}.scaleLabels.0`] = `${q}: ${t('editors.feedback.low')}`;
    labels[`questions.${i}.scaleLabels.1`] = `${q}: ${t('editors.feedback.high')}`;
    labels[`questions.${i}.id`] = q;
  });
  const steps = process.data?.phases.flatMap((p) => p.steps) ?? [];

  return (
    <>
      <form onSubmit={submit} noValidate data-testid="feedback-form-editor">
        <ErrorSummary error={error} scope={SCOPE} labels={labels} />
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {form ? (
          <p>{t('editors.feedback.onEvent', { event: [form.eventTitle, form.municipalityName].filter(Boolean).join(', ') || '–' })}</p>
        ) : (
          <SelectField
            scope={SCOPE}
            name="eventId"
            label={labels.eventId}
            required
            value={d.eventId}
            onChange={(e) => setD({ ...d, eventId: e.target.value })}
            options={[
              { value: '', label: t('editors.feedback.chooseEvent') },
              ...(events.data ?? []).map((ev) => ({ value: ev.id, label: `${ev.title} (${formatDate(ev.startsAt)})` })),
            ]}
            error={errorFor('eventId')}
          />
        )}
        <div className="form-row">
          <SelectField
            scope={SCOPE}
            name="processId"
            label={labels.processId}
            hint={t('editors.feedback.processHint')}
            value={d.processId}
            onChange={(e) => setD({ ...d, processId: e.target.value, stepId: '' })}
            options={[
              { value: '', label: t('editors.feedback.noProcess') },
              ...(processes.data ?? []).map((p) => ({ value: p.id, label: [p.name, p.municipalityName].filter(Boolean).join(' – ') })),
            ]}
            error={errorFor('processId')}
          />
          {d.processId && (
            <SelectField
              scope={SCOPE}
              name="stepId"
              label={labels.stepId}
              value={d.stepId}
              onChange={(e) => setD({ ...d, stepId: e.target.value })}
              options={[{ value: '', label: t('editors.feedback.noStep') }, ...steps.map((s) => ({ value: s.id, label: s.title }))]}
              error={errorFor('stepId')}
            />
          )}
        </div>
        <TextField
          scope={SCOPE}
          name="title"
          label={labels.title}
          required
          value={d.title}
          onChange={(e) => setD({ ...d, title: e.target.value })}
          error={errorFor('title')}
        />
        <TextAreaField
          scope={SCOPE}
          name="intro"
          label={labels.intro}
          rows={2}
          value={d.intro}
          onChange={(e) => setD({ ...d, intro: e.target.value })}
          error={errorFor('intro')}
        />
        <fieldset className="fieldset" id={fieldId('questions', SCOPE)} tabIndex={-1}>
          <legend>{labels.questions}</legend>
          {errorFor('questions') && <p className="field__error">{errorFor('questions')}</p>}
          {d.questions.map((q, i) => {
            const label = t('editors.feedback.questionN', { n: i + 1 });
            const name = (field: string) => `questions.${i}.${field}`;
            return (
              <fieldset key={q.key} className="fieldset editor-block" data-testid="question-fields">
                <legend>{q.text ? `${label}: ${q.text}` : label}</legend>
                {q.locked ? (
                  <p>
                    {t('editors.feedback.kind')}: <strong>{enumLabel(t, 'feedbackQuestionKind', q.kind)}</strong>{' '}
                    <span className="muted">({t('editors.feedback.kindLocked')})</span>
                  </p>
                ) : (
                  <SelectField
                    scope={SCOPE}
                    name={name('kind')}
                    label={t('editors.feedback.kind')}
                    value={q.kind}
                    onChange={(e) => {
                      const kind = e.target.value as QuestionDraft['kind'];
                      update(i, {
                        kind,
                        ...(kind === 'scale' && !q.low && !q.high ? { low: emptyQuestion().low, high: emptyQuestion().high } : {}),
                      });
                    }}
                    options={valuesOf('feedbackQuestionKind').map((k) => ({ value: k, label: enumLabel(t, 'feedbackQuestionKind', k) }))}
                    error={errorFor(name('kind'))}
                  />
                )}
                {q.locked && errorFor(name('kind')) && <p className="field__error">{errorFor(name('kind'))}</p>}
                <TextField
                  scope={SCOPE}
                  name={name('text')}
                  label={t('editors.feedback.questionText')}
                  required
                  value={q.text}
                  onChange={(e) => update(i, { text: e.target.value })}
                  error={errorFor(name('text'))}
                />
                <CheckboxField
                  scope={SCOPE}
                  name={name('required')}
                  label={t('editors.feedback.required')}
                  checked={q.required}
                  onChange={(required) => update(i, { required })}
                />
                {q.kind === 'scale' && (
                  <div className="form-row">
                    <TextField
                      scope={SCOPE}
                      name={name('scaleLabels.0')}
                      label={t('editors.feedback.low')}
                      value={q.low}
                      onChange={(e) => update(i, { low: e.target.value })}
                      error={errorFor(name('scaleLabels.0'))}
                    />
                    <TextField
                      scope={SCOPE}
                      name={name('scaleLabels.1')}
                      label={t('editors.feedback.high')}
                      value={q.high}
                      onChange={(e) => update(i, { high: e.target.value })}
                      error={errorFor(name('scaleLabels.1'))}
                    />
                  </div>
                )}
                {(q.kind === 'single' || q.kind === 'multiple') && (
                  <TextAreaField
                    scope={SCOPE}
                    name={name('options')}
                    label={t('editors.feedback.options')}
                    hint={q.locked ? t('editors.feedback.optionsLocked') : t('editors.onePerLine')}
                    rows={4}
                    value={q.options}
                    onChange={(e) => update(i, { options: e.target.value })}
                    error={errorFor(name('options'))}
                  />
                )}
                <MoveButtons
                  idBase={`question-${q.key}`}
                  what={label}
                  first={i === 0}
                  last={i === d.questions.length - 1}
                  onMove={(delta) => {
                    setQuestions(move(d.questions, i, delta));
                    setAnnouncement(t('editors.feedback.moved', { title: q.text || label, n: i + 1 + delta }));
                  }}
                  onRemove={
                    q.locked || d.questions.length === 1
                      ? undefined
                      : () => {
                          setQuestions(d.questions.filter((_, k) => k !== i));
                          setAnnouncement(t('editors.removed', { what: label }));
                          setFocus('feedback-add-question');
                        }
                  }
                />
              </fieldset>
            );
          })}
          <button
            type="button"
            id="feedback-add-question"
            className="button button--secondary button--small"
            onClick={() => {
              setQuestions([...d.questions, emptyQuestion()]);
              setFocus(fieldId(`questions.${d.questions.length}.kind`, SCOPE));
            }}
          >
            {t('editors.feedback.addQuestion')}
          </button>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('editors.feedback.about')}</legend>
          <CheckboxField
            scope={SCOPE}
            name="askSector"
            label={t('editors.feedback.askSector')}
            checked={d.askSector}
            onChange={(askSector) => setD({ ...d, askSector })}
          />
          <CheckboxField
            scope={SCOPE}
            name="askAgeGroup"
            label={t('editors.feedback.askAgeGroup')}
            checked={d.askAgeGroup}
            onChange={(askAgeGroup) => setD({ ...d, askAgeGroup })}
          />
        </fieldset>
        <div className="button-group">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('editors.feedback.save')}
          </button>
          <Link className="button button--secondary" to={`/spaces/${space.id}/feedback`}>
            {t('editors.cancel')}
          </Link>
        </div>
      </form>
      <Preview draft={d} />
    </>
  );
}

/** What a participant will see, as it stands in the editor (not yet saved). */
function Preview({ draft: d }: { draft: FeedbackFormDraft }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="feedback-preview" className="section panel" data-testid="feedback-preview">
      <h2 id="feedback-preview">{t('editors.feedback.preview')}</h2>
      <p className="muted">{t('editors.feedback.previewHint')}</p>
      <h3>{d.title || t('editors.feedback.untitled')}</h3>
      {d.intro && <p>{d.intro}</p>}
      <ol>
        {d.questions.map((q) => (
          <li key={q.key}>
            <p>
              <strong>{q.text || t('editors.feedback.noText')}</strong>
              {q.required && <> ({t('form.required')})</>}
            </p>
            {q.kind === 'scale' ? (
              <p>{t('editors.feedback.previewScale', { low: q.low || emptyQuestion().low, high: q.high || emptyQuestion().high })}</p>
            ) : q.kind === 'text' ? (
              <p>{t('editors.feedback.previewText')}</p>
            ) : (
              <>
                <p>{t(q.kind === 'single' ? 'editors.feedback.previewSingle' : 'editors.feedback.previewMultiple')}</p>
                <ul>
                  {optionsOf(q.options).map((o, k) => (
                    <li key={k}>{o}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
      {(d.askSector || d.askAgeGroup) && (
        <p>{t('editors.feedback.previewAbout', { context: d.askSector && d.askAgeGroup ? 'both' : d.askSector ? 'sector' : 'age' })}</p>
      )}
    </section>
  );
}
