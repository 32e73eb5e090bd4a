import type { Organisation, PlanComment, ServicePlan, ServicePlanAction } from '@samhandling/contracts';
import { MEASURE_STATUSES, PLANNED_SERVICES, SERVICE_LEVELS } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, formatDateTime, sortBy } from '../../../api/format.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextAreaField, TextField } from '../../../components/fields.tsx';
import { useSpaceOrganisations } from '../../actors/api.ts';
import { useAnalyses, useSavedScenarios } from '../analysis/api.ts';
import { planKeys, useMunicipalityLocalities, usePlan, usePlanComments } from './api.ts';
import { levelLabel, measureStatusLabel, serviceLabel, statusLabel } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';
import { AnalysisFigures, NeedsList, PlanContentView } from './PlanContentView.tsx';
import './plans.css';

type Content = ServicePlan['content'];

/** One service plan: its status and versions, the lifecycle actions, and for leaders the editor of the draft. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  usePageTitle(plan.data?.title ?? t('servicePlans.plan.title'));
  if (plan.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePlans.plan.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={plan.error} />;
  }
  return <PlanView plan={plan.data} />;
}

function usePlanSaver(plan: ServicePlan, onSaved: (message: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) => api.patchPlan({ params: { id: plan.id }, body: patch }),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.plan(plan.id), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.list(plan.spaceId) });
      onSaved(t('servicePlans.editor.saved'));
    },
  });
}

function PlanView({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [message, setMessage] = useState<string | null>(params.get('created') ? t('servicePlans.plan.created') : null);
  const can = (action: ServicePlanAction) => plan.allowedActions.includes(action);
  const hasConsultation = plan.versions.some((v) => v.status === 'consultation');
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/spaces/${plan.spaceId}/service-plans`}>{t('servicePlans.plan.backTo', { name: plan.spaceName })}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p className="tags">
        <span className="tag" data-testid="plan-status">
          {statusLabel(t, plan.status)}
        </span>
        {plan.shows === 'version' && <span className="tag">{t('servicePlans.plan.showsVersion', { number: plan.shownVersion })}</span>}
      </p>
      {message && <StatusMessage>{message}</StatusMessage>}
      <dl className="facts">
        <div>
          <dt>{t('servicePlans.fields.municipality')}</dt>
          <dd>{plan.municipalityName}</dd>
        </div>
        <div>
          <dt>{t('servicePlans.fields.period')}</dt>
          <dd>
            {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
          </dd>
        </div>
        {plan.status === 'consultation' && plan.consultationEndsOn && (
          <div>
            <dt>{t('servicePlans.fields.consultationEndsOn')}</dt>
            <dd>{formatDate(plan.consultationEndsOn)}</dd>
          </div>
        )}
        {plan.adopted && (
          <div>
            <dt>{t('servicePlans.fields.decision')}</dt>
            <dd>{t('servicePlans.plan.decision', { body: plan.adopted.decisionBody, date: formatDate(plan.adopted.decisionDate), minute: plan.adopted.minuteReference, number: plan.adopted.number })}</dd>
          </div>
        )}
      </dl>
      <ul className="plain-list plan-links">
        <li>
          <a href={`/api/service-plans/${plan.id}/export.docx`} download>
            {t('servicePlans.plan.exportDocx')}
          </a>
        </li>
        <li>
          <a href={`/api/service-plans/${plan.id}/export.pdf`} download>
            {t('servicePlans.plan.exportPdf')}
          </a>
        </li>
        <li>
          <Link to={`/service-plans/${plan.id}/print`}>{t('servicePlans.plan.printView')}</Link>
        </li>
        {hasConsultation && (
          <li>
            <Link to={`/service-plans/${plan.id}/consultation`}>{t('servicePlans.plan.consultationPage')}</Link>
          </li>
        )}
      </ul>
      <Lifecycle plan={plan} onDone={setMessage} />
      {can('update') ? (
        <PlanEditor plan={plan} onSaved={setMessage} />
      ) : (
        <PlanContentView spaceId={plan.spaceId} content={plan.content} needs={plan.needs} analysis={plan.analysis} />
      )}
      <FollowUps plan={plan} onSaved={setMessage} />
      {can('moderate_comments') && hasConsultation && <Moderation plan={plan} />}
      <section aria-labelledby="versions-heading" className="section">
        <h2 id="versions-heading">{t('servicePlans.sections.versions')}</h2>
        <DataTable
          caption={t('servicePlans.sections.versions')}
          captionHidden
          testId="versions-table"
          rows={plan.versions}
          rowKey={(v) => String(v.number)}
          empty={t('servicePlans.plan.noVersions')}
          columns={[
            { key: 'number', header: t('servicePlans.fields.version'), rowHeader: true, cell: (v) => <Link to={`/service-plans/${plan.id}/print?version=${v.number}`}>{t('servicePlans.plan.versionLink', { number: v.number })}</Link> },
            { key: 'status', header: t('servicePlans.fields.status'), cell: (v) => statusLabel(t, v.status) },
            { key: 'created', header: t('servicePlans.fields.created'), cell: (v) => formatDateTime(v.createdAt) },
            {
              key: 'decision',
              header: t('servicePlans.fields.decision'),
              cell: (v) =>
                v.decisionBody && v.decisionDate
                  ? `${v.decisionBody} ${formatDate(v.decisionDate)}, ${v.minuteReference ?? ''}`
                  : v.consultationEndsOn
                    ? t('servicePlans.plan.consultationUntil', { date: formatDate(v.consultationEndsOn) })
                    : '–',
            },
          ]}
        />
      </section>
    </div>
  );
}

function Lifecycle({ plan, onDone }: { plan: ServicePlan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = (action: ServicePlanAction) => plan.allowedActions.includes(action);
  const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const [endsOn, setEndsOn] = useState(inThreeWeeks);
  const [decision, setDecision] = useState({ decisionBody: 'Kommunfullmäktige', decisionDate: new Date().toISOString().slice(0, 10), minuteReference: '' });
  const act = useMutation({
    mutationFn: ({ run }: { run: () => Promise<ServicePlan>; message: string }) => run(),
    onSuccess: (saved, { message }) => {
      queryClient.setQueryData(planKeys.plan(plan.id), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.list(plan.spaceId) });
      onDone(message);
    },
  });
  if (!can('start_consultation') && !can('adopt') && !can('revise')) return null;
  return (
    <section aria-labelledby="lifecycle-heading" className="section panel" data-testid="lifecycle">
      <h2 id="lifecycle-heading">{t('servicePlans.lifecycle.heading')}</h2>
      <p>{t('servicePlans.lifecycle.lead')}</p>
      <ErrorSummary error={act.error} scope="lifecycle" />
      {can('start_consultation') && (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            act.mutate({ run: () => api.startConsultation({ params: { id: plan.id }, body: { endsOn } }), message: t('servicePlans.lifecycle.consultationStarted') });
          }}
        >
          <h3>{t('servicePlans.lifecycle.consultationHeading')}</h3>
          <TextField scope="lifecycle" name="endsOn" type="date" label={t('servicePlans.fields.consultationEndsOn')} required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={fieldError(act.error, 'endsOn')} />
          <div className="actions">
            <button type="submit" className="button" disabled={act.isPending}>
              {t('servicePlans.lifecycle.startConsultation')}
            </button>
          </div>
        </form>
      )}
      {can('adopt') && (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            act.mutate({ run: () => api.adoptPlan({ params: { id: plan.id }, body: decision }), message: t('servicePlans.lifecycle.adopted') });
          }}
        >
          <h3>{t('servicePlans.lifecycle.adoptHeading')}</h3>
          <TextField scope="lifecycle" name="decisionBody" label={t('servicePlans.fields.decisionBody')} required value={decision.decisionBody} onChange={(e) => setDecision({ ...decision, decisionBody: e.target.value })} error={fieldError(act.error, 'decisionBody')} />
          <div className="form-row">
            <TextField scope="lifecycle" name="decisionDate" type="date" label={t('servicePlans.fields.decisionDate')} required value={decision.decisionDate} onChange={(e) => setDecision({ ...decision, decisionDate: e.target.value })} error={fieldError(act.error, 'decisionDate')} />
            <TextField scope="lifecycle" name="minuteReference" label={t('servicePlans.fields.minuteReference')} hint={t('servicePlans.lifecycle.minuteHint')} required value={decision.minuteReference} onChange={(e) => setDecision({ ...decision, minuteReference: e.target.value })} error={fieldError(act.error, 'minuteReference')} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={act.isPending}>
              {t('servicePlans.lifecycle.adopt')}
            </button>
          </div>
        </form>
      )}
      {can('revise') && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={act.isPending}
            onClick={() => {
              if (window.confirm(t('servicePlans.lifecycle.reviseConfirm'))) act.mutate({ run: () => api.revisePlan({ params: { id: plan.id } }), message: t('servicePlans.lifecycle.revised') });
            }}
          >
            {t('servicePlans.lifecycle.revise')}
          </button>
        </div>
      )}
    </section>
  );
}

/** A section of the editor: its own form, error summary and save button. */
function EditorSection({ id, title, children, onSubmit, error, pending, testId }: { id: string; title: string; children: ReactNode; onSubmit: () => void; error: unknown; pending: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="section panel plan-editor__section">
      <h2 id={`${id}-heading`}>{title}</h2>
      <form
        noValidate
        data-testid={testId}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <ErrorSummary error={error} scope={id} />
        {children}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('servicePlans.editor.save', { section: title })}
          </button>
        </div>
      </form>
    </section>
  );
}

function PlanEditor({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const localities = useMunicipalityLocalities(plan.municipalityCode);
  const organisations = useSpaceOrganisations(plan.spaceId);
  const localityOptions = [{ value: '', label: t('servicePlans.editor.noLocality') }, ...sortBy(localities.data ?? [], (l) => l.name).map((l) => ({ value: l.id, label: l.name }))];
  return (
    <div className="plan-editor">
      <p className="notice notice--info">{t('servicePlans.editor.lead')}</p>
      <BasicsEditor plan={plan} onSaved={onSaved} />
      <LevelsEditor plan={plan} localityOptions={localityOptions.slice(1)} onSaved={onSaved} />
      <section aria-labelledby="needs-heading" className="section">
        <h2 id="needs-heading">{t('servicePlans.sections.needs')}</h2>
        <NeedsList spaceId={plan.spaceId} needs={plan.needs} />
      </section>
      <GoalsEditor plan={plan} onSaved={onSaved} />
      <MeasuresEditor plan={plan} localityOptions={localityOptions} organisations={sortBy(organisations.data ?? [], (o) => o.name)} onSaved={onSaved} />
    </div>
  );
}

function BasicsEditor({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [v, setV] = useState({ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, background: plan.content.background, analysisId: plan.content.analysisId ?? '' });
  const [links, setLinks] = useState(plan.content.links.map((l) => ({ title: l.title, url: l.url ?? '' })));
  const err = (name: string) => fieldError(save.error, name);
  // The space's finished analyses to choose from; one already named stays choosable while the list loads.
  const analyses = useAnalyses(plan.spaceId);
  const analysisOptions = withCurrent(
    [{ value: '', label: t('servicePlans.editor.noAnalysis') }, ...(analyses.data ?? []).filter((a) => a.status === 'done').map((a) => ({ value: a.id, label: t('servicePlans.editor.analysisOption', { name: a.name, date: formatDate(a.createdAt) }) }))],
    v.analysisId,
  );
  return (
    <EditorSection
      id="basics"
      testId="basics-form"
      title={t('servicePlans.sections.background')}
      error={save.error}
      pending={save.isPending}
      onSubmit={() =>
        save.mutate({ ...v, analysisId: v.analysisId.trim() || null, links: links.filter((l) => l.title.trim()).map((l) => ({ title: l.title, url: l.url.trim() || null })) })
      }
    >
      <TextField scope="basics" name="title" label={t('servicePlans.fields.title')} required value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={err('title')} />
      <div className="form-row">
        <TextField scope="basics" name="periodStart" type="date" label={t('servicePlans.fields.periodStart')} required value={v.periodStart} onChange={(e) => setV({ ...v, periodStart: e.target.value })} error={err('periodStart')} />
        <TextField scope="basics" name="periodEnd" type="date" label={t('servicePlans.fields.periodEnd')} required value={v.periodEnd} onChange={(e) => setV({ ...v, periodEnd: e.target.value })} error={err('periodEnd')} />
      </div>
      <TextAreaField scope="basics" name="background" label={t('servicePlans.fields.background')} hint={t('servicePlans.editor.backgroundHint')} rows={6} value={v.background} onChange={(e) => setV({ ...v, background: e.target.value })} error={err('background')} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('servicePlans.fields.links')}</legend>
        {links.map((l, i) => (
          <div className="form-row plan-row" key={i}>
            <TextField scope="basics" name={`links.${i}.title`} label={t('servicePlans.fields.linkTitle', { n: i + 1 })} value={l.title} onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} error={err(`links.${i}.title`)} />
            <TextField scope="basics" name={`links.${i}.url`} type="url" label={t('servicePlans.fields.linkUrl', { n: i + 1 })} value={l.url} onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))} error={err(`links.${i}.url`)} />
            <button type="button" className="button button--secondary button--small" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
              {t('servicePlans.editor.removeLink', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setLinks([...links, { title: '', url: '' }])}>
          {t('servicePlans.editor.addLink')}
        </button>
      </fieldset>
      <SelectField scope="basics" name="analysisId" label={t('servicePlans.fields.analysisId')} hint={t('servicePlans.editor.analysisHint')} options={analysisOptions} value={v.analysisId} onChange={(e) => setV({ ...v, analysisId: e.target.value })} error={err('analysisId')} />
      <AnalysisFigures analysisId={plan.content.analysisId} analysis={plan.analysis} />
    </EditorSection>
  );
}

type LevelRow = Content['levels'][number];

function LevelsEditor({ plan, localityOptions, onSaved }: { plan: ServicePlan; localityOptions: { value: string; label: string }[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<Pick<LevelRow, 'localityId' | 'level' | 'targetServices' | 'note'>[]>(plan.content.levels);
  const update = (i: number, patch: Partial<LevelRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const name = (id: string) => localityOptions.find((o) => o.value === id)?.label ?? '';
  return (
    <EditorSection
      id="levels"
      testId="levels-form"
      title={t('servicePlans.sections.levels')}
      error={save.error}
      pending={save.isPending}
      onSubmit={() => save.mutate({ levels: rows.map((r) => ({ localityId: r.localityId, level: r.level, targetServices: r.targetServices, note: r.note })) })}
    >
      <p className="field__hint">{t('servicePlans.editor.levelsHint')}</p>
      {rows.map((r, i) => (
        <fieldset className="fieldset plan-item" key={i}>
          <legend className="field__label">{t('servicePlans.editor.levelLegend', { n: i + 1, name: name(r.localityId) })}</legend>
          <div className="form-row">
            <SelectField scope="levels" name={`levels.${i}.localityId`} label={t('servicePlans.fields.locality')} options={localityOptions} value={r.localityId} onChange={(e) => update(i, { localityId: e.target.value })} error={fieldError(save.error, `levels.${i}.localityId`)} />
            <SelectField scope="levels" name={`levels.${i}.level`} label={t('servicePlans.fields.level')} options={SERVICE_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))} value={r.level} onChange={(e) => update(i, { level: e.target.value as LevelRow['level'] })} />
          </div>
          <details>
            <summary>{t('servicePlans.editor.targetServices', { count: r.targetServices.length })}</summary>
            <div className="plan-checkboxes">
              {PLANNED_SERVICES.map((s) => (
                <CheckboxField
                  key={s}
                  scope={`levels-${i}`}
                  name={`service-${s}`}
                  label={serviceLabel(t, s)}
                  checked={r.targetServices.includes(s)}
                  onChange={(checked) => update(i, { targetServices: checked ? [...r.targetServices, s] : r.targetServices.filter((x) => x !== s) })}
                />
              ))}
            </div>
          </details>
          <TextField scope="levels" name={`levels.${i}.note`} label={t('servicePlans.fields.note')} value={r.note} onChange={(e) => update(i, { note: e.target.value })} />
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeLevel', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {localityOptions.length === 0 ? (
        <p className="muted">{t('servicePlans.editor.noLocalities')}</p>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setRows([...rows, { localityId: localityOptions.find((o) => !rows.some((r) => r.localityId === o.value))?.value ?? localityOptions[0]!.value, level: 'service_point', targetServices: [], note: '' }])}>
          {t('servicePlans.editor.addLevel')}
        </button>
      )}
    </EditorSection>
  );
}

function GoalsEditor({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<{ id?: string; text: string; indicator: string }[]>(plan.content.goals);
  return (
    <EditorSection id="goals" testId="goals-form" title={t('servicePlans.sections.goals')} error={save.error} pending={save.isPending} onSubmit={() => save.mutate({ goals: rows })}>
      {rows.map((g, i) => (
        <fieldset className="fieldset plan-item" key={g.id ?? `new-${i}`}>
          <legend className="field__label">{t('servicePlans.editor.goalLegend', { n: i + 1 })}</legend>
          <TextField scope="goals" name={`goals.${i}.text`} label={t('servicePlans.fields.goal')} required value={g.text} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} error={fieldError(save.error, `goals.${i}.text`)} />
          <TextField scope="goals" name={`goals.${i}.indicator`} label={t('servicePlans.fields.indicator')} value={g.indicator} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, indicator: e.target.value } : x)))} />
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeGoal', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => setRows([...rows, { text: '', indicator: '' }])}>
        {t('servicePlans.editor.addGoal')}
      </button>
    </EditorSection>
  );
}

interface MeasureDraft {
  id?: string;
  title: string;
  description: string;
  localityId: string;
  place: string;
  organisationIds: string[];
  startDate: string;
  endDate: string;
  costSek: string;
  status: string;
  scenarioId: string;
  goalIds: string[];
}

function MeasuresEditor({ plan, localityOptions, organisations, onSaved }: { plan: ServicePlan; localityOptions: { value: string; label: string }[]; organisations: Organisation[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<MeasureDraft[]>(
    plan.content.measures.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      localityId: m.localityId ?? '',
      place: m.place,
      organisationIds: m.organisationIds,
      startDate: m.startDate ?? '',
      endDate: m.endDate ?? '',
      costSek: m.costSek === null ? '' : String(m.costSek),
      status: m.status,
      scenarioId: m.scenarioId ?? '',
      goalIds: m.goalIds,
    })),
  );
  const update = (i: number, patch: Partial<MeasureDraft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (name: string) => fieldError(save.error, name);
  // A measure's reason: a scenario saved on the analysis the plan rests on.
  const scenarios = useSavedScenarios(plan.content.analysisId ?? '', Boolean(plan.content.analysisId));
  const scenarioOptions = [{ value: '', label: t('servicePlans.editor.noScenario') }, ...(scenarios.data ?? []).map((s) => ({ value: s.id, label: s.name }))];
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const submit = () =>
    save.mutate({
      measures: rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        title: r.title,
        description: r.description,
        localityId: r.localityId || null,
        place: r.place,
        organisationIds: r.organisationIds,
        startDate: r.startDate || null,
        endDate: r.endDate || null,
        costSek: r.costSek.trim() === '' ? null : Number(r.costSek.replace(/\s/g, '')),
        status: r.status,
        scenarioId: r.scenarioId.trim() || null,
        goalIds: r.goalIds,
      })),
    });
  return (
    <EditorSection id="measures" testId="measures-form" title={t('servicePlans.sections.measures')} error={save.error} pending={save.isPending} onSubmit={submit}>
      {rows.map((m, i) => (
        <fieldset className="fieldset plan-item" key={m.id ?? `new-${i}`} data-testid="measure-item">
          <legend className="field__label">{t('servicePlans.editor.measureLegend', { n: i + 1, title: m.title })}</legend>
          <TextField scope="measures" name={`measures.${i}.title`} label={t('servicePlans.fields.measure')} required value={m.title} onChange={(e) => update(i, { title: e.target.value })} error={err(`measures.${i}.title`)} />
          <TextAreaField scope="measures" name={`measures.${i}.description`} label={t('servicePlans.fields.description')} rows={2} value={m.description} onChange={(e) => update(i, { description: e.target.value })} />
          <div className="form-row">
            <SelectField scope="measures" name={`measures.${i}.localityId`} label={t('servicePlans.fields.locality')} options={localityOptions} value={m.localityId} onChange={(e) => update(i, { localityId: e.target.value })} error={err(`measures.${i}.localityId`)} />
            <TextField scope="measures" name={`measures.${i}.place`} label={t('servicePlans.fields.place')} value={m.place} onChange={(e) => update(i, { place: e.target.value })} />
          </div>
          <div className="form-row">
            <TextField scope="measures" name={`measures.${i}.startDate`} type="date" label={t('servicePlans.fields.startDate')} value={m.startDate} onChange={(e) => update(i, { startDate: e.target.value })} error={err(`measures.${i}.startDate`)} />
            <TextField scope="measures" name={`measures.${i}.endDate`} type="date" label={t('servicePlans.fields.endDate')} value={m.endDate} onChange={(e) => update(i, { endDate: e.target.value })} error={err(`measures.${i}.endDate`)} />
          </div>
          <div className="form-row">
            <TextField scope="measures" name={`measures.${i}.costSek`} inputMode="numeric" label={t('servicePlans.fields.cost')} value={m.costSek} onChange={(e) => update(i, { costSek: e.target.value })} error={err(`measures.${i}.costSek`)} />
            <SelectField scope="measures" name={`measures.${i}.status`} label={t('servicePlans.fields.status')} options={MEASURE_STATUSES.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))} value={m.status} onChange={(e) => update(i, { status: e.target.value })} />
          </div>
          <SelectField scope="measures" name={`measures.${i}.scenarioId`} label={t('servicePlans.fields.scenarioId')} hint={t(plan.content.analysisId ? 'servicePlans.editor.scenarioHint' : 'servicePlans.editor.scenarioNeedsAnalysis')} options={withCurrent(scenarioOptions, m.scenarioId)} value={m.scenarioId} onChange={(e) => update(i, { scenarioId: e.target.value })} error={err(`measures.${i}.scenarioId`)} />
          <details>
            <summary>{t('servicePlans.editor.organisations', { count: m.organisationIds.length })}</summary>
            {organisations.length === 0 ? (
              <p className="muted">{t('servicePlans.editor.noOrganisations')}</p>
            ) : (
              <div className="plan-checkboxes">
                {organisations.map((o) => (
                  <CheckboxField key={o.id} scope={`measures-${i}`} name={`org-${o.id}`} label={o.name} checked={m.organisationIds.includes(o.id)} onChange={(on) => update(i, { organisationIds: toggle(m.organisationIds, o.id, on) })} />
                ))}
              </div>
            )}
          </details>
          {plan.content.goals.length > 0 && (
            <details>
              <summary>{t('servicePlans.editor.goals', { count: m.goalIds.length })}</summary>
              <div className="plan-checkboxes">
                {plan.content.goals.map((g, gi) => (
                  <CheckboxField key={g.id} scope={`measures-${i}`} name={`goal-${g.id}`} label={`${gi + 1}. ${g.text}`} checked={m.goalIds.includes(g.id)} onChange={(on) => update(i, { goalIds: toggle(m.goalIds, g.id, on) })} />
                ))}
              </div>
            </details>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeMeasure', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setRows([...rows, { title: '', description: '', localityId: '', place: '', organisationIds: [], startDate: '', endDate: '', costSek: '', status: 'planned', scenarioId: '', goalIds: [] }])}
      >
        {t('servicePlans.editor.addMeasure')}
      </button>
    </EditorSection>
  );
}

function FollowUps({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const adoptedMeasures = plan.shows === 'version' || plan.status === 'adopted' ? plan.content.measures : [];
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [summary, setSummary] = useState('');
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      api.addFollowUp({ params: { id: plan.id }, body: { year: Number(year), summary, measures: Object.entries(statuses).flatMap(([measureId, status]) => { const chosen = pick(MEASURE_STATUSES, status); return chosen ? [{ measureId, status: chosen }] : []; }) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(plan.id) });
      setSummary('');
      onSaved(t('servicePlans.followUp.saved'));
    },
  });
  if (!plan.adopted && plan.followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-heading" className="section">
      <h2 id="follow-up-heading">{t('servicePlans.sections.followUp')}</h2>
      {plan.followUps.length === 0 ? (
        <p className="muted">{t('servicePlans.followUp.none')}</p>
      ) : (
        plan.followUps.map((f) => (
          <div key={f.id} className="card plan-follow-up">
            <h3 className="card__title">{t('servicePlans.followUp.year', { year: f.year })}</h3>
            <p>{f.summary}</p>
            {f.measures.length > 0 && (
              <ul>
                {f.measures.map((m) => (
                  <li key={m.measureId}>
                    {m.measureTitle ?? '–'}: {measureStatusLabel(t, m.status)}
                    {m.note && ` – ${m.note}`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
      {plan.allowedActions.includes('follow_up') && (
        <form
          className="panel"
          noValidate
          data-testid="follow-up-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <h3>{t('servicePlans.followUp.heading')}</h3>
          <ErrorSummary error={add.error} scope="follow-up" />
          <TextField scope="follow-up" name="year" inputMode="numeric" label={t('servicePlans.fields.year')} required value={year} onChange={(e) => setYear(e.target.value)} error={fieldError(add.error, 'year')} />
          <TextAreaField scope="follow-up" name="summary" label={t('servicePlans.fields.summary')} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={fieldError(add.error, 'summary')} />
          {adoptedMeasures.map((m) => (
            <SelectField
              key={m.id}
              scope="follow-up"
              name={`status-${m.id}`}
              label={t('servicePlans.followUp.statusOf', { title: m.title })}
              options={[{ value: '', label: t('servicePlans.followUp.noChange') }, ...MEASURE_STATUSES.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))]}
              value={statuses[m.id] ?? ''}
              onChange={(e) => setStatuses((s) => (e.target.value ? { ...s, [m.id]: e.target.value } : Object.fromEntries(Object.entries(s).filter(([k]) => k !== m.id))))}
            />
          ))}
          <div className="actions">
            <button type="submit" className="button" disabled={add.isPending}>
              {t('servicePlans.followUp.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Moderation({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const comments = usePlanComments(plan.id);
  return (
    <section aria-labelledby="moderation-heading" className="section">
      <h2 id="moderation-heading">{t('servicePlans.moderation.heading')}</h2>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <QueryError error={comments.error} />
      ) : comments.data.length === 0 ? (
        <p className="muted">{t('servicePlans.moderation.none')}</p>
      ) : (
        <ul className="plain-list">
          {comments.data.map((c) => (
            <ModeratedComment key={c.id} plan={plan} comment={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ModeratedComment({ plan, comment }: { plan: ServicePlan; comment: PlanComment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [response, setResponse] = useState(comment.response ?? '');
  const moderate = useMutation({
    mutationFn: (status: 'published' | 'rejected') => api.moderatePlanComment({ params: { id: plan.id, commentId: comment.id }, body: { status, response: response.trim() || null } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.comments(plan.id) }),
  });
  return (
    <li className="card plan-comment" data-testid="moderated-comment">
      <p className="muted">
        {formatDateTime(comment.createdAt)} · {comment.authorName ?? t('servicePlans.consultation.anonymous')}
        {comment.localityName && `, ${comment.localityName}`} · <strong>{t(`servicePlans.commentStatus.${comment.status}`)}</strong>
      </p>
      <p>{comment.body}</p>
      <ErrorSummary error={moderate.error} scope={`comment-${comment.id}`} />
      <TextAreaField scope={`comment-${comment.id}`} name="response" label={t('servicePlans.moderation.response')} rows={2} value={response} onChange={(e) => setResponse(e.target.value)} />
      <div className="button-group">
        <button type="button" className="button button--small" disabled={moderate.isPending} onClick={() => moderate.mutate('published')}>
          {t('servicePlans.moderation.publish')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={moderate.isPending} onClick={() => moderate.mutate('rejected')}>
          {t('servicePlans.moderation.reject')}
        </button>
      </div>
    </li>
  );
}

/** Options for a select, keeping the current value choosable even when it is not (yet) among them. */
function withCurrent(options: { value: string; label: string }[], current: string): { value: string; label: string }[] {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}
