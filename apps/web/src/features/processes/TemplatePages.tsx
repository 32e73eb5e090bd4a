import type { ProcessTemplate, Space } from '@samhandling/contracts';
import { criterionKind, eventKind } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, isApiError } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import {
  ErrorSummary,
  fieldError,
  fieldId,
  Loading,
  QueryError,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { RowList } from '../plans/RowList.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { StepGuidance } from './StepGuidance.tsx';
import { SpaceShell } from './SpaceShell.tsx';
import {
  atFormFields,
  CRITERION_MIN,
  emptyMaterial,
  emptyPhase,
  emptyStep,
  move,
  templateBodyOf,
  templateDraftOf,
  type PhaseDraft,
  type StepDraft,
  type TemplateDraft,
} from './template-form.ts';

export const templateKeys = {
  list: (spaceId: string) => ['process-templates', spaceId] as const,
  one: (id: string) => ['process-template', id] as const,
};

const SCOPE = 'template-edit';

/** A space's process templates: the shipped TALKO process and the space's own. */
export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={(s) => (s ? t('editors.templates.title', { name: s.name }) : t('editors.templates.nav'))}>
      {(space) => <TemplatesView space={space} />}
    </SpaceShell>
  );
}

function TemplatesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: templateKeys.list(space.id),
    queryFn: () => api.getProcessTemplates({ query: { spaceId: space.id } }),
  });
  const leads = space.allowedActions.includes('manage_people');
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('editors.templates.title', { name: space.name })}</h1>
      <p className="lead">{t('editors.templates.lead')}</p>
      {leads && (
        <p>
          <Link className="button" to={`/spaces/${space.id}/process-templates/new`} data-testid="template-new">
            {t('editors.templates.new')}
          </Link>
        </p>
      )}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <QueryError error={templates.error} />
      ) : (
        <DataTable
          caption={t('editors.templates.caption')}
          testId="templates-table"
          rows={templates.data}
          rowKey={(x) => x.id}
          columns={[
            {
              key: 'name',
              header: t('editors.templates.name'),
              rowHeader: true,
              cell: (x) => <Link to={`/process-templates/${x.id}?space=${space.id}`}>{x.name}</Link>,
            },
            {
              key: 'origin',
              header: t('editors.templates.origin'),
              cell: (x) => (x.builtIn ? t('editors.templates.builtIn') : t('editors.templates.own')),
            },
            { key: 'phases', header: t('editors.templates.phases'), numeric: true, cell: (x) => formatNumber(x.phases.length) },
            {
              key: 'steps',
              header: t('editors.templates.steps'),
              numeric: true,
              cell: (x) => formatNumber(x.phases.reduce((n, p) => n + p.steps.length, 0)),
            },
          ]}
        />
      )}
      <p>
        <Link to={`/spaces/${space.id}/processes`}>{t('editors.templates.toProcesses')}</Link>
      </p>
    </div>
  );
}

function useTemplate(id: string) {
  return useQuery({ queryKey: templateKeys.one(id), queryFn: () => api.getProcessTemplate({ params: { id } }), retry: false });
}

/** One template as a facilitator reads it: phases, steps, guidance, checklist, material and what completes each step. */
export function TemplatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const template = useTemplate(id);
  usePageTitle(template.data ? t('editors.template.title', { name: template.data.name }) : t('editors.templates.nav'));
  if (template.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={template.error} />;
  }
  const x = template.data;
  const message = (location.state as { message?: string } | null)?.message;
  const spaceId = x.spaceId ?? new URLSearchParams(location.search).get('space');
  return (
    <div className="container" data-testid="template-view">
      {spaceId && (
        <p>
          <Link to={`/spaces/${spaceId}/process-templates`}>{t('editors.templates.nav')}</Link>
        </p>
      )}
      <h1>{t('editors.template.title', { name: x.name })}</h1>
      {message && <StatusMessage>{message}</StatusMessage>}
      {x.description && <p className="lead">{x.description}</p>}
      {x.builtIn && <p>{t('editors.template.builtInNote')}</p>}
      {x.allowedActions.includes('update') && (
        <p>
          <Link className="button button--secondary" to={`/process-templates/${x.id}/edit`}>
            {t('editors.template.edit')}
          </Link>
        </p>
      )}
      <ol className="process-phases">
        {x.phases.map((phase, i) => (
          <li key={phase.id} className="process-phase">
            <h2>{t('process.view.phase', { n: i + 1, title: phase.title })}</h2>
            <ol className="process-steps">
              {phase.steps.map((step) => (
                <li key={step.id} className="card" data-testid="template-step">
                  <h3 className="card__title">{step.title}</h3>
                  <p>
                    {step.criterion
                      ? t('process.view.criterion', { text: criterionText(t, step.criterion) })
                      : t('editors.template.manualCriterion')}{' '}
                    · {t('editors.template.dueAfter', { count: step.dueAfterDays })}
                  </p>
                  <StepGuidance step={step} />
                  {step.material.length > 0 && (
                    <>
                      <h4>{t('process.view.material')}</h4>
                      <ul>
                        {step.material.map((m, k) => (
                          <li key={k}>
                            {m.libraryItemId ? (
                              <Link to={`/library/${m.libraryItemId}`}>
                                {m.title} <span className="muted">({t('editors.template.fromLibrary')})</span>
                              </Link>
                            ) : m.url ? (
                              <a href={m.url}>{m.title}</a>
                            ) : (
                              m.title
                            )}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      <CopyTemplate template={x} />
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];
function criterionText(t: T, c: NonNullable<ProcessTemplate['phases'][number]['steps'][number]['criterion']>): string {
  const base = t(`process.view.criterionKind.${c.kind}`, { min: c.min ?? CRITERION_MIN[c.kind] ?? 1 });
  return c.kind === 'event_held' && c.eventKind ? `${base} (${enumLabel(t, 'eventKind', c.eventKind)})` : base;
}

/** Copy the template into another space the visitor leads. */
function CopyTemplate({ template }: { template: ProcessTemplate }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const spaces = useQuery({
    queryKey: ['spaces', 'mine'],
    queryFn: () => api.listSpaces({ query: { mine: 'true' } }),
    enabled: !!me.data,
  });
  const leads = (spaces.data ?? []).filter((s) => s.allowedActions.includes('manage_people'));
  const [spaceId, setSpaceId] = useState('');
  const copy = useMutation({
    mutationFn: () => api.copyProcessTemplate({ params: { id: template.id }, body: { spaceId: spaceId || leads[0]?.id || '' } }),
    onSuccess: (copied) => navigate(`/process-templates/${copied.id}`, { state: { message: t('editors.template.copied') } }),
  });
  if (leads.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    copy.mutate();
  };
  return (
    <section aria-labelledby="copy-template" className="section">
      <h2 id="copy-template">{t('editors.template.copyHeading')}</h2>
      <form onSubmit={submit} className="form" noValidate>
        <ErrorSummary error={copy.error} scope="copy" />
        <SelectField
          scope="copy"
          label={t('editors.template.copyTo')}
          name="spaceId"
          value={spaceId}
          onChange={(e) => setSpaceId(e.target.value)}
          options={leads.map((s) => ({ value: s.id, label: s.name }))}
          error={fieldError(copy.error, 'spaceId')}
        />
        <button type="submit" className="button" disabled={copy.isPending}>
          {t('editors.template.copy')}
        </button>
      </form>
    </section>
  );
}

/** Write a new template for a space (`/spaces/:id/process-templates/new`). */
export function NewTemplatePage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={() => t('editors.template.newTitle')}>
      {(space) => (
        <div className="container">
          <SpaceSubnav space={space} />
          <h1>{t('editors.template.newTitle')}</h1>
          <p className="lead">{t('editors.template.editorLead')}</p>
          {space.allowedActions.includes('manage_people') ? <TemplateEditor spaceId={space.id} /> : <p>{t('editors.notAllowed')}</p>}
        </div>
      )}
    </SpaceShell>
  );
}

/** Rewrite a space's template (`/process-templates/:id/edit`). */
export function EditTemplatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const template = useTemplate(id);
  usePageTitle(template.data ? t('editors.template.editTitle', { name: template.data.name }) : t('editors.templates.nav'));
  if (template.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={template.error} />;
  }
  return (
    <div className="container">
      <p>
        <Link to={`/process-templates/${id}`}>{template.data.name}</Link>
      </p>
      <h1>{t('editors.template.editTitle', { name: template.data.name })}</h1>
      <p className="lead">{t('editors.template.editorLead')}</p>
      <p>{t('editors.template.startedKeep')}</p>
      {template.data.allowedActions.includes('update') ? (
        <TemplateEditor spaceId={template.data.spaceId!} template={template.data} />
      ) : (
        <p>{t('editors.notAllowed')}</p>
      )}
    </div>
  );
}

function TemplateEditor({ spaceId, template }: { spaceId: string; template?: ProcessTemplate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<TemplateDraft>(() => templateDraftOf(template));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);
  const library = useQuery({ queryKey: ['library', 'picker'], queryFn: () => api.searchLibrary({ query: { limit: 100 } }) });
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof templateBodyOf>['body']) =>
      template
        ? api.updateProcessTemplate({ params: { id: template.id }, body })
        : api.createProcessTemplate({ body: { spaceId, ...body } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(templateKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: templateKeys.list(spaceId) });
      void navigate(`/process-templates/${saved.id}`, { state: { message: t('editors.saved') } });
    },
  });
  // One object per answer of the API: the error summary takes the focus each time its error changes.
  const apiError = useMemo(() => atFormFields(save.error), [save.error]);
  const error = localError ?? apiError;
  const errorFor = (path: string) => fieldError(error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, problems } = templateBodyOf(d);
    const fields = Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, t(`editors.${problem}`)]));
    if (Object.keys(fields).length > 0) {
      save.reset();
      setLocalError(new ApiError(400, { code: 'invalid', message: t('editors.checkNumbers'), fields }));
      return;
    }
    setLocalError(null);
    save.mutate(body);
  };

  const setPhases = (phases: PhaseDraft[]) => setD({ ...d, phases });
  const updatePhase = (i: number, patch: Partial<PhaseDraft>) => setPhases(d.phases.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  const updateStep = (i: number, j: number, patch: Partial<StepDraft>) =>
    updatePhase(i, { steps: d.phases[i]!.steps.map((s, k) => (k === j ? { ...s, ...patch } : s)) });
  const movePhase = (i: number, delta: -1 | 1) => {
    const moved = move(d.phases, i, delta);
    if (moved === d.phases) return;
    setPhases(moved);
    setAnnouncement(
      t('editors.template.phaseMoved', { title: d.phases[i]!.title || t('editors.template.phaseN', { n: i + 1 }), n: i + 1 + delta }),
    );
  };
  const moveStep = (i: number, j: number, delta: -1 | 1) => {
    const steps = d.phases[i]!.steps;
    const moved = move(steps, j, delta);
    if (moved === steps) return;
    updatePhase(i, { steps: moved });
    setAnnouncement(
      t('editors.template.stepMoved', {
        title: steps[j]!.title || t('editors.template.stepN', { n: `${i + 1}.${j + 1}` }),
        n: j + 1 + delta,
      }),
    );
  };

  // Labels for the error summary: every field the API may name.
  const labels: Record<string, string> = { name: t('editors.template.name'), description: t('editors.template.description') };
  d.phases.forEach((p, i) => {
    const phase = t('editors.template.phaseN', { n: i + 1 });
    labels[`phases.${i}.title`] = `${phase}: ${t('editors.template.phaseTitle')}`;
    labels[`phases.${i}.steps`] = phase;
    p.steps.forEach((s, j) => {
      const step = t('editors.template.stepN', { n: `${i + 1}.${j + 1}` });
      const at = (field: string, label: string) => (labels[`phases.${i}.steps.${j}.${field}`] = `${step}: ${label}`);
      at('title', t('editors.template.stepTitle'));
      for (const k of ['what', 'why', 'who', 'duration'] as const) at(`guidance.${k}`, t(`process.view.${k}`));
      at('checklist', t('process.view.checklist'));
      at('criterion.min', t('editors.template.min'));
      at('dueAfterDays', t('editors.template.dueAfterDays'));
      s.material.forEach((_, k) => {
        at(`material.${k}.title`, `${t('editors.template.materialN', { n: k + 1 })}, ${t('editors.template.materialTitle')}`);
        at(`material.${k}.url`, `${t('editors.template.materialN', { n: k + 1 })}, ${t('editors.template.materialUrl')}`);
        at(`material.${k}.libraryItemId`, `${t('editors.template.materialN', { n: k + 1 })}, ${t('editors.template.libraryItem')}`);
      });
    });
  });
  const libraryOptions = [
    { value: '', label: t('editors.template.noLibraryItem') },
    ...(library.data?.items ?? []).map((item) => ({ value: item.id, label: item.title })),
  ];

  return (
    <form onSubmit={submit} noValidate className="template-editor" data-testid="template-form">
      <ErrorSummary error={error} scope={SCOPE} labels={labels} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <TextField
        scope={SCOPE}
        name="name"
        label={labels.name}
        required
        value={d.name}
        onChange={(e) => setD({ ...d, name: e.target.value })}
        error={errorFor('name')}
      />
      <TextAreaField
        scope={SCOPE}
        name="description"
        label={labels.description}
        rows={3}
        value={d.description}
        onChange={(e) => setD({ ...d, description: e.target.value })}
        error={errorFor('description')}
      />
      {d.phases.map((phase, i) => {
        const phaseLabel = t('editors.template.phaseN', { n: i + 1 });
        return (
          <fieldset key={phase.key} className="fieldset editor-block" data-testid="template-phase">
            <legend>{phase.title ? `${phaseLabel}: ${phase.title}` : phaseLabel}</legend>
            {errorFor(`phases.${i}.steps`) && <p className="field__error">{errorFor(`phases.${i}.steps`)}</p>}
            <TextField
              scope={SCOPE}
              name={`phases.${i}.title`}
              label={t('editors.template.phaseTitle')}
              required
              value={phase.title}
              onChange={(e) => updatePhase(i, { title: e.target.value })}
              error={errorFor(`phases.${i}.title`)}
            />
            <MoveButtons
              idBase={`phase-${phase.key}`}
              what={phaseLabel}
              first={i === 0}
              last={i === d.phases.length - 1}
              onMove={(delta) => movePhase(i, delta)}
              onRemove={
                d.phases.length > 1
                  ? () => {
                      setPhases(d.phases.filter((_, k) => k !== i));
                      setAnnouncement(t('editors.removed', { what: phaseLabel }));
                      setFocus('template-add-phase');
                    }
                  : undefined
              }
            />
            {phase.steps.map((step, j) => (
              <StepFields
                key={step.key}
                step={step}
                path={`phases.${i}.steps.${j}`}
                label={t('editors.template.stepN', { n: `${i + 1}.${j + 1}` })}
                first={j === 0}
                last={j === phase.steps.length - 1}
                errorFor={errorFor}
                libraryOptions={libraryOptions}
                onChange={(patch) => updateStep(i, j, patch)}
                onMove={(delta) => moveStep(i, j, delta)}
                onRemove={
                  phase.steps.length > 1
                    ? () => {
                        updatePhase(i, { steps: phase.steps.filter((_, k) => k !== j) });
                        setAnnouncement(t('editors.removed', { what: t('editors.template.stepN', { n: `${i + 1}.${j + 1}` }) }));
                        setFocus(`add-step-${phase.key}`);
                      }
                    : undefined
                }
              />
            ))}
            <button
              type="button"
              id={`add-step-${phase.key}`}
              className="button button--secondary button--small"
              onClick={() => {
                updatePhase(i, { steps: [...phase.steps, emptyStep()] });
                setFocus(fieldId(`phases.${i}.steps.${phase.steps.length}.title`, SCOPE));
              }}
            >
              {t('editors.template.addStep', { phase: phaseLabel })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          id="template-add-phase"
          className="button button--secondary"
          onClick={() => {
            setPhases([...d.phases, emptyPhase()]);
            setFocus(fieldId(`phases.${d.phases.length}.title`, SCOPE));
          }}
        >
          {t('editors.template.addPhase')}
        </button>
      </p>
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('editors.template.save')}
        </button>
        <Link
          className="button button--secondary"
          to={template ? `/process-templates/${template.id}` : `/spaces/${spaceId}/process-templates`}
        >
          {t('editors.cancel')}
        </Link>
      </div>
    </form>
  );
}

/**
 * Move up, move down and remove, named for the item ("Flytta upp steg 1.2"). At the ends a move
 * button stays in place (aria-disabled) so that the focus a keyboard user has on it is not lost.
 */
export function MoveButtons({
  idBase,
  what,
  first,
  last,
  onMove,
  onRemove,
}: {
  idBase: string;
  what: string;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-group editor-moves">
      <button
        type="button"
        id={`${idBase}-up`}
        className="button button--secondary button--small"
        aria-disabled={first || undefined}
        onClick={() => !first && onMove(-1)}
      >
        {t('editors.moveUp', { what })}
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        className="button button--secondary button--small"
        aria-disabled={last || undefined}
        onClick={() => !last && onMove(1)}
      >
        {t('editors.moveDown', { what })}
      </button>
      {onRemove && (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('editors.remove', { what })}
        </button>
      )}
    </div>
  );
}

function StepFields({
  step,
  path,
  label,
  first,
  last,
  errorFor,
  libraryOptions,
  onChange,
  onMove,
  onRemove,
}: {
  step: StepDraft;
  path: string;
  label: string;
  first: boolean;
  last: boolean;
  errorFor: (path: string) => string | undefined;
  libraryOptions: { value: string; label: string }[];
  onChange: (patch: Partial<StepDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const name = (field: string) => `${path}.${field}`;
  return (
    <fieldset className="fieldset editor-block editor-block--inner" data-testid="template-step-fields">
      <legend>{step.title ? `${label}: ${step.title}` : label}</legend>
      <TextField
        scope={SCOPE}
        name={name('title')}
        label={t('editors.template.stepTitle')}
        required
        value={step.title}
        onChange={(e) => onChange({ title: e.target.value })}
        error={errorFor(name('title'))}
      />
      <div className="form-row">
        <TextAreaField
          scope={SCOPE}
          name={name('guidance.what')}
          label={t('editors.template.what')}
          rows={2}
          value={step.what}
          onChange={(e) => onChange({ what: e.target.value })}
          error={errorFor(name('guidance.what'))}
        />
        <TextAreaField
          scope={SCOPE}
          name={name('guidance.why')}
          label={t('editors.template.why')}
          rows={2}
          value={step.why}
          onChange={(e) => onChange({ why: e.target.value })}
          error={errorFor(name('guidance.why'))}
        />
      </div>
      <div className="form-row">
        <TextField
          scope={SCOPE}
          name={name('guidance.who')}
          label={t('editors.template.who')}
          value={step.who}
          onChange={(e) => onChange({ who: e.target.value })}
          error={errorFor(name('guidance.who'))}
        />
        <TextField
          scope={SCOPE}
          name={name('guidance.duration')}
          label={t('editors.template.duration')}
          hint={t('editors.template.durationHint')}
          value={step.duration}
          onChange={(e) => onChange({ duration: e.target.value })}
          error={errorFor(name('guidance.duration'))}
        />
      </div>
      <TextAreaField
        scope={SCOPE}
        name={name('checklist')}
        label={t('process.view.checklist')}
        hint={t('editors.onePerLine')}
        rows={3}
        value={step.checklist}
        onChange={(e) => onChange({ checklist: e.target.value })}
        error={errorFor(name('checklist'))}
      />
      <RowList
        heading={t('process.view.material')}
        testId="material-rows"
        rows={step.material}
        onChange={(material) => onChange({ material })}
        newRow={emptyMaterial}
        legend={(n) => t('editors.template.materialN', { n })}
        removeLabel={(n) => t('editors.remove', { what: `${label}, ${t('editors.template.materialN', { n })}` })}
        addLabel={t('editors.template.addMaterial', { step: label })}
        empty={t('editors.template.noMaterial')}
        firstField={(k) => fieldId(name(`material.${k}.title`), SCOPE)}
      >
        {(m, k, update) => (
          <div className="form-row">
            <TextField
              scope={SCOPE}
              name={name(`material.${k}.title`)}
              label={t('editors.template.materialTitle')}
              required
              value={m.title}
              onChange={(e) => update({ title: e.target.value })}
              error={errorFor(name(`material.${k}.title`))}
            />
            <SelectField
              scope={SCOPE}
              name={name(`material.${k}.libraryItemId`)}
              label={t('editors.template.libraryItem')}
              value={m.libraryItemId}
              onChange={(e) => {
                const item = libraryOptions.find((o) => o.value === e.target.value);
                update({ libraryItemId: e.target.value, ...(item && e.target.value && !m.title ? { title: item.label } : {}) });
              }}
              options={libraryOptions}
              error={errorFor(name(`material.${k}.libraryItemId`))}
            />
            {!m.libraryItemId && (
              <TextField
                scope={SCOPE}
                name={name(`material.${k}.url`)}
                label={t('editors.template.materialUrl')}
                inputMode="url"
                value={m.url}
                onChange={(e) => update({ url: e.target.value })}
                error={errorFor(name(`material.${k}.url`))}
              />
            )}
          </div>
        )}
      </RowList>
      <div className="form-row">
        <SelectField
          scope={SCOPE}
          name={name('criterion.kind')}
          label={t('editors.template.criterion')}
          hint={t('editors.template.criterionHint')}
          value={step.criterion}
          onChange={(e) => onChange({ criterion: e.target.value as StepDraft['criterion'], min: '' })}
          options={[
            { value: '', label: t('editors.template.manualCriterion') },
            ...criterionKind.options.map((k) => ({ value: k, label: t(`editors.template.criterionKind.${k}`) })),
          ]}
          error={errorFor(name('criterion.kind')) ?? errorFor(name('criterion'))}
        />
        {step.criterion && step.criterion in CRITERION_MIN && (
          <TextField
            scope={SCOPE}
            name={name('criterion.min')}
            label={t('editors.template.min')}
            hint={t(`editors.template.minHint.${step.criterion}`, { n: CRITERION_MIN[step.criterion] })}
            inputMode="numeric"
            autoComplete="off"
            value={step.min}
            onChange={(e) => onChange({ min: e.target.value })}
            error={errorFor(name('criterion.min'))}
          />
        )}
        {step.criterion === 'event_held' && (
          <SelectField
            scope={SCOPE}
            name={name('criterion.eventKind')}
            label={t('editors.template.eventKind')}
            value={step.eventKind}
            onChange={(e) => onChange({ eventKind: e.target.value })}
            options={[
              { value: '', label: t('editors.template.anyEvent') },
              ...eventKind.options.map((k) => ({ value: k, label: enumLabel(t, 'eventKind', k) })),
            ]}
            error={errorFor(name('criterion.eventKind'))}
          />
        )}
      </div>
      <TextField
        scope={SCOPE}
        name={name('dueAfterDays')}
        label={t('editors.template.dueAfterDays')}
        hint={t('editors.template.dueAfterDaysHint')}
        inputMode="numeric"
        autoComplete="off"
        value={step.dueAfterDays}
        onChange={(e) => onChange({ dueAfterDays: e.target.value })}
        error={errorFor(name('dueAfterDays'))}
      />
      <MoveButtons idBase={`step-${step.key}`} what={label} first={first} last={last} onMove={onMove} onRemove={onRemove} />
    </fieldset>
  );
}
