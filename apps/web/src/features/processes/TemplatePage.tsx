import type { ProcessTemplate } from '@samhandling/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import { QueryPage } from '../../app/QueryPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, SelectField, StatusMessage } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { StepGuidance } from './StepGuidance.tsx';
import { CRITERION_MIN } from './template-form.ts';
import { useTemplate } from './template-queries.ts';

/** One template as a facilitator reads it: phases, steps, guidance, checklist, material and what completes each step. */
export function TemplatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const template = useTemplate(id);
  usePageTitle(template.data ? t('editors.template.title', { name: template.data.name }) : t('editors.templates.nav'));
  return (
    <QueryPage query={template} heading={t('editors.templates.nav')}>
      {(x) => <TemplateView template={x} />}
    </QueryPage>
  );
}

function TemplateView({ template: x }: { template: ProcessTemplate }) {
  const { t } = useTranslation();
  const location = useLocation();
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
