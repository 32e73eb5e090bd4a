import type { ProcessSummary, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useMunicipalityIndex } from '../../api/hooks.ts';
import { SortableTable } from '../../components/SortableTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { Bar, SpaceShell } from './SpaceShell.tsx';

export const processKeys = { list: (spaceId: string) => ['processes', spaceId] as const, one: (id: string) => ['process', id] as const };

/** Where each municipality of a space stands in its guided process. */
export function ProcessesPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={(s) => (s ? t('process.list.title', { name: s.name }) : t('process.nav.processes'))}>{(space) => <ProcessesView space={space} />}</SpaceShell>
  );
}

function ProcessesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const processes = useQuery({ queryKey: processKeys.list(space.id), queryFn: () => api.getSpaceProcesses({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('process.list.title', { name: space.name })}</h1>
      <p className="lead">{t('process.list.lead')}</p>
      <p>
        <Link to={`/spaces/${space.id}/process-templates`}>{t('editors.templates.link')}</Link>
      </p>
      {processes.isPending ? (
        <Loading />
      ) : processes.isError ? (
        <QueryError error={processes.error} />
      ) : (
        <SortableTable<ProcessSummary>
          caption={t('process.list.caption')}
          testId="processes-table"
          rows={processes.data}
          rowKey={(p) => p.id}
          empty={t('process.list.none')}
          initialSort={{ key: 'municipality', direction: 'ascending' }}
          columns={[
            {
              key: 'municipality',
              header: t('process.list.municipality'),
              rowHeader: true,
              sortValue: (p) => p.municipalityName ?? p.municipalityCode,
              cell: (p) => <Link to={`/processes/${p.id}`}>{[p.municipalityName, p.localityName].filter(Boolean).join(', ')}</Link>,
            },
            {
              key: 'progress',
              header: t('process.list.progress'),
              sortValue: (p) => (p.stepsTotal ? p.stepsDone / p.stepsTotal : 0),
              cell: (p) => (
                <span className="minibar-cell">
                  <Bar value={p.stepsDone} max={p.stepsTotal} />
                  {t('process.list.progressValue', { done: p.stepsDone, total: p.stepsTotal })}
                </span>
              ),
            },
            { key: 'overdue', header: t('process.list.overdue'), numeric: true, sortValue: (p) => p.overdue, cell: (p) => p.overdue },
            {
              key: 'next',
              header: t('process.list.next'),
              sortValue: (p) => p.nextStep?.dueDate ?? '9999',
              cell: (p) =>
                p.nextStep ? (
                  <>
                    {p.nextStep.title}
                    {p.nextStep.dueDate && <> ({t('process.view.due', { date: formatDate(p.nextStep.dueDate) })})</>}
                  </>
                ) : (
                  t('process.list.allDone')
                ),
            },
          ]}
        />
      )}
      {space.allowedActions.includes('manage_people') && <StartProcess space={space} />}
    </div>
  );
}

function StartProcess({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  const templates = useQuery({ queryKey: ['process-templates', space.id], queryFn: () => api.getProcessTemplates({ query: { spaceId: space.id } }) });
  const [templateId, setTemplateId] = useState('');
  const [code, setCode] = useState(space.municipalityCodes[0] ?? '');
  const [startsOn, setStartsOn] = useState('');
  const start = useMutation({
    mutationFn: () =>
      api.startProcess({ params: { id: space.id }, body: { templateId: templateId || templates.data?.[0]?.id || '', municipalityCode: code, ...(startsOn ? { startsOn } : {}) } }),
    onSuccess: async (process) => {
      await queryClient.invalidateQueries({ queryKey: processKeys.list(space.id) });
      void navigate(`/processes/${process.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  return (
    <section aria-labelledby="start-process">
      <h2 id="start-process">{t('process.list.start')}</h2>
      <form onSubmit={submit} className="form" noValidate>
        <ErrorSummary error={start.error} />
        <SelectField
          label={t('process.list.template')}
          name="templateId"
          value={templateId}
          onChange={(e) => setTemplateId(e.target.value)}
          options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          error={fieldError(start.error, 'templateId')}
        />
        <SelectField
          label={t('process.list.municipality')}
          name="municipalityCode"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          options={space.municipalityCodes.map((c) => ({ value: c, label: municipalities.get(c)?.name ?? c }))}
          error={fieldError(start.error, 'municipalityCode')}
        />
        <TextField label={t('process.list.startsOn')} name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={fieldError(start.error, 'startsOn')} />
        <button type="submit" className="button" disabled={start.isPending}>
          {t('process.list.startButton')}
        </button>
      </form>
    </section>
  );
}
