import type { Person, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { collator, formatDateTime, sortBy } from '../../api/format.ts';
import { useMunicipalities, useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, QueryError, RadioGroup, SelectField, StatusMessage, TextField } from '../../components/fields.tsx';
import { useSpaceOrganisations } from '../actors/api.ts';
import { WithdrawConsentButton } from '../privacy/WithdrawConsentButton.tsx';
import { AGE_GROUPS, ageGroupLabel, CONSENT_METHODS, consentMethodLabel, options } from '../actors/labels.ts';
import { pick } from '../../i18n/labels.ts';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { displayName } from '../privacy/deleted-user.ts';

/** People in a space: personal data, for its leaders only (the API refuses everyone else). */
export function PeoplePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('people.titleFor', { name: space.data.name }) : t('people.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('people.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  if (!space.data.allowedActions.includes('manage_people')) {
    return (
      <div className="container">
        <SpaceSubnav space={space.data} />
        <h1>{t('people.title')}</h1>
        <div className="notice notice--info" data-testid="people-hidden">
          {t('people.leadersOnly')}
        </div>
      </div>
    );
  }
  return <PeopleView space={space.data} />;
}

function PeopleView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Person | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const people = useQuery({
    queryKey: ['people', space.id],
    queryFn: () => api.getPeople({ query: { space: space.id } }),
  });
  const erase = useMutation({
    mutationFn: (p: Person) => api.erasePerson({ params: { id: p.id } }),
    onSuccess: async (_d, p) => {
      setMessage(t('people.erased', { name: p.name }));
      if (editing?.id === p.id) setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['people', space.id] });
    },
  });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('people.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('people.lead')}</p>
      <div className="notice notice--info">{t('people.privacy')}</div>
      {message && <StatusMessage>{message}</StatusMessage>}
      {erase.isError && <QueryError error={erase.error} />}
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <QueryError error={people.error} />
      ) : (
        <DataTable<Person>
          caption={t('people.caption', { count: people.data.length })}
          testId="people-table"
          rows={sortBy(people.data, (p) => p.name)}
          rowKey={(p) => p.id}
          empty={t('people.none')}
          columns={[
            { key: 'name', header: t('fields.name'), rowHeader: true, cell: (p) => displayName(t, p.name) },
            { key: 'email', header: t('fields.email'), cell: (p) => p.email ?? '–' },
            { key: 'phone', header: t('people.phone'), cell: (p) => p.phone ?? '–' },
            { key: 'affiliations', header: t('people.affiliations'), cell: (p) => p.affiliations.map((a) => (a.role ? `${a.organisationName} (${a.role})` : a.organisationName)).join(', ') || '–' },
            { key: 'youth', header: t('people.youth'), cell: (p) => (p.youthRepresentative ? t('people.yes') : '–') },
            {
              key: 'consent',
              header: t('people.consent'),
              cell: (p) => {
                const c = p.consents.find((x) => !x.withdrawnAt) ?? p.consents[0];
                if (!c) return '–';
                const given = `${consentMethodLabel(t, c.method)}, ${formatDateTime(c.givenAt)} (${c.textVersion})`;
                // A withdrawal is shown beside the consent: when and how.
                return c.withdrawnAt
                  ? `${given}. ${t('privacy.withdraw.withdrawn', { at: formatDateTime(c.withdrawnAt), how: c.withdrawalMethod ? t(`privacy.withdraw.withdrawnBy.${c.withdrawalMethod}`) : '' }).trim()}`
                  : given;
              },
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (p) => (
                <RowActions
                  name={p.name}
                  onEdit={p.allowedActions.includes('update') ? () => setEditing(p) : undefined}
                  remove={
                    p.allowedActions.includes('erase')
                      ? { label: t('people.erase'), confirm: t('people.eraseConfirm', { name: p.name }), pending: erase.isPending, onConfirm: () => erase.mutate(p) }
                      : undefined
                  }
                >
                  {p.allowedActions.includes('update') && p.consents.some((c) => !c.withdrawnAt) && (
                    <WithdrawConsentButton
                      kind="person"
                      id={p.consents.find((c) => !c.withdrawnAt)!.id}
                      name={p.name}
                      onDone={() => queryClient.invalidateQueries({ queryKey: ['people', space.id] })}
                    />
                  )}
                </RowActions>
              ),
            },
          ]}
        />
      )}
      <PersonForm
        key={editing?.id ?? 'new'}
        space={space}
        person={editing}
        onDone={(text) => {
          setEditing(null);
          setMessage(text || null);
        }}
      />
    </div>
  );
}

function PersonForm({ space, person, onDone }: { space: Space; person: Person | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: municipalities } = useMunicipalities();
  const organisations = useSpaceOrganisations(space.id);
  useEffect(() => {
    if (person) heading.current?.focus();
  }, [person]);
  const first = person?.affiliations[0];
  const [v, setV] = useState({
    name: person?.name ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    municipalityCode: person?.municipalityCode ?? '',
    youthRepresentative: person?.youthRepresentative ?? false,
    ageGroup: person?.ageGroup ?? '',
    organisationId: first?.organisationId ?? '',
    role: first?.role ?? '',
    purpose: '',
    textVersion: '',
    method: '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: v.name,
        email: v.email.trim() || null,
        phone: v.phone.trim() || null,
        municipalityCode: v.municipalityCode || null,
        youthRepresentative: v.youthRepresentative,
        ageGroup: pick(AGE_GROUPS, v.ageGroup) ?? null,
        affiliations: v.organisationId ? [{ organisationId: v.organisationId, role: v.role.trim() }] : [],
      };
      return person
        ? api.patchPerson({ params: { id: person.id }, body: body })
        : api.createPerson({ body: { ...body, spaceId: space.id, consent: { purpose: v.purpose, textVersion: v.textVersion, method: pick(CONSENT_METHODS, v.method) } } });
    },
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: ['people', space.id] });
      onDone(person ? t('people.saved', { name: p.name }) : t('people.created', { name: p.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labels: Record<string, string> = {
    name: t('fields.name'),
    email: t('fields.email'),
    phone: t('people.phone'),
    municipalityCode: t('organisations.fields.municipality'),
    ageGroup: t('people.ageGroupLabel'),
    affiliations: t('people.organisation'),
    'consent.purpose': t('people.purpose'),
    'consent.textVersion': t('people.textVersion'),
    'consent.method': t('people.methodLabel'),
  };
  const municipalityOptions = [
    { value: '', label: t('organisations.noMunicipality') },
    ...[...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((m) => ({ value: m.code, label: m.name })),
  ];
  return (
    <section className="panel section" aria-labelledby="person-form-heading">
      <h2 id="person-form-heading" ref={heading} tabIndex={-1}>
        {person ? t('people.editHeading', { name: person.name }) : t('people.createHeading')}
      </h2>
      <ErrorSummary error={save.error} scope="person" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="person-form">
        <TextField scope="person" label={labels.name} name="name" autoComplete="off" value={v.name} onChange={set('name')} error={fieldError(save.error, 'name')} required />
        <div className="form-row">
          <TextField scope="person" label={labels.email} name="email" type="email" autoComplete="off" value={v.email} onChange={set('email')} error={fieldError(save.error, 'email')} />
          <TextField scope="person" label={labels.phone} name="phone" type="tel" autoComplete="off" value={v.phone} onChange={set('phone')} error={fieldError(save.error, 'phone')} />
        </div>
        <div className="form-row">
          <SelectField scope="person" label={labels.municipalityCode} name="municipalityCode" value={v.municipalityCode} onChange={set('municipalityCode')} options={municipalityOptions} error={fieldError(save.error, 'municipalityCode')} />
          <SelectField
            scope="person"
            label={labels.ageGroup}
            name="ageGroup"
            value={v.ageGroup}
            onChange={set('ageGroup')}
            options={options(AGE_GROUPS, (a) => ageGroupLabel(t, a), t('manage.notStated'))}
            error={fieldError(save.error, 'ageGroup')}
          />
        </div>
        <CheckboxField scope="person" name="youthRepresentative" label={t('people.youthRepresentative')} checked={v.youthRepresentative} onChange={(c) => setV({ ...v, youthRepresentative: c })} />
        <div className="form-row">
          <SelectField
            scope="person"
            label={labels.affiliations}
            name="affiliations"
            value={v.organisationId}
            onChange={set('organisationId')}
            options={[{ value: '', label: t('people.noOrganisation') }, ...sortBy(organisations.data ?? [], (o) => o.name).map((o) => ({ value: o.id, label: o.name }))]}
            error={fieldError(save.error, 'affiliations')}
          />
          <TextField scope="person" label={t('people.role')} name="role" value={v.role} onChange={set('role')} disabled={!v.organisationId} />
        </div>
        {!person && (
          <fieldset className="fieldset consent">
            <legend className="field__label">{t('people.consentLegend')}</legend>
            <p className="field__hint">{t('people.consentHint')}</p>
            <TextField scope="person" label={labels['consent.purpose']} hint={t('people.purposeHint')} name="consent.purpose" value={v.purpose} onChange={set('purpose')} error={fieldError(save.error, 'consent.purpose')} required />
            <TextField scope="person" label={labels['consent.textVersion']} hint={t('people.textVersionHint')} name="consent.textVersion" value={v.textVersion} onChange={set('textVersion')} error={fieldError(save.error, 'consent.textVersion')} required />
            <RadioGroup
              scope="person"
              label={labels['consent.method']}
              name="consent.method"
              value={v.method}
              onChange={(m) => setV({ ...v, method: m })}
              options={CONSENT_METHODS.map((m) => ({ value: m, label: consentMethodLabel(t, m) }))}
              error={fieldError(save.error, 'consent.method')}
              required
            />
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {person ? t('common.save') : t('people.create')}
          </button>
          {person && (
            <button type="button" className="button button--secondary" onClick={() => onDone('')}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
