import type { Organisation, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { actorKeys, useSpaceOrganisations } from '../actors/api.ts';
import { COLLABORATION_TYPES, collaborationTypeLabel, FREQUENCIES, frequencyLabel, options, sectorLabel } from '../actors/labels.ts';
import { pick } from '../../i18n/labels.ts';

/** For a space's leaders: who takes part, and the collaborations between them. */
export function ManageSection({ space, onMessage }: { space: Space; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-heading" className="section panel">
      <h2 id="manage-heading">{t('manage.heading')}</h2>
      <p>{t('manage.lead')}</p>
      <AddOrganisation space={space} onMessage={onMessage} />
      <RecordCollaboration space={space} onMessage={onMessage} />
    </section>
  );
}

function useRefreshNetwork(spaceId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['network', spaceId] });
    await queryClient.invalidateQueries({ queryKey: actorKeys.spaceOrganisations(spaceId) });
    await queryClient.invalidateQueries({ queryKey: ['collaborations'] });
  };
}

function AddOrganisation({ space, onMessage }: { space: Space; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshNetwork(space.id);
  const [q, setQ] = useState('');
  const members = useSpaceOrganisations(space.id);
  const inSpace = new Set((members.data ?? []).map((o) => o.id));
  const found = useQuery({
    queryKey: actorKeys.organisations({ q: q.trim(), limit: 10 }),
    queryFn: () => api.getOrganisations({ query: { q: q.trim(), limit: 10 } }),
    enabled: q.trim().length >= 2,
    placeholderData: (previous) => previous,
  });
  const add = useMutation({
    mutationFn: (o: Organisation) => api.addSpaceOrganisation({ params: { id: space.id }, body: { organisationId: o.id } }),
    onSuccess: async (_d, o) => {
      onMessage(t('manage.added', { name: o.name, space: space.name }));
      await refresh();
    },
  });
  return (
    <>
      <h3>{t('manage.addHeading')}</h3>
      <p>{t('manage.addLead')}</p>
      <TextField
        scope="add-org"
        label={t('manage.searchRegistry')}
        hint={t('manage.searchRegistryHint')}
        name="q"
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {add.isError && <QueryError error={add.error} />}
      {q.trim().length >= 2 &&
        (found.isPending ? (
          <Loading />
        ) : found.isError ? (
          <QueryError error={found.error} />
        ) : found.data.items.length === 0 ? (
          <p className="muted">{t('manage.noneFound')}</p>
        ) : (
          <ul className="result-list" data-testid="registry-results">
            {found.data.items.map((o) => (
              <li key={o.id}>
                <span>
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link>{' '}
                  <span className="muted">
                    ({sectorLabel(t, o.sector)}
                    {o.municipalityName ? `, ${o.municipalityName}` : ''})
                  </span>
                </span>
                {inSpace.has(o.id) ? (
                  <span className="muted">{t('manage.alreadyIn')}</span>
                ) : (
                  <button type="button" className="button button--small" disabled={add.isPending} onClick={() => add.mutate(o)}>
                    {t('manage.add')}
                    <span className="visually-hidden"> {o.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <p>
        <Link to={`/organisations/new?space=${space.id}`}>{t('manage.createNew')}</Link>
      </p>
    </>
  );
}

const emptyCollaboration = { a: '', b: '', type: '', frequency: '', startDate: '', endDate: '', description: '' };

function RecordCollaboration({ space, onMessage }: { space: Space; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshNetwork(space.id);
  const members = useSpaceOrganisations(space.id);
  const [form, setForm] = useState(emptyCollaboration);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const record = useMutation({
    mutationFn: () =>
      api.recordCollaboration({ body: {
          organisationIds: [form.a, form.b],
          type: pick(COLLABORATION_TYPES, form.type),
          frequency: pick(FREQUENCIES, form.frequency) ?? null,
          startDate: form.startDate || null,
          endDate: form.endDate || null,
          description: form.description.trim() || undefined,
          // Recorded as seen in this space: other spaces' networks do not show it.
          spaceId: space.id,
        } }),
    onSuccess: async (c) => {
      // Named in the order the user chose them (the API stores the pair in its own order).
      const nameOf = (id: string) => members.data?.find((o) => o.id === id)?.name;
      onMessage(t('manage.recorded', { a: nameOf(form.a) ?? c.organisationNames[0], b: nameOf(form.b) ?? c.organisationNames[1] }));
      setForm(emptyCollaboration);
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  const orgOptions = [
    { value: '', label: t('common.choose') },
    ...sortBy(members.data ?? [], (o) => o.name).map((o) => ({ value: o.id, label: o.name })),
  ];
  const labels = {
    organisationIds: t('manage.organisations'),
    type: t('network.fields.type'),
    frequency: t('network.fields.frequency'),
    startDate: t('manage.startDate'),
    endDate: t('manage.endDate'),
    description: t('organisations.fields.description'),
  };
  return (
    <>
      <h3 id="record-heading">{t('manage.recordHeading')}</h3>
      <p>{t('manage.recordLead')}</p>
      <ErrorSummary error={record.error} scope="collab" labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="record-heading" data-testid="collaboration-form">
        <div className="form-row">
          <SelectField
            scope="collab"
            label={t('manage.organisationA')}
            name="organisationIds"
            value={form.a}
            onChange={set('a')}
            options={orgOptions}
            error={fieldError(record.error, 'organisationIds')}
            required
          />
          <SelectField scope="collab" label={t('manage.organisationB')} name="organisationB" value={form.b} onChange={set('b')} options={orgOptions} required />
        </div>
        <div className="form-row">
          <SelectField
            scope="collab"
            label={labels.type}
            name="type"
            value={form.type}
            onChange={set('type')}
            options={options(COLLABORATION_TYPES, (v) => collaborationTypeLabel(t, v), t('common.choose'))}
            error={fieldError(record.error, 'type')}
            required
          />
          <SelectField
            scope="collab"
            label={labels.frequency}
            name="frequency"
            value={form.frequency}
            onChange={set('frequency')}
            options={options(FREQUENCIES, (v) => frequencyLabel(t, v), t('manage.notStated'))}
            error={fieldError(record.error, 'frequency')}
          />
        </div>
        <div className="form-row">
          <TextField scope="collab" label={labels.startDate} name="startDate" type="date" value={form.startDate} onChange={set('startDate')} error={fieldError(record.error, 'startDate')} />
          <TextField scope="collab" label={labels.endDate} name="endDate" type="date" value={form.endDate} onChange={set('endDate')} error={fieldError(record.error, 'endDate')} />
        </div>
        <TextAreaField
          scope="collab"
          label={labels.description}
          name="description"
          rows={3}
          value={form.description}
          onChange={set('description')}
          error={fieldError(record.error, 'description')}
        />
        <button type="submit" className="button" disabled={record.isPending || members.isPending}>
          {t('manage.record')}
        </button>
      </form>
    </>
  );
}
