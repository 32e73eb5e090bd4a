import type { ProcessTemplate } from '@samhandling/contracts';
import { valuesOf } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { ErrorSummary, fieldError, fieldId, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { MoveButtons } from '../../components/MoveButtons.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { RowList } from '../plans/RowList.tsx';
import { atFormFields, CRITERION_MIN, emptyMaterial, emptyPhase, emptyStep, move, templateBodyOf, templateDraftOf, type PhaseDraft, type StepDraft, type TemplateDraft } from './template-form.ts';
import { templateKeys } from './template-queries.ts';

const SCOPE = 'template-edit';

/** A template's phases and steps as one form: add, move and remove them, then save the whole. */
export function TemplateEditor({ spaceId, template }: { spaceId: string; template?: ProcessTemplate }) {
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
            ...valuesOf('criterionKind').map((k) => ({ value: k, label: enumLabel(t, 'criterionKind', k) })),
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
              ...valuesOf('eventKind').map((k) => ({ value: k, label: enumLabel(t, 'eventKind', k) })),
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
