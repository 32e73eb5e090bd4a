import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { collator, formatNumber } from '../../../api/format.ts';
import { useMunicipalityIndex } from '../../../api/hooks.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { CheckboxField, ErrorSummary, fieldError, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { GoalTargetPicker, tagsError } from '../../../components/GoalTargetPicker.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { inputKeys, useInputs } from './api.ts';
import { WithSpace } from './common.tsx';
import { InputsMap } from './InputsMap.tsx';
import { AGE_GROUPS, CHANNELS, KINDS, label, optionsOf, SERVICE_TYPES, SUBMITTER_SECTORS, THEMES } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';

/** The public form of a space: raise a need or an idea without an account; leaders also enter input for others. */
export function InputFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return <WithSpace id={id} title={t('inputs.form.title')}>{(space) => <InputForm space={space} />}</WithSpace>;
}

interface Values {
  text: string;
  kind: string;
  theme: string;
  serviceType: string;
  municipalityCode: string;
  localityId: string;
  point: { lon: number; lat: number } | null;
  goals: number[];
  targets: string[];
  submitterSector: string;
  submitterAgeGroup: string;
  submitterEmail: string;
  onBehalf: boolean;
  channel: string;
}

const EMPTY: Values = {
  text: '',
  kind: 'need',
  theme: '',
  serviceType: '',
  municipalityCode: '',
  localityId: '',
  point: null,
  goals: [],
  targets: [],
  submitterSector: '',
  submitterAgeGroup: '',
  submitterEmail: '',
  onBehalf: false,
  channel: '',
};

const SCOPE = 'input';

function InputForm({ space }: { space: Space }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inputs.form.titleFor', { name: space.name }));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  // What the collection offers the caller (submit, enter on behalf) comes with the list.
  const collection = useInputs(space.id, { limit: 1 });
  const mayEnterOnBehalf = collection.data?.allowedActions.includes('enter_on_behalf') ?? false;
  const [values, setValues] = useState<Values>(EMPTY);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const localities = useQuery({
    queryKey: ['localities', 'all'],
    queryFn: () => api.getLocalities(),
    staleTime: 5 * 60_000,
  });
  const spaceCodes = new Set(space.municipalityCodes);
  const localityOptions = (localities.data ?? [])
    .filter((l) => (spaceCodes.size === 0 || spaceCodes.has(l.municipalityCode)) && (!values.municipalityCode || l.municipalityCode === values.municipalityCode))
    .sort((a, b) => collator.compare(a.name, b.name));
  const chosenLocality = (localities.data ?? []).find((l) => l.id === values.localityId);
  const municipalityOptions = space.municipalityCodes
    .map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const submit = useMutation({
    mutationFn: () =>
      api.submitInput({ params: { id: space.id }, body: {
          text: values.text,
          kind: pick(KINDS, values.kind),
          theme: pick(THEMES, values.theme) ?? null,
          serviceType: values.theme === 'service' ? (pick(SERVICE_TYPES, values.serviceType) ?? null) : null,
          municipalityCode: values.localityId ? null : values.municipalityCode || null,
          localityId: values.localityId || null,
          point: values.point,
          goals: values.goals,
          targets: values.targets,
          submitterSector: pick(SUBMITTER_SECTORS, values.submitterSector) ?? null,
          submitterAgeGroup: pick(AGE_GROUPS, values.submitterAgeGroup) ?? null,
          submitterEmail: values.submitterEmail.trim() || null,
          submitterLanguage: i18n.language === 'en' ? 'en' : 'sv',
          ...(values.onBehalf ? { source: 'facilitator', channel: pick(CHANNELS, values.channel) ?? null } : { source: 'form' }),
        } }),
    onSuccess: async (input) => {
      await queryClient.invalidateQueries({ queryKey: inputKeys.all });
      navigate(`/spaces/${space.id}/inputs/${input.id}`, { state: { submitted: true, notified: values.submitterEmail.trim() !== '' } });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const err = (name: string) => fieldError(submit.error, name);
  const labels: Record<string, string> = {
    text: values.kind === 'need' ? t('inputs.form.textNeed') : t('inputs.form.textIdea'),
    kind: t('inputs.fields.kind'),
    theme: t('inputs.fields.theme'),
    targets: t('agenda2030.picker.legend'),
    serviceType: t('inputs.fields.serviceType'),
    municipalityCode: t('inputs.fields.municipality'),
    localityId: t('inputs.fields.locality'),
    point: t('inputs.fields.point'),
    'point.lon': t('inputs.fields.point'),
    'point.lat': t('inputs.fields.point'),
    submitterSector: t('inputs.fields.submitterSector'),
    submitterAgeGroup: t('inputs.fields.submitterAgeGroup'),
    submitterEmail: t('inputs.fields.submitterEmail'),
    channel: t('inputs.fields.channel'),
  };

  return (
    <div className="container narrow">
      <SpaceSubnav space={space} />
      <p className="breadcrumbs">
        <Link to={`/spaces/${space.id}/inputs`}>{t('inputs.list.title')}</Link>
      </p>
      <h1>{t('inputs.form.title')}</h1>
      <p className="lead">{t('inputs.form.lead', { name: space.name })}</p>
      {space.archived ? (
        <div className="notice notice--info">{t('inputs.form.archived')}</div>
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="input-form" aria-describedby="input-form-privacy">
          <ErrorSummary error={submit.error} labels={labels} scope={SCOPE} />
          {mayEnterOnBehalf && (
            <fieldset className="fieldset panel">
              <legend className="field__label">{t('inputs.form.onBehalfLegend')}</legend>
              <CheckboxField scope={SCOPE} name="onBehalf" label={t('inputs.form.onBehalf')} hint={t('inputs.form.onBehalfHint')} checked={values.onBehalf} onChange={(v) => set('onBehalf', v)} />
              {values.onBehalf && (
                <SelectField
                  scope={SCOPE}
                  name="channel"
                  label={t('inputs.fields.channel')}
                  required
                  value={values.channel}
                  onChange={(e) => set('channel', e.target.value)}
                  error={err('channel')}
                  options={optionsOf(t, 'channel', CHANNELS, t('common.choose'))}
                />
              )}
            </fieldset>
          )}
          <RadioGroup
            scope={SCOPE}
            name="kind"
            label={t('inputs.fields.kind')}
            required
            value={values.kind}
            onChange={(v) => set('kind', v)}
            error={err('kind')}
            options={[
              { value: 'need', label: label(t, 'kind', 'need'), hint: t('inputs.form.needHint') },
              { value: 'idea', label: label(t, 'kind', 'idea'), hint: t('inputs.form.ideaHint') },
            ]}
          />
          <TextAreaField
            scope={SCOPE}
            name="text"
            label={values.kind === 'need' ? t('inputs.form.textNeed') : t('inputs.form.textIdea')}
            hint={t('inputs.form.textHint')}
            required
            rows={5}
            maxLength={4000}
            value={values.text}
            onChange={(e) => set('text', e.target.value)}
            error={err('text')}
          />
          <SelectField
            scope={SCOPE}
            name="theme"
            label={t('inputs.fields.theme')}
            value={values.theme}
            onChange={(e) => set('theme', e.target.value)}
            error={err('theme')}
            options={optionsOf(t, 'theme', THEMES, t('inputs.form.noTheme'))}
          />
          {values.theme === 'service' && (
            <SelectField
              scope={SCOPE}
              name="serviceType"
              label={t('inputs.fields.serviceType')}
              hint={t('inputs.form.serviceTypeHint')}
              required={values.kind === 'need'}
              value={values.serviceType}
              onChange={(e) => set('serviceType', e.target.value)}
              error={err('serviceType')}
              options={optionsOf(t, 'serviceType', SERVICE_TYPES, t('common.choose'))}
            />
          )}

          <fieldset className="fieldset">
            <legend className="field__label">{t('inputs.form.placeLegend')}</legend>
            <p className="field__hint">{t('inputs.form.placeHint')}</p>
            {municipalityOptions.length > 1 && (
              <SelectField
                scope={SCOPE}
                name="municipalityCode"
                label={t('inputs.fields.municipality')}
                value={values.municipalityCode}
                onChange={(e) => setValues((v) => ({ ...v, municipalityCode: e.target.value, localityId: '' }))}
                error={err('municipalityCode')}
                options={[{ value: '', label: t('inputs.form.anyMunicipality') }, ...municipalityOptions]}
              />
            )}
            <SelectField
              scope={SCOPE}
              name="localityId"
              label={t('inputs.fields.locality')}
              hint={localityOptions.length === 0 ? t('inputs.form.noLocalities') : undefined}
              value={values.localityId}
              onChange={(e) => set('localityId', e.target.value)}
              error={err('localityId')}
              options={[{ value: '', label: t('inputs.form.noLocality') }, ...localityOptions.map((l) => ({ value: l.id, label: values.municipalityCode ? l.name : `${l.name} (${l.municipalityName})` }))]}
            />
            <p id={`${SCOPE}-point`} className="field__label" tabIndex={-1}>
              {t('inputs.fields.point')}
            </p>
            <p className="field__hint">{t('inputs.form.pointHint')}</p>
            {(err('point') || err('point.lon') || err('point.lat')) && <p className="field__error">{err('point') ?? err('point.lon') ?? err('point.lat')}</p>}
            <InputsMap
              municipalityCodes={space.municipalityCodes}
              picked={values.point}
              onPick={(p) => set('point', p)}
              label={t('inputs.map.pickLabel')}
              focus={{
                codes: values.municipalityCode ? [values.municipalityCode] : municipalityOptions.length === 1 ? space.municipalityCodes : [],
                point: chosenLocality ? { lon: chosenLocality.lon, lat: chosenLocality.lat } : null,
              }}
            />
            <p role="status" className="muted" data-testid="picked-point">
              {values.point
                ? t('inputs.form.pointChosen', { lat: formatNumber(values.point.lat), lon: formatNumber(values.point.lon) })
                : t('inputs.form.noPoint')}
            </p>
          </fieldset>

          <details className="section">
            <summary>{t('inputs.form.goalsSummary')}</summary>
            <p className="field__hint">{t('inputs.form.goalsHint')}</p>
            <GoalTargetPicker scope={SCOPE} goals={values.goals} targets={values.targets} onChange={(tags) => setValues((v) => ({ ...v, ...tags }))} error={tagsError(submit.error)} />
          </details>

          <fieldset className="fieldset">
            <legend className="field__label">{values.onBehalf ? t('inputs.form.aboutThemLegend') : t('inputs.form.aboutYouLegend')}</legend>
            <p className="field__hint">{t('inputs.form.aboutYouHint')}</p>
            <SelectField
              scope={SCOPE}
              name="submitterSector"
              label={t('inputs.fields.submitterSector')}
              value={values.submitterSector}
              onChange={(e) => set('submitterSector', e.target.value)}
              error={err('submitterSector')}
              options={optionsOf(t, 'sector', SUBMITTER_SECTORS, t('inputs.form.notSaid'))}
            />
            <SelectField
              scope={SCOPE}
              name="submitterAgeGroup"
              label={t('inputs.fields.submitterAgeGroup')}
              value={values.submitterAgeGroup}
              onChange={(e) => set('submitterAgeGroup', e.target.value)}
              error={err('submitterAgeGroup')}
              options={optionsOf(t, 'ageGroup', AGE_GROUPS, t('inputs.form.notSaid'))}
            />
            <TextField
              scope={SCOPE}
              name="submitterEmail"
              type="email"
              autoComplete={values.onBehalf ? 'off' : 'email'}
              label={t('inputs.fields.submitterEmail')}
              hint={t('inputs.form.emailHint')}
              value={values.submitterEmail}
              onChange={(e) => set('submitterEmail', e.target.value)}
              error={err('submitterEmail')}
            />
          </fieldset>
          <p id="input-form-privacy" className="muted">
            {t('inputs.form.privacy')}
          </p>
          <div className="form-row__submit">
            <button type="submit" className="button" disabled={submit.isPending}>
              {submit.isPending ? t('inputs.form.sending') : values.onBehalf ? t('inputs.form.submitOnBehalf') : t('inputs.form.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
