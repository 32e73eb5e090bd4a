import type { Space } from '@samhandling/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldError, RadioGroup, TextAreaField, TextField } from '../../components/fields.tsx';
import { GoalTargetPicker, tagsError } from '../../components/GoalTargetPicker.tsx';
import { MunicipalityPicker } from '../../components/MunicipalityPicker.tsx';
import { JOIN_POLICIES, joinPolicyLabel, kindLabel, SPACE_KINDS, visibilityLabel } from './labels.ts';

export interface SpaceFormValues {
  name: string;
  description: string;
  kind: Space['kind'];
  visibility: Space['visibility'];
  joinPolicy: Space['joinPolicy'];
  municipalityCodes: string[];
  goals: number[];
  targets: string[];
}

export function SpaceForm({
  initial,
  onSubmit,
  error,
  pending,
  submitLabel,
  extraActions,
}: {
  initial: SpaceFormValues;
  onSubmit: (values: SpaceFormValues) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SpaceFormValues>(initial);
  const set = <K extends keyof SpaceFormValues>(key: K, value: SpaceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  const labels = {
    name: t('space.fields.name'),
    description: t('space.fields.description'),
    kind: t('space.fields.kind'),
    visibility: t('space.fields.visibility'),
    joinPolicy: t('inviting.joinSpace.policyLegend'),
    municipalityCodes: t('picker.legend'),
    targets: t('agenda2030.picker.legend'),
  };
  return (
    <>
      <ErrorSummary error={error} labels={labels} />
      <form onSubmit={submit} noValidate data-testid="space-form">
        <TextField
          label={labels.name}
          name="name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={fieldError(error, 'name')}
          required
          maxLength={120}
        />
        <TextAreaField
          label={labels.description}
          hint={t('space.fields.descriptionHint')}
          name="description"
          rows={5}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          error={fieldError(error, 'description')}
        />
        <RadioGroup
          label={labels.kind}
          name="kind"
          value={values.kind}
          onChange={(v) => set('kind', v as SpaceFormValues['kind'])}
          options={SPACE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k), hint: t(`space.kindHint.${k}`) }))}
          error={fieldError(error, 'kind')}
          required
        />
        <RadioGroup
          label={labels.visibility}
          name="visibility"
          value={values.visibility}
          onChange={(v) => set('visibility', v as SpaceFormValues['visibility'])}
          options={(['public', 'members'] as const).map((v) => ({
            value: v,
            label: visibilityLabel(t, v),
            hint: t(`space.visibilityHint.${v}`),
          }))}
          error={fieldError(error, 'visibility')}
          required
        />
        {values.visibility === 'public' && (
          <RadioGroup
            label={labels.joinPolicy}
            name="joinPolicy"
            value={values.joinPolicy}
            onChange={(v) => set('joinPolicy', v as SpaceFormValues['joinPolicy'])}
            options={JOIN_POLICIES.map((p) => ({ value: p, label: joinPolicyLabel(t, p), hint: t(`inviting.joinSpace.policyHint.${p}`) }))}
            error={fieldError(error, 'joinPolicy')}
            required
          />
        )}
        <MunicipalityPicker
          value={values.municipalityCodes}
          onChange={(codes) => set('municipalityCodes', codes)}
          error={fieldError(error, 'municipalityCodes')}
        />
        <GoalTargetPicker
          goals={values.goals}
          targets={values.targets}
          onChange={(tags) => setValues((v) => ({ ...v, ...tags }))}
          error={tagsError(error)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {submitLabel}
          </button>
          {extraActions}
        </div>
      </form>
    </>
  );
}
