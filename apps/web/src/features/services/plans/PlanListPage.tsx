import type { Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, sortBy } from '../../../api/format.ts';
import { useMunicipalityIndex, useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextField } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { planKeys, useSpacePlans } from './api.ts';
import { periodText, statusLabel } from './labels.ts';
import './plans.css';

/** The municipal service plans of a space, and for its leaders a form to start one. */
export function PlanListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('servicePlans.list.titleFor', { name: space.data.name }) : t('servicePlans.list.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePlans.list.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <PlanList space={space.data} />;
}

function PlanList({ space }: { space: Space }) {
  const { t } = useTranslation();
  const plans = useSpacePlans(space.id);
  const municipalities = useMunicipalityIndex();
  const countyCodes = [...new Set(space.municipalityCodes.map((c) => municipalities.get(c)?.countyCode).filter((c): c is string => Boolean(c)))].sort();
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('servicePlans.list.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('servicePlans.list.lead')}</p>
      <section aria-labelledby="plans-heading" className="section">
        <h2 id="plans-heading">{t('servicePlans.list.heading')}</h2>
        {plans.isPending ? (
          <Loading />
        ) : plans.isError ? (
          <QueryError error={plans.error} />
        ) : (
          <DataTable
            caption={t('servicePlans.list.caption', { name: space.name })}
            testId="plan-list"
            rows={plans.data}
            rowKey={(p) => p.id}
            empty={t('servicePlans.list.none')}
            columns={[
              { key: 'title', header: t('servicePlans.fields.title'), rowHeader: true, cell: (p) => <Link to={`/service-plans/${p.id}`}>{p.title}</Link> },
              { key: 'municipality', header: t('servicePlans.fields.municipality'), cell: (p) => p.municipalityName },
              { key: 'period', header: t('servicePlans.fields.period'), cell: (p) => periodText(p.periodStart, p.periodEnd) },
              {
                key: 'status',
                header: t('servicePlans.fields.status'),
                cell: (p) => (
                  <>
                    {statusLabel(t, p.status)}
                    {p.adopted && p.status !== 'adopted' && <> ({t('servicePlans.list.adoptedVersion', { number: p.adopted.number })})</>}
                  </>
                ),
              },
              { key: 'measures', header: t('servicePlans.fields.measures'), numeric: true, cell: (p) => p.measureCount },
              { key: 'updated', header: t('servicePlans.fields.updated'), cell: (p) => formatDate(p.updatedAt) },
            ]}
          />
        )}
        {countyCodes.length > 0 && (
          <ul className="plain-list">
            {countyCodes.map((code) => (
              <li key={code}>
                <Link to={`/service-programme?county=${code}`}>{t('servicePlans.list.programmeLink')}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {space.allowedActions.includes('manage_organisations') && <CreatePlan space={space} />}
    </div>
  );
}

function CreatePlan({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  const options = sortBy(
    space.municipalityCodes.map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code })),
    (o) => o.label,
  );
  const year = new Date().getFullYear();
  const [values, setValues] = useState({ title: '', municipalityCode: options[0]?.value ?? '', periodStart: String(year), periodEnd: String(year + 3) });
  const create = useMutation({
    mutationFn: () => api.createPlan({ params: { id: space.id }, body: values }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: planKeys.list(space.id) });
      void navigate(`/service-plans/${plan.id}?created=1`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));
  if (options.length === 0) return <p className="notice notice--info">{t('servicePlans.create.noMunicipalities')}</p>;
  return (
    <section aria-labelledby="create-plan-heading" className="section panel">
      <h2 id="create-plan-heading">{t('servicePlans.create.heading')}</h2>
      <form onSubmit={submit} noValidate data-testid="create-plan-form">
        <ErrorSummary
          error={create.error}
          scope="plan"
          labels={{ title: t('servicePlans.fields.title'), municipalityCode: t('servicePlans.fields.municipality'), periodStart: t('servicePlans.fields.periodStart'), periodEnd: t('servicePlans.fields.periodEnd') }}
        />
        <TextField scope="plan" name="title" label={t('servicePlans.fields.title')} required value={values.title} onChange={set('title')} error={fieldError(create.error, 'title')} />
        <SelectField scope="plan" name="municipalityCode" label={t('servicePlans.fields.municipality')} required options={options} value={values.municipalityCode} onChange={set('municipalityCode')} error={fieldError(create.error, 'municipalityCode')} />
        <div className="form-row">
          <TextField scope="plan" name="periodStart" label={t('servicePlans.fields.periodStart')} hint={t('servicePlans.create.yearHint')} inputMode="numeric" required value={values.periodStart} onChange={set('periodStart')} error={fieldError(create.error, 'periodStart')} />
          <TextField scope="plan" name="periodEnd" label={t('servicePlans.fields.periodEnd')} hint={t('servicePlans.create.yearHint')} inputMode="numeric" required value={values.periodEnd} onChange={set('periodEnd')} error={fieldError(create.error, 'periodEnd')} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('servicePlans.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
