import type { OwnProfile, ProfileVisibility, Sector } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { useMunicipalities } from '../../api/hooks.ts';
import {
  ErrorSummary,
  fieldError,
  Loading,
  QueryError,
  RadioGroup,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../components/fields.tsx';
import { options, SECTORS, sectorLabel } from '../actors/labels.ts';

const VISIBILITIES: ProfileVisibility[] = ['members', 'everyone', 'nobody'];

/** What others may read about me (organisation, sector, municipality, a presentation) and to whom it shows. */
export function ProfileDetailsSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: ['own-profile'], queryFn: () => api.getOwnProfile({}) });
  return (
    <section className="panel" aria-labelledby="profile-details-heading">
      <h2 id="profile-details-heading">{t('inviting.profile.heading')}</h2>
      <p>{t('inviting.profile.lead')}</p>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <QueryError error={profile.error} />
      ) : (
        <ProfileForm initial={profile.data} userId={userId} />
      )}
    </section>
  );
}

function ProfileForm({ initial, userId }: { initial: OwnProfile; userId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: municipalities } = useMunicipalities();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof OwnProfile>(key: K, value: OwnProfile[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.saveOwnProfile({
        body: {
          organisation: values.organisation,
          sector: values.sector,
          municipalityCode: values.municipalityCode,
          presentation: values.presentation,
          visibility: values.visibility,
        },
      }),
    onSuccess: (saved) => queryClient.setQueryData(['own-profile'], saved),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labels = {
    organisation: t('inviting.profile.organisation'),
    sector: t('inviting.profile.sector'),
    municipalityCode: t('inviting.profile.municipality'),
    presentation: t('inviting.profile.presentation'),
    visibility: t('inviting.profile.visibility'),
  };
  return (
    <>
      {save.isSuccess && (
        <StatusMessage>
          {t('inviting.profile.saved')}{' '}
          {values.visibility !== 'nobody' && <Link to={`/users/${userId}`}>{t('inviting.profile.view')}</Link>}
        </StatusMessage>
      )}
      <ErrorSummary error={save.error} scope="profile-details" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="profile-details-form">
        <TextField
          scope="profile-details"
          label={labels.organisation}
          hint={t('inviting.profile.organisationHint')}
          name="organisation"
          autoComplete="organization"
          maxLength={200}
          value={values.organisation}
          onChange={(e) => set('organisation', e.target.value)}
          error={fieldError(save.error, 'organisation')}
        />
        <SelectField
          scope="profile-details"
          label={labels.sector}
          name="sector"
          value={values.sector ?? ''}
          onChange={(e) => set('sector', (e.target.value || null) as Sector | null)}
          options={options(SECTORS, (v) => sectorLabel(t, v), t('inviting.profile.notStated'))}
          error={fieldError(save.error, 'sector')}
        />
        <SelectField
          scope="profile-details"
          label={labels.municipalityCode}
          name="municipalityCode"
          value={values.municipalityCode ?? ''}
          onChange={(e) => set('municipalityCode', e.target.value || null)}
          options={[
            { value: '', label: t('inviting.profile.notStated') },
            ...sortBy(municipalities ?? [], (m) => m.name).map((m) => ({ value: m.code, label: m.name })),
          ]}
          error={fieldError(save.error, 'municipalityCode')}
        />
        <TextAreaField
          scope="profile-details"
          label={labels.presentation}
          hint={t('inviting.profile.presentationHint')}
          name="presentation"
          rows={4}
          maxLength={1000}
          value={values.presentation}
          onChange={(e) => set('presentation', e.target.value)}
          error={fieldError(save.error, 'presentation')}
        />
        <RadioGroup
          scope="profile-details"
          label={labels.visibility}
          name="visibility"
          value={values.visibility}
          onChange={(v) => set('visibility', v as ProfileVisibility)}
          options={VISIBILITIES.map((v) => ({
            value: v,
            label: t(`inviting.profile.visibilities.${v}`),
            hint: t(`inviting.profile.visibilityHints.${v}`),
          }))}
          error={fieldError(save.error, 'visibility')}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('inviting.profile.save')}
        </button>
      </form>
    </>
  );
}
