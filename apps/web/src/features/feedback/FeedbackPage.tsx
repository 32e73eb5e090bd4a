import type { FeedbackChange, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { SpaceShell } from '../processes/SpaceShell.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

/** A space's feedback forms (for its leaders) and the changes log. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return <SpaceShell title={(s) => (s ? t('process.feedback.list.title', { name: s.name }) : t('process.nav.feedback'))}>{(space) => <FeedbackView space={space} />}</SpaceShell>;
}

function FeedbackView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const leads = space.allowedActions.includes('manage_people');
  const forms = useQuery({ queryKey: ['feedback-forms', space.id], queryFn: () => api.getSpaceFeedbackForms({ params: { id: space.id } }), enabled: leads });
  const changes = useQuery({ queryKey: ['feedback-changes', space.id], queryFn: () => api.getFeedbackChanges({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('process.feedback.list.title', { name: space.name })}</h1>
      <p className="lead">{t('process.feedback.list.lead')}</p>
      {leads && (
        <section aria-labelledby="forms">
          <h2 id="forms">{t('process.feedback.list.forms')}</h2>
          <p>
            <Link className="button" to={`/spaces/${space.id}/feedback/new`} data-testid="feedback-new">
              {t('editors.feedback.newTitle')}
            </Link>
          </p>
          {forms.isPending ? (
            <Loading />
          ) : forms.isError ? (
            <QueryError error={forms.error} />
          ) : forms.data.length === 0 ? (
            <p className="empty">{t('process.feedback.list.none')}</p>
          ) : (
            <ul data-testid="feedback-forms">
              {forms.data.map((f) => (
                <li key={f.id}>
                  <Link to={`/feedback/${f.id}/results`}>{f.title}</Link> – {[f.eventTitle, f.municipalityName].filter(Boolean).join(', ')} ({t('process.feedback.results.respondents', { count: f.respondents })}) ·{' '}
                  <Link to={`/feedback/${f.id}/edit`}>{t('editors.edit', { what: f.title })}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="changes">
        <h2 id="changes">{t('process.feedback.list.changes')}</h2>
        {changes.isPending ? (
          <Loading />
        ) : changes.isError ? (
          <QueryError error={changes.error} />
        ) : (
          <DataTable
            caption={t('process.feedback.list.changes')}
            captionHidden
            testId="feedback-changes"
            rows={changes.data}
            rowKey={(c) => c.id}
            empty={t('process.feedback.list.noChanges')}
            columns={[
              { key: 'date', header: t('process.feedback.list.date'), cell: (c) => formatDate(c.date) },
              { key: 'change', header: t('process.feedback.list.change'), rowHeader: true, cell: (c) => c.change },
              { key: 'reason', header: t('process.feedback.list.reason'), cell: (c) => c.reason },
            ]}
          />
        )}
        {leads && changes.data && changes.data.length > 0 && <ChangesEditor space={space} changes={changes.data} />}
        {leads && <AddChange space={space} />}
      </section>
    </div>
  );
}

/** Correct or remove an entry of the changes log: one entry at a time, chosen from the list. */
function ChangesEditor({ space, changes }: { space: Space; changes: FeedbackChange[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const entry = changes.find((c) => c.id === chosen);
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteFeedbackChange({ params: { id: space.id, changeId: id } }),
    onSuccess: async () => {
      setChosen('');
      setStatus(t('editors.changes.removed'));
      await queryClient.invalidateQueries({ queryKey: ['feedback-changes', space.id] });
    },
  });
  return (
    <section aria-labelledby="changes-edit" className="section panel">
      <h3 id="changes-edit">{t('editors.changes.heading')}</h3>
      <p role="status">{status}</p>
      <SelectField
        scope="change-pick"
        label={t('editors.changes.pick')}
        name="changeId"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          setStatus('');
        }}
        options={[
          { value: '', label: t('editors.changes.none') },
          ...changes.map((c) => ({ value: c.id, label: `${formatDate(c.date)}: ${c.change.length > 60 ? `${c.change.slice(0, 60)}…` : c.change}` })),
        ]}
      />
      {entry && (
        <>
          <AddChange
            key={entry.id}
            space={space}
            entry={entry}
            onSaved={() => {
              setChosen('');
              setStatus(t('editors.saved'));
            }}
          />
          <button type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => remove.mutate(entry.id)}>
            {t('editors.changes.remove')}
          </button>
          {remove.error && <QueryError error={remove.error} />}
        </>
      )}
    </section>
  );
}

function AddChange({ space, entry, onSaved }: { space: Space; entry?: FeedbackChange; onSaved?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scope = entry ? 'change-edit' : 'change-new';
  const [date, setDate] = useState(entry?.date ?? new Date().toISOString().slice(0, 10));
  const [change, setChange] = useState(entry?.change ?? '');
  const [reason, setReason] = useState(entry?.reason ?? '');
  const save = useMutation({
    mutationFn: () =>
      entry
        ? api.updateFeedbackChange({ params: { id: space.id, changeId: entry.id }, body: { date, change, reason, formId: entry.formId } })
        : api.createFeedbackChange({ params: { id: space.id }, body: { date, change, reason } }),
    onSuccess: async () => {
      if (!entry) {
        setChange('');
        setReason('');
      }
      onSaved?.();
      await queryClient.invalidateQueries({ queryKey: ['feedback-changes', space.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      <h3>{entry ? t('editors.changes.editHeading') : t('process.feedback.list.addChange')}</h3>
      <ErrorSummary error={save.error} scope={scope} />
      <TextField scope={scope} label={t('process.feedback.list.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={fieldError(save.error, 'date')} required />
      <TextAreaField scope={scope} label={t('process.feedback.list.change')} name="change" value={change} onChange={(e) => setChange(e.target.value)} error={fieldError(save.error, 'change')} required rows={2} />
      <TextAreaField scope={scope} label={t('process.feedback.list.reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(save.error, 'reason')} required rows={2} />
      <button type="submit" className="button" disabled={save.isPending}>
        {entry ? t('editors.saveChanges') : t('process.feedback.list.save')}
      </button>
    </form>
  );
}
