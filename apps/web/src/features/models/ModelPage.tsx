import type { Model, ModelUse } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, sortBy } from '../../api/format.ts';
import { useMe, useMunicipalities, useMunicipalityIndex } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextField } from '../../components/fields.tsx';
import { GoalTags } from '../../components/GoalTargetPicker.tsx';
import { MunicipalityMap } from '../../components/MunicipalityMap.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { modelKeys } from './ModelsPage.tsx';
import { SpreadText } from './SpreadText.tsx';

export function ModelPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const model = useQuery({ queryKey: modelKeys.one(id), queryFn: () => api.getModel({ params: { id } }) });
  usePageTitle(model.data?.title ?? t('models.title'));
  if (model.isPending) {
    return (
      <div className="container">
        <h1>{t('models.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (model.isError) {
    if (isApiError(model.error) && (model.error.status === 404 || model.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={model.error} />;
  }
  return <ModelView model={model.data} />;
}

function ModelView({ model }: { model: Model }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [applied, setApplied] = useState<string | null>(null);
  const tmpl = model.template;
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to="/models">{t('models.title')}</Link>
      </p>
      <h1>{model.title}</h1>
      <p className="tags">
        {model.originMunicipalityName && <span className="tag">{t('models.fromTag', { name: model.originMunicipalityName })}</span>}
        <span className="tag">{t('models.versionTag', { version: model.version })}</span>
        {model.imported && <span className="tag">{t('models.importedTag')}</span>}
        {model.spread.spread && <span className="tag tag--role">{t('models.spreadTag')}</span>}
      </p>
      {params.get('imported') && <StatusMessage>{t('models.import.done')}</StatusMessage>}
      {applied && <StatusMessage>{applied}</StatusMessage>}
      {model.summary && <p className="lead">{model.summary}</p>}
      <p className="actions">
        {model.allowedActions.includes('apply') && <ApplyDialog model={model} onApplied={setApplied} />}
        <a className="button button--secondary" href={`/api/models/${model.id}/export.json`} download>
          {t('models.export')}
        </a>
      </p>

      <section aria-labelledby="model-about" className="section">
        <h2 id="model-about">{t('models.about')}</h2>
        <dl className="facts">
          <Fact label={t('models.fields.purpose')} value={model.purpose} />
          <Fact label={t('models.fields.whenItFits')} value={model.whenItFits} />
          <Fact label={t('models.fields.cost')} value={model.cost} />
          <Fact label={t('models.fields.lessonsLearned')} value={model.lessonsLearned} />
          {model.goals.length + model.targets.length > 0 && (
            <div>
              <dt>{t('models.fields.goals')}</dt>
              <dd>
                <GoalTags goals={model.goals} targets={model.targets} />
              </dd>
            </div>
          )}
        </dl>
        {model.steps.length > 0 && (
          <>
            <h3>{t('models.fields.steps')}</h3>
            <ol>
              {model.steps.map((s, i) => (
                <li key={i}>
                  <strong>{s.title}</strong>
                  {s.description && <> – {s.description}</>}
                </li>
              ))}
            </ol>
          </>
        )}
        {model.roles.length > 0 && (
          <>
            <h3>{t('models.fields.roles')}</h3>
            <ul>
              {model.roles.map((r, i) => (
                <li key={i}>
                  <strong>{r.title}</strong>
                  {r.description && <> – {r.description}</>}
                </li>
              ))}
            </ul>
          </>
        )}
        {model.material.length > 0 && (
          <>
            <h3>{t('models.fields.material')}</h3>
            <ul>
              {model.material.map((m, i) => (
                <li key={i}>
                  {m.libraryItemId ? (
                    <Link to={`/library/${m.libraryItemId}`}>{m.title}</Link>
                  ) : m.url ? (
                    <a href={m.url} rel="noopener noreferrer">
                      {m.title}
                    </a>
                  ) : (
                    m.title
                  )}
                  {m.libraryItemId && <span className="muted"> ({t('models.fields.inLibrary')})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="model-template" className="section" data-testid="model-template">
        <h2 id="model-template">{t('models.template.heading')}</h2>
        <p className="muted">{t('models.template.lead')}</p>
        <DataTable
          caption={t('models.template.groups')}
          rows={tmpl.workingGroups}
          rowKey={(g) => g.key}
          empty={t('models.template.noGroups')}
          columns={[
            { key: 'name', header: t('models.template.name'), cell: (g) => g.name, rowHeader: true },
            { key: 'kind', header: t('models.template.kind'), cell: (g) => enumLabel(t, 'groupKind', g.kind) },
            {
              key: 'targets',
              header: t('models.template.targets'),
              cell: (g) => t('models.template.targetsText', { public: g.targets.public, private: g.targets.private, civil: g.targets.civil_society, youth: g.targets.youth }),
            },
          ]}
        />
        {tmpl.eventSeries.map((series) => (
          <DataTable
            key={series.key}
            caption={t('models.template.series', { title: series.title })}
            rows={series.events}
            rowKey={(e) => e.key}
            columns={[
              { key: 'title', header: t('models.template.name'), cell: (e) => e.title, rowHeader: true },
              { key: 'kind', header: t('models.template.kind'), cell: (e) => enumLabel(t, 'eventKind', e.kind) },
              { key: 'week', header: t('models.template.week'), cell: (e) => t('models.template.weekText', { week: e.weekOffset, time: e.startTime }) },
              { key: 'agenda', header: t('models.template.agenda'), cell: (e) => e.agenda.map((a) => a.title).join(' · ') || '–' },
            ]}
          />
        ))}
        <ul>
          {tmpl.boardPromptSets.map((b) => (
            <li key={b.key}>{t('models.template.board', { title: b.title, prompts: b.prompts.join(' · ') })}</li>
          ))}
          {tmpl.servicePlan && <li>{t('models.template.plan', { title: tmpl.servicePlan.title, years: tmpl.servicePlan.periodYears, goals: tmpl.servicePlan.goals.length })}</li>}
          {tmpl.survey && <li>{t('models.template.survey', { title: tmpl.survey.title })}</li>}
          {tmpl.actionPlanGoals.map((g, i) => (
            <li key={i}>{t('models.template.actionGoal', { text: g.text })}</li>
          ))}
        </ul>
      </section>

      <SpreadSection model={model} />

      {model.versions.length > 0 && (
        <section aria-labelledby="model-versions" className="section">
          <h2 id="model-versions">{t('models.versions')}</h2>
          <ul>
            {model.versions.map((v) => (
              <li key={v.version}>{t('models.versionLine', { version: v.version, date: formatDate(v.createdAt) })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd className="description">{value}</dd>
    </div>
  );
}

function SpreadSection({ model }: { model: Model }) {
  const { t } = useTranslation();
  const uses = useQuery({ queryKey: modelKeys.uses(model.id), queryFn: () => api.getModelUses({ params: { id: model.id } }) });
  const codes = [...new Set((uses.data ?? []).map((u) => u.municipalityCode))];
  return (
    <section aria-labelledby="model-spread" className="section" data-testid="model-spread">
      <h2 id="model-spread">{t('models.spread.heading')}</h2>
      <p data-testid="spread-text">
        <SpreadText spread={model.spread} />
      </p>
      {uses.isPending ? (
        <Loading />
      ) : uses.isError ? (
        <QueryError error={uses.error} />
      ) : (
        <>
          {codes.length > 0 && <MunicipalityMap codes={codes} label={t('models.spread.mapLabel', { title: model.title })} />}
          <DataTable
            caption={t('models.spread.tableCaption')}
            rows={uses.data}
            rowKey={(u) => u.id}
            testId="model-uses"
            empty={t('models.spread.none')}
            columns={[
              { key: 'municipality', header: t('models.spread.municipality'), cell: (u) => u.municipalityName, rowHeader: true },
              { key: 'space', header: t('models.spread.space'), cell: (u) => (u.spaceId ? <Link to={`/spaces/${u.spaceId}`}>{u.spaceName}</Link> : t('models.spread.hiddenSpace')) },
              { key: 'version', header: t('models.spread.version'), cell: (u) => u.version, numeric: true },
              { key: 'adaptation', header: t('models.spread.adaptation'), cell: (u) => <UseNote use={u} field="adaptation" /> },
              { key: 'outcome', header: t('models.spread.outcome'), cell: (u) => <UseNote use={u} field="outcome" /> },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** A use's note; its space's leaders edit it in place. */
function UseNote({ use, field }: { use: ModelUse; field: 'adaptation' | 'outcome' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(use[field] ?? '');
  const save = useMutation({
    mutationFn: () => api.patchModelUse({ params: { id: use.id }, body: { [field]: value } }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: modelKeys.uses(use.modelId) });
    },
  });
  if (!editing)
    return (
      <>
        {use[field] || '–'}
        {use.allowedActions.includes('update') && (
          <>
            {' '}
            <button type="button" className="link-button model-note__edit" onClick={() => setEditing(true)}>
              {t('models.spread.editNote', { municipality: use.municipalityName })}
            </button>
          </>
        )}
      </>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField scope={`use-${use.id}`} label={t(`models.spread.${field}`)} name={field} value={value} onChange={(e) => setValue(e.target.value)} error={fieldError(save.error, field)} />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}

const NEW_SPACE = '__new';

/** "Use this model": pick a space you lead (or name a new one), a municipality and a start date. */
function ApplyDialog({ model, onApplied }: { model: Model; onApplied: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  const spaces = useQuery({
    queryKey: ['spaces', 'mine'],
    queryFn: () => api.listSpaces({ query: { mine: 'true' } }),
    enabled: !!me.data,
  });
  const led = (spaces.data ?? []).filter((s) => !s.archived && (s.myRole === 'space_admin' || s.myRole === 'facilitator' || me.data?.isAdmin));
  const allMunicipalities = useMunicipalities();
  const [v, setV] = useState({ spaceId: '', newName: '', newVisibility: 'members', municipalityCode: '', startDate: '' });
  const isNew = v.spaceId === NEW_SPACE;
  const space = led.find((s) => s.id === v.spaceId);
  const municipalityCodes = isNew ? (allMunicipalities.data ?? []).map((m) => m.code) : (space?.municipalityCodes ?? []);
  const apply = useMutation({
    mutationFn: () =>
      api.applyModel({
        params: { id: model.id },
        body: {
          ...(isNew ? { newSpace: { name: v.newName, visibility: v.newVisibility === 'public' ? 'public' : 'members' } } : v.spaceId ? { spaceId: v.spaceId } : {}),
          municipalityCode: v.municipalityCode,
          ...(v.startDate ? { startDate: v.startDate } : {}),
        },
      }),
    onSuccess: async (result) => {
      dialog.current?.close();
      await queryClient.invalidateQueries({ queryKey: modelKeys.uses(model.id) });
      await queryClient.invalidateQueries({ queryKey: modelKeys.one(model.id) });
      await queryClient.invalidateQueries({ queryKey: ['spaces', 'mine'] });
      onApplied(result.created > 0 ? t('models.apply.done', { count: result.created, space: result.use.spaceName ?? '' }) : t('models.apply.already', { space: result.use.spaceName ?? '' }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply.mutate();
  };
  const labels = { spaceId: t('models.apply.space'), 'newSpace.name': t('models.apply.newSpaceName'), 'newSpace.visibility': t('models.apply.newSpaceVisibility'), municipalityCode: t('models.apply.municipality'), startDate: t('models.apply.startDate') };
  return (
    <>
      <button type="button" className="button" onClick={() => dialog.current?.showModal()}>
        {t('models.apply.open')}
      </button>
      <dialog ref={dialog} aria-labelledby="apply-heading" className="model-dialog" data-testid="apply-dialog">
        <h2 id="apply-heading">{t('models.apply.heading', { title: model.title })}</h2>
        <p className="muted">{t('models.apply.lead')}</p>
        {spaces.isPending ? (
          <Loading />
        ) : (
          <form onSubmit={submit} noValidate>
            <ErrorSummary error={apply.error} scope="apply" labels={labels} />
            <SelectField
              scope="apply"
              label={labels.spaceId}
              name="spaceId"
              value={v.spaceId}
              onChange={(e) => setV({ ...v, spaceId: e.target.value, municipalityCode: '' })}
              options={[
                { value: '', label: t('models.apply.chooseSpace') },
                ...sortBy(led, (s) => s.name).map((s) => ({ value: s.id, label: s.name })),
                { value: NEW_SPACE, label: t('models.apply.newSpace') },
              ]}
              error={fieldError(apply.error, 'spaceId')}
              required
            />
            {isNew && (
              <div className="form-row">
                <TextField scope="apply" label={labels['newSpace.name']} name="newSpace.name" value={v.newName} onChange={(e) => setV({ ...v, newName: e.target.value })} error={fieldError(apply.error, 'newSpace.name')} required />
                <SelectField
                  scope="apply"
                  label={labels['newSpace.visibility']}
                  name="newSpace.visibility"
                  value={v.newVisibility}
                  onChange={(e) => setV({ ...v, newVisibility: e.target.value })}
                  options={[
                    { value: 'members', label: enumLabel(t, 'spaceVisibility', 'members') },
                    { value: 'public', label: enumLabel(t, 'spaceVisibility', 'public') },
                  ]}
                />
              </div>
            )}
            <SelectField
              scope="apply"
              label={labels.municipalityCode}
              name="municipalityCode"
              value={v.municipalityCode}
              onChange={(e) => setV({ ...v, municipalityCode: e.target.value })}
              options={[
                { value: '', label: t('models.apply.chooseMunicipality') },
                ...sortBy(
                  municipalityCodes.map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code })),
                  (o) => o.label,
                ),
              ]}
              error={fieldError(apply.error, 'municipalityCode')}
              required
            />
            <TextField scope="apply" label={labels.startDate} name="startDate" type="date" hint={t('models.apply.startDateHint')} value={v.startDate} onChange={(e) => setV({ ...v, startDate: e.target.value })} error={fieldError(apply.error, 'startDate')} />
            <p className="actions">
              <button type="submit" className="button" disabled={apply.isPending}>
                {t('models.apply.submit')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
                {t('common.cancel')}
              </button>
            </p>
          </form>
        )}
      </dialog>
    </>
  );
}
