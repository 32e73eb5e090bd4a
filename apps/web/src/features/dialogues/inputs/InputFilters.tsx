import type { Space } from '@samhandling/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collator } from '../../../api/format.ts';
import { useMunicipalityIndex } from '../../../api/hooks.ts';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { useListParams } from '../../../components/useListParams.ts';
import { FILTER_KEYS, useGoals, type InputFilter } from './api.ts';
import { KINDS, optionsOf, SERVICE_TYPES, SOURCES, STATUSES, THEMES } from './labels.ts';

/** The filters of the list and the triage view, kept in the address so a filtered view can be shared. */
export function useInputFilter() {
  const list = useListParams(FILTER_KEYS, (next, key, value) => {
    // A service type only fits the service theme.
    if (key === 'theme' && value !== 'service') next.delete('serviceType');
  });
  const { setParams, offset, setFilter, goTo } = list;
  const filter = list.filter as Required<InputFilter>;
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const active = FILTER_KEYS.some((k) => filter[k]);
  return { filter, offset, setFilter, goTo, clear, active };
}

export function InputFilters({ space, state, withStatus = true }: { space: Space; state: ReturnType<typeof useInputFilter>; withStatus?: boolean }) {
  const { t, i18n } = useTranslation();
  const municipalities = useMunicipalityIndex();
  const goals = useGoals();
  const { filter, setFilter, clear, active } = state;
  const scope = 'input-filter';
  // The search waits for a pause in typing.
  const [q, setQ] = useState(filter.q);
  useEffect(() => {
    if (q === filter.q) return;
    const timer = window.setTimeout(() => setFilter('q', q), 300);
    return () => window.clearTimeout(timer);
  }, [q]);
  const municipalityOptions = space.municipalityCodes
    .map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const all = t('inputs.filters.all');
  return (
    <div className="filters" role="search" aria-label={t('inputs.filters.label')}>
      <TextField scope={scope} label={t('inputs.filters.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      {withStatus && (
        <SelectField scope={scope} label={t('inputs.fields.status')} name="status" value={filter.status} onChange={(e) => setFilter('status', e.target.value)} options={optionsOf(t, 'status', STATUSES, all)} />
      )}
      <SelectField scope={scope} label={t('inputs.fields.kind')} name="kind" value={filter.kind} onChange={(e) => setFilter('kind', e.target.value)} options={optionsOf(t, 'kind', KINDS, all)} />
      <SelectField scope={scope} label={t('inputs.fields.theme')} name="theme" value={filter.theme} onChange={(e) => setFilter('theme', e.target.value)} options={optionsOf(t, 'theme', THEMES, all)} />
      {filter.theme === 'service' && (
        <SelectField
          scope={scope}
          label={t('inputs.fields.serviceType')}
          name="serviceType"
          value={filter.serviceType}
          onChange={(e) => setFilter('serviceType', e.target.value)}
          options={optionsOf(t, 'serviceType', SERVICE_TYPES, all)}
        />
      )}
      {municipalityOptions.length > 1 && (
        <SelectField
          scope={scope}
          label={t('inputs.fields.municipality')}
          name="municipality"
          value={filter.municipality}
          onChange={(e) => setFilter('municipality', e.target.value)}
          options={[{ value: '', label: all }, ...municipalityOptions]}
        />
      )}
      <SelectField
        scope={scope}
        label={t('inputs.fields.goal')}
        name="goal"
        value={filter.goal}
        onChange={(e) => setFilter('goal', e.target.value)}
        options={[{ value: '', label: all }, ...(goals.data ?? []).map((g) => ({ value: String(g.number), label: `${g.number}. ${i18n.language === 'en' ? g.nameEn : g.nameSv}` }))]}
      />
      <SelectField scope={scope} label={t('inputs.fields.source')} name="source" value={filter.source} onChange={(e) => setFilter('source', e.target.value)} options={optionsOf(t, 'source', SOURCES, all)} />
      {active && (
        <div className="filters__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setQ('');
              clear();
            }}
          >
            {t('inputs.filters.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
