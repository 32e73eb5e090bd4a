import type { ServicePoint, ServicePointInput } from '@samhandling/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { collator } from '../../../api/format.ts';
import { useMunicipalities } from '../../../api/hooks.ts';
import { CheckboxField, ErrorSummary, fieldError, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { useSpaceOrganisations } from '../../actors/api.ts';
import { fieldLabel, kindLabel, SERVICE_KINDS, SOURCED_FIELDS, STATUSES, statusLabel, SUPPORT_KINDS, supportLabel } from './labels.ts';
import { num, stateOf, valuesOf, type FormState } from './service-point-values.ts';

export { patchOf } from './service-point-values.ts';


/**
 * Create, edit or suggest: the same fields. The place is picked on the map (a click moves it)
 * or typed as coordinates, so the form works by keyboard too.
 */
export function ServicePointForm({
  point,
  municipalityCodes,
  spaceId,
  mode,
  error,
  pending,
  onSubmit,
  extra,
}: {
  point: ServicePoint | null;
  municipalityCodes: string[];
  spaceId: string;
  mode: 'create' | 'edit' | 'suggest';
  error: unknown;
  pending: boolean;
  onSubmit: (values: ServicePointInput) => void;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const scope = 'sp-form';
  const [f, setF] = useState<FormState>(() => stateOf(point, municipalityCodes.length === 1 ? municipalityCodes[0]! : ''));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const { data: municipalities } = useMunicipalities();
  const organisations = useSpaceOrganisations(spaceId);
  const err = (name: string) => fieldError(error, name);
  const lon = num(f.lon);
  const lat = num(f.lat);
  const picked = typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;
  const source = (field: string) => (
    <TextField
      scope={scope}
      className="sp-source-field"
      label={t('servicePoints.sourceFor', { field: fieldLabel(t, field) })}
      name={`sources.${field}`}
      value={f.sources[field] ?? ''}
      error={err(`sources.${field}`)}
      onChange={(e) => set('sources', { ...f.sources, [field]: e.target.value })}
    />
  );
  const municipalityOptions = [
    { value: '', label: t('servicePoints.noMunicipality') },
    ...[...(municipalities ?? [])]
      .filter((m) => municipalityCodes.length === 0 || municipalityCodes.includes(m.code) || m.code === f.municipalityCode)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((m) => ({ value: m.code, label: m.name })),
  ];
  const organisationOptions = [
    { value: '', label: t('servicePoints.noOperator') },
    ...[...(organisations.data ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((o) => ({ value: o.id, label: o.name })),
    ...(point?.operatorOrganisationId && !(organisations.data ?? []).some((o) => o.id === point.operatorOrganisationId) ? [{ value: point.operatorOrganisationId, label: point.operatorName ?? '' }] : []),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(valuesOf(f));
  };
  const labels: Record<string, string> = Object.fromEntries(
    ['externalId', 'name', 'lon', 'lat', 'address', 'municipalityCode', 'kinds', 'operatorOrganisationId', 'staffed', 'openingHours', 'seasonal', 'seasonNote', 'status', 'statusDate', 'openedOn', 'supports', 'notes', 'changes'].map((k) => [k, fieldLabel(t, k)]),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="service-point-form" className="form">
      <ErrorSummary error={error} scope={scope} labels={isLabelled(error, labels)} />
      {extra}
      <fieldset className="fieldset">
        <legend>{t('servicePoints.form.basics')}</legend>
        <TextField scope={scope} label={fieldLabel(t, 'name')} name="name" required value={f.name} error={err('name')} onChange={(e) => set('name', e.target.value)} />
        {source('name')}
        {mode === 'create' && (
          <TextField scope={scope} label={fieldLabel(t, 'externalId')} hint={t('servicePoints.form.externalIdHint')} name="externalId" value={f.externalId} error={err('externalId')} onChange={(e) => set('externalId', e.target.value)} />
        )}
        <fieldset className="field fieldset" id={`${scope}-kinds`}>
          <legend className="field__label">
            {fieldLabel(t, 'kinds')} <span className="field__required">({t('form.required')})</span>
          </legend>
          {err('kinds') && <p className="field__error">{err('kinds')}</p>}
          <div className="sp-kinds">
            {SERVICE_KINDS.map((kind) => (
              <CheckboxField
                key={kind}
                scope={scope}
                name={`kind-${kind}`}
                label={kindLabel(t, kind)}
                checked={f.kinds.includes(kind)}
                onChange={(on) => set('kinds', on ? [...f.kinds, kind] : f.kinds.filter((k) => k !== kind))}
              />
            ))}
          </div>
        </fieldset>
        {source('kinds')}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('servicePoints.form.place')}</legend>
        <p className="field__hint" id="sp-map-hint">
          {t('servicePoints.form.mapHint')}
        </p>
        <MunicipalityMap codes={municipalityCodes} roadsOf={spaceId} label={t('servicePoints.form.mapLabel')} picked={picked} onPick={(x, y) => setF((prev) => ({ ...prev, lon: String(x), lat: String(y) }))} />
        <div className="sp-coords">
          <TextField scope={scope} label={fieldLabel(t, 'lat')} name="lat" inputMode="decimal" required value={f.lat} error={err('lat')} onChange={(e) => set('lat', e.target.value)} />
          <TextField scope={scope} label={fieldLabel(t, 'lon')} name="lon" inputMode="decimal" required value={f.lon} error={err('lon')} onChange={(e) => set('lon', e.target.value)} />
        </div>
        {source('location')}
        <TextField scope={scope} label={fieldLabel(t, 'address')} name="address" value={f.address} error={err('address')} onChange={(e) => set('address', e.target.value)} />
        {source('address')}
        <SelectField scope={scope} label={fieldLabel(t, 'municipalityCode')} name="municipalityCode" value={f.municipalityCode} error={err('municipalityCode')} onChange={(e) => set('municipalityCode', e.target.value)} options={municipalityOptions} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('servicePoints.form.operation')}</legend>
        <SelectField
          scope={scope}
          label={fieldLabel(t, 'operatorOrganisationId')}
          hint={t('servicePoints.form.operatorHint')}
          name="operatorOrganisationId"
          value={f.operatorOrganisationId}
          error={err('operatorOrganisationId')}
          onChange={(e) => set('operatorOrganisationId', e.target.value)}
          options={organisationOptions}
        />
        {source('operatorOrganisationId')}
        <RadioGroup
          scope={scope}
          label={fieldLabel(t, 'staffed')}
          name="staffed"
          value={f.staffed}
          onChange={(v) => set('staffed', v)}
          options={[
            { value: 'yes', label: t('servicePoints.staffedYes') },
            { value: 'no', label: t('servicePoints.staffedNo') },
            { value: '', label: t('servicePoints.unknown') },
          ]}
        />
        {source('staffed')}
        <TextField
          scope={scope}
          label={fieldLabel(t, 'openingHours')}
          hint={t('servicePoints.form.hoursHint')}
          name="openingHours"
          value={f.openingHours}
          error={err('openingHours')}
          onChange={(e) => set('openingHours', e.target.value)}
          spellCheck={false}
        />
        {source('openingHours')}
        <CheckboxField scope={scope} name="seasonal" label={fieldLabel(t, 'seasonal')} checked={f.seasonal} onChange={(v) => set('seasonal', v)} />
        {f.seasonal && <TextField scope={scope} label={fieldLabel(t, 'seasonNote')} hint={t('servicePoints.form.seasonHint')} name="seasonNote" value={f.seasonNote} error={err('seasonNote')} onChange={(e) => set('seasonNote', e.target.value)} />}
        {source('seasonal')}
        <SelectField scope={scope} label={fieldLabel(t, 'status')} name="status" value={f.status} error={err('status')} onChange={(e) => set('status', e.target.value)} options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
        {f.status !== 'open' && (
          <TextField
            scope={scope}
            type="date"
            label={fieldLabel(t, 'statusDate')}
            hint={f.status === 'closed' ? t('servicePoints.form.closedHint') : t('servicePoints.form.atRiskHint')}
            name="statusDate"
            required={f.status === 'closed'}
            value={f.statusDate}
            error={err('statusDate')}
            onChange={(e) => set('statusDate', e.target.value)}
          />
        )}
        {source('status')}
        <TextField scope={scope} type="date" label={fieldLabel(t, 'openedOn')} hint={t('servicePoints.form.openedOnHint')} name="openedOn" value={f.openedOn} error={err('openedOn')} onChange={(e) => set('openedOn', e.target.value)} />
      </fieldset>

      <fieldset className="fieldset" id={`${scope}-supports`}>
        <legend>{fieldLabel(t, 'supports')}</legend>
        {f.supports.map((s, i) => (
          <div className="sp-support panel" key={i}>
            <SelectField
              scope={`${scope}-support-${i}`}
              label={t('servicePoints.form.supportKind')}
              name="kind"
              value={s.kind}
              error={err(`supports.${i}.kind`)}
              onChange={(e) => set('supports', f.supports.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}
              options={SUPPORT_KINDS.map((k) => ({ value: k, label: supportLabel(t, k) }))}
            />
            <TextField scope={`${scope}-support-${i}`} label={t('servicePoints.form.supportYear')} name="year" inputMode="numeric" value={s.year} error={err(`supports.${i}.year`)} onChange={(e) => set('supports', f.supports.map((x, j) => (j === i ? { ...x, year: e.target.value } : x)))} />
            <TextField scope={`${scope}-support-${i}`} label={t('servicePoints.form.supportAmount')} name="amountSek" inputMode="numeric" value={s.amountSek} error={err(`supports.${i}.amountSek`)} onChange={(e) => set('supports', f.supports.map((x, j) => (j === i ? { ...x, amountSek: e.target.value } : x)))} />
            <TextField scope={`${scope}-support-${i}`} label={t('servicePoints.form.supportSource')} name="source" value={s.source} error={err(`supports.${i}.source`)} onChange={(e) => set('supports', f.supports.map((x, j) => (j === i ? { ...x, source: e.target.value } : x)))} />
            <button type="button" className="button button--secondary button--small" onClick={() => set('supports', f.supports.filter((_, j) => j !== i))}>
              {t('servicePoints.form.removeSupport', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => set('supports', [...f.supports, { kind: 'investment_support', year: String(new Date().getFullYear()), amountSek: '', source: '' }])}>
          {t('servicePoints.form.addSupport')}
        </button>
        {source('supports')}
      </fieldset>

      <TextAreaField scope={scope} label={fieldLabel(t, 'notes')} name="notes" rows={3} value={f.notes} error={err('notes')} onChange={(e) => set('notes', e.target.value)} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {mode === 'create' ? t('servicePoints.form.create') : mode === 'edit' ? t('servicePoints.form.save') : t('servicePoints.form.sendSuggestion')}
        </button>
      </div>
    </form>
  );
}

/** Field errors outside the form's own fields (e.g. `changes.name` of a suggestion) show as text. */
function isLabelled(error: unknown, labels: Record<string, string>): Record<string, string> {
  void error;
  const withSources = { ...labels };
  for (const field of SOURCED_FIELDS) withSources[`sources.${field}`] = labels[field] ?? field;
  return withSources;
}
