import type { Level, Organisation, OrganisationType, Sector } from '@samhandling/contracts';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { collator } from '../../api/format.ts';
import { useMunicipalities, useMunicipalityIndex } from '../../api/hooks.ts';
import { pick } from '../../i18n/labels.ts';
import { ErrorSummary, fieldError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import type { DuplicateCandidate } from './api.ts';
import { LEVELS, levelLabel, options, ORGANISATION_TYPES, SECTORS, sectorLabel, typeLabel } from './labels.ts';

export interface OrganisationValues {
  name: string;
  orgNumber: string | null;
  sector: Sector | undefined;
  type: OrganisationType | undefined;
  level: Level | undefined;
  municipalityCode: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  description: string;
  tags: string[];
}

export const emptyOrganisation = { name: '', orgNumber: '', sector: '', type: '', level: '', municipalityCode: '', contactEmail: '', contactPhone: '', website: '', description: '', tags: '' };
type FormState = typeof emptyOrganisation;

export function organisationToForm(o: Organisation): FormState {
  return {
    name: o.name,
    orgNumber: o.orgNumber ?? '',
    sector: o.sector,
    type: o.type,
    level: o.level,
    municipalityCode: o.municipalityCode ?? '',
    contactEmail: o.contactEmail ?? '',
    contactPhone: o.contactPhone ?? '',
    website: o.website ?? '',
    description: o.description,
    tags: o.tags.join(', '),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Empty selects are sent as missing, so that the API names the field that must be chosen. */
function toValues(f: FormState): OrganisationValues {
  return {
    name: f.name,
    orgNumber: orNull(f.orgNumber),
    sector: pick(SECTORS, f.sector),
    type: pick(ORGANISATION_TYPES, f.type),
    level: pick(LEVELS, f.level),
    municipalityCode: orNull(f.municipalityCode),
    contactEmail: orNull(f.contactEmail),
    contactPhone: orNull(f.contactPhone),
    website: orNull(f.website),
    description: f.description.trim(),
    tags: f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** The existing organisations a 409 answer offers instead of a near-duplicate. */
export function duplicatesOf(error: unknown): DuplicateCandidate[] {
  if (!isApiError(error) || error.status !== 409) return [];
  const list = error.extra.duplicates;
  return Array.isArray(list) ? (list as DuplicateCandidate[]) : [];
}

/**
 * The organisation form, for creating and editing. A near-duplicate answer (409) lists the
 * existing organisations with links and, unless the number is the same, lets the user confirm
 * that theirs is another one.
 */
export function OrganisationForm({
  initial,
  scope,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  extra,
}: {
  initial: FormState;
  scope: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: OrganisationValues, confirmDuplicate: boolean) => void;
  onCancel?: () => void;
  /** More fields before the buttons (e.g. a suggestion's comment). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { data: municipalities } = useMunicipalities();
  const municipalityIndex = useMunicipalityIndex();
  const [form, setForm] = useState<FormState>(initial);
  const duplicates = duplicatesOf(error);
  const canConfirm = duplicates.length > 0 && !duplicates.some((d) => d.reason === 'org_number');
  const duplicateRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicates.length > 0) duplicateRef.current?.focus();
  }, [duplicates.length, error]);
  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toValues(form), false);
  };
  const labels: Record<string, string> = {
    name: t('fields.name'),
    orgNumber: t('organisations.fields.orgNumber'),
    sector: t('organisations.fields.sector'),
    type: t('organisations.fields.type'),
    level: t('organisations.fields.level'),
    municipalityCode: t('organisations.fields.municipality'),
    contactEmail: t('organisations.fields.contactEmail'),
    contactPhone: t('organisations.fields.contactPhone'),
    website: t('organisations.fields.website'),
    description: t('organisations.fields.description'),
    tags: t('organisations.fields.tags'),
  };
  const municipalityOptions = [
    { value: '', label: t('organisations.noMunicipality') },
    ...[...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((m) => ({ value: m.code, label: m.name })),
  ];
  return (
    <>
      {duplicates.length > 0 ? (
        <div className="notice notice--info duplicate" ref={duplicateRef} tabIndex={-1} role="alert" data-testid="duplicates">
          <h2 className="duplicate__title">{t('organisations.duplicate.heading')}</h2>
          <p>{canConfirm ? t('organisations.duplicate.similar') : t('organisations.duplicate.sameNumber')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/organisations/${d.id}`}>{d.name}</Link>
                {d.orgNumber && ` (${d.orgNumber})`}
                {d.municipalityCode && ` – ${municipalityIndex.get(d.municipalityCode)?.name ?? d.municipalityCode}`}
              </li>
            ))}
          </ul>
          {canConfirm && (
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => onSubmit(toValues(form), true)}>
              {t('organisations.duplicate.createAnyway')}
            </button>
          )}
        </div>
      ) : (
        <ErrorSummary error={error} scope={scope} labels={labels} />
      )}
      <form onSubmit={submit} noValidate data-testid="organisation-form">
        <TextField scope={scope} label={labels.name} name="name" value={form.name} onChange={set('name')} error={fieldError(error, 'name')} required />
        <TextField
          scope={scope}
          label={labels.orgNumber}
          hint={t('organisations.fields.orgNumberHint')}
          name="orgNumber"
          inputMode="numeric"
          autoComplete="off"
          value={form.orgNumber}
          onChange={set('orgNumber')}
          error={fieldError(error, 'orgNumber')}
        />
        <div className="form-row">
          <SelectField
            scope={scope}
            label={labels.sector}
            name="sector"
            value={form.sector}
            onChange={set('sector')}
            options={options(SECTORS, (v) => sectorLabel(t, v), t('common.choose'))}
            error={fieldError(error, 'sector')}
            required
          />
          <SelectField
            scope={scope}
            label={labels.type}
            name="type"
            value={form.type}
            onChange={set('type')}
            options={options(ORGANISATION_TYPES, (v) => typeLabel(t, v), t('common.choose'))}
            error={fieldError(error, 'type')}
            required
          />
          <SelectField
            scope={scope}
            label={labels.level}
            name="level"
            value={form.level}
            onChange={set('level')}
            options={options(LEVELS, (v) => levelLabel(t, v), t('common.choose'))}
            error={fieldError(error, 'level')}
            required
          />
        </div>
        <SelectField
          scope={scope}
          label={labels.municipalityCode}
          name="municipalityCode"
          value={form.municipalityCode}
          onChange={set('municipalityCode')}
          options={municipalityOptions}
          error={fieldError(error, 'municipalityCode')}
        />
        <div className="form-row">
          <TextField
            scope={scope}
            label={labels.contactEmail}
            name="contactEmail"
            type="email"
            autoComplete="off"
            value={form.contactEmail}
            onChange={set('contactEmail')}
            error={fieldError(error, 'contactEmail')}
          />
          <TextField
            scope={scope}
            label={labels.contactPhone}
            name="contactPhone"
            type="tel"
            autoComplete="off"
            value={form.contactPhone}
            onChange={set('contactPhone')}
            error={fieldError(error, 'contactPhone')}
          />
        </div>
        <TextField
          scope={scope}
          label={labels.website}
          hint={t('organisations.fields.websiteHint')}
          name="website"
          type="url"
          value={form.website}
          onChange={set('website')}
          error={fieldError(error, 'website')}
        />
        <TextAreaField
          scope={scope}
          label={labels.description}
          name="description"
          rows={4}
          value={form.description}
          onChange={set('description')}
          error={fieldError(error, 'description')}
        />
        <TextField
          scope={scope}
          label={labels.tags}
          hint={t('organisations.fields.tagsHint')}
          name="tags"
          value={form.tags}
          onChange={set('tags')}
          error={fieldError(error, 'tags')}
        />
        {extra}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
