import type { Measure } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { useMunicipalityIndex, useSpace } from '../../api/hooks.ts';
import { ErrorSummary, fieldError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { GoalTargetPicker, tagsError } from '../../components/GoalTargetPicker.tsx';
import { planKeys } from './api.ts';
import { FundingRows } from './FundingRows.tsx';
import { LinkRows } from './LinkRows.tsx';
import { draftOf, patchOf, type MeasureDraft } from './measure-form.ts';
import { MilestoneRows } from './MilestoneRows.tsx';
import { ParticipantRows } from './ParticipantRows.tsx';

const SCOPE = 'measure-edit';

/**
 * The leader's form for everything of a measure: what and who (responsible and participating
 * organisations with their commitments), where and when (milestones), money (budget and funding
 * sources), links and Agenda 2030. The status has its own form.
 */
export function MeasureEditor({ measure, onSaved }: { measure: Measure; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(false);
  // Back on the button that opened the form, once it has closed.
  useEffect(() => {
    if (closed && !open) openRef.current?.focus();
  }, [closed, open]);
  return (
    <section className="section panel" aria-labelledby="measure-edit-heading">
      <h2 id="measure-edit-heading">{t('actionPlans.editor.heading')}</h2>
      {open ? (
        <EditorForm
          measure={measure}
          onClose={(message) => {
            setOpen(false);
            setClosed(true);
            if (message) onSaved(message);
          }}
        />
      ) : (
        <button
          ref={openRef}
          type="button"
          className="button button--secondary"
          onClick={() => setOpen(true)}
          data-testid="measure-edit-open"
        >
          {t('actionPlans.editor.open')}
        </button>
      )}
    </section>
  );
}

function EditorForm({ measure, onClose }: { measure: Measure; onClose: (message?: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery({
    queryKey: ['space-organisations', measure.spaceId],
    queryFn: () => api.listSpaceOrganisations({ params: { id: measure.spaceId } }),
  });
  const space = useSpace(measure.spaceId);
  const municipalities = useMunicipalityIndex();
  const [d, setD] = useState<MeasureDraft>(() => draftOf(measure));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof patchOf>['body']) => api.patchMeasure({ params: { id: measure.id }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(planKeys.measure(measure.id), updated);
      if (updated.actionPlanId) await queryClient.invalidateQueries({ queryKey: planKeys.one(updated.actionPlanId) });
      onClose(t('actionPlans.measure.saved'));
    },
  });
  const error = localError ?? save.error;
  const errorFor = (path: string) => fieldError(error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, problems } = patchOf(d);
    const fields = Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, t(`actionPlans.editor.${problem}`)]));
    if (Object.keys(fields).length > 0) {
      save.reset();
      setLocalError(new ApiError(400, { code: 'invalid', message: t('actionPlans.editor.checkNumbers'), fields }));
      return;
    }
    setLocalError(null);
    save.mutate(body);
  };
  const orgs = organisations.data ?? [];
  const labels: Record<string, string> = {
    title: t('actionPlans.measure.title'),
    description: t('actionPlans.editor.description'),
    responsibleOrganisationId: t('actionPlans.measure.responsible'),
    municipalityCode: t('actionPlans.editor.municipality'),
    place: t('actionPlans.measure.place'),
    startDate: t('actionPlans.measure.start'),
    endDate: t('actionPlans.measure.end'),
    budgetSek: t('actionPlans.editor.budget'),
  };
  const rowLabels = (prefix: string, count: number, row: (n: number) => string, fields: Record<string, string>) => {
    for (let i = 0; i < count; i++)
      for (const [field, label] of Object.entries(fields)) labels[`${prefix}.${i}.${field}`] = `${row(i + 1)}: ${label}`;
  };
  rowLabels('participants', d.participants.length, (n) => t('actionPlans.editor.participantN', { n }), {
    organisationId: t('actionPlans.measure.organisation'),
    what: t('actionPlans.measure.what'),
    hours: t('actionPlans.measure.hours'),
    moneySek: t('actionPlans.measure.money'),
  });
  rowLabels('milestones', d.milestones.length, (n) => t('actionPlans.editor.milestoneN', { n }), {
    title: t('actionPlans.measure.milestone'),
    date: t('actionPlans.timeline.date'),
  });
  rowLabels('funding', d.funding.length, (n) => t('actionPlans.editor.fundingN', { n }), {
    source: t('actionPlans.editor.source'),
    amountSek: t('actionPlans.editor.amount'),
  });
  rowLabels('links', d.links.length, (n) => t('actionPlans.editor.linkN', { n }), {
    title: t('actionPlans.editor.linkTitle'),
    url: t('actionPlans.editor.linkUrl'),
  });
  return (
    <form onSubmit={submit} noValidate data-testid="measure-edit-form">
      <ErrorSummary error={error} scope={SCOPE} labels={labels} />
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
        name="description"
        label={labels.description}
        rows={3}
        value={d.description}
        onChange={(e) => setD({ ...d, description: e.target.value })}
        error={errorFor('description')}
      />
      <SelectField
        scope={SCOPE}
        name="responsibleOrganisationId"
        label={labels.responsibleOrganisationId}
        value={d.responsibleOrganisationId}
        onChange={(e) => setD({ ...d, responsibleOrganisationId: e.target.value })}
        error={errorFor('responsibleOrganisationId')}
        options={[{ value: '', label: t('actionPlans.noOrganisation') }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <ParticipantRows
        scope={SCOPE}
        rows={d.participants}
        onChange={(participants) => setD({ ...d, participants })}
        organisations={orgs}
        errorFor={errorFor}
      />
      <SelectField
        scope={SCOPE}
        name="municipalityCode"
        label={labels.municipalityCode}
        value={d.municipalityCode}
        onChange={(e) => setD({ ...d, municipalityCode: e.target.value })}
        error={errorFor('municipalityCode')}
        options={[
          { value: '', label: t('actionPlans.editor.noMunicipality') },
          ...sortBy(
            [...new Set([...(space.data?.municipalityCodes ?? []), ...(d.initialMunicipalityCode ? [d.initialMunicipalityCode] : [])])].map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code })),
            (o) => o.label,
          ),
        ]}
      />
      <TextField
        scope={SCOPE}
        name="place"
        label={labels.place}
        hint={t('actionPlans.editor.placeHint')}
        value={d.place}
        onChange={(e) => setD({ ...d, place: e.target.value })}
        error={errorFor('place')}
      />
      <div className="form-row">
        <TextField
          scope={SCOPE}
          name="startDate"
          type="date"
          label={labels.startDate}
          value={d.startDate}
          onChange={(e) => setD({ ...d, startDate: e.target.value })}
          error={errorFor('startDate')}
        />
        <TextField
          scope={SCOPE}
          name="endDate"
          type="date"
          label={labels.endDate}
          value={d.endDate}
          onChange={(e) => setD({ ...d, endDate: e.target.value })}
          error={errorFor('endDate')}
        />
      </div>
      <MilestoneRows scope={SCOPE} rows={d.milestones} onChange={(milestones) => setD({ ...d, milestones })} errorFor={errorFor} />
      <TextField
        scope={SCOPE}
        name="budgetSek"
        inputMode="numeric"
        autoComplete="off"
        label={labels.budgetSek}
        value={d.budgetSek}
        onChange={(e) => setD({ ...d, budgetSek: e.target.value })}
        error={errorFor('budgetSek')}
      />
      <FundingRows scope={SCOPE} rows={d.funding} onChange={(funding) => setD({ ...d, funding })} errorFor={errorFor} />
      <LinkRows scope={SCOPE} rows={d.links} onChange={(links) => setD({ ...d, links })} errorFor={errorFor} />
      <GoalTargetPicker
        goals={d.goals}
        targets={d.targets}
        onChange={(tags) => setD({ ...d, ...tags })}
        error={tagsError(error)}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('actionPlans.editor.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onClose()}>
          {t('actionPlans.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
