import type { NetworkNode, Space } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collator } from '../../api/format.ts';
import { useMunicipalities, useMunicipalityIndex } from '../../api/hooks.ts';
import { SelectField } from '../../components/fields.tsx';
import {
  COLLABORATION_TYPES,
  collaborationTypeLabel,
  LEVELS,
  levelLabel,
  options,
  SECTORS,
  sectorLabel,
  SOURCES,
  sourceLabel,
} from '../actors/labels.ts';

/** The network's filters: sector, level, type, municipality and source, kept in the address. */
export function NetworkFilters({
  space,
  filter,
  setFilter,
  clear,
  filtered,
}: {
  space: Space;
  filter: Record<string, string>;
  setFilter: (key: string, value: string) => void;
  clear: () => void;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const index = useMunicipalityIndex();
  const { data: all } = useMunicipalities();
  // The space's own municipalities first; a network may reach beyond them, so all are offered.
  const own = new Set(space.municipalityCodes);
  const municipalityOptions = [
    { value: '', label: t('network.allMunicipalities') },
    ...space.municipalityCodes
      .map((c) => ({ value: c, label: index.get(c)?.name ?? c }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    ...[...(all ?? [])]
      .filter((m) => !own.has(m.code))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((m) => ({ value: m.code, label: m.name })),
  ];
  return (
    <div className="filters" role="search" aria-label={t('network.filterLabel')}>
      <SelectField
        scope="net"
        label={t('organisations.fields.sector')}
        name="sector"
        value={filter.sector}
        onChange={(e) => setFilter('sector', e.target.value)}
        options={options(SECTORS, (v) => sectorLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('organisations.fields.level')}
        name="level"
        value={filter.level}
        onChange={(e) => setFilter('level', e.target.value)}
        options={options(LEVELS, (v) => levelLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('network.fields.type')}
        name="type"
        value={filter.type}
        onChange={(e) => setFilter('type', e.target.value)}
        options={options(COLLABORATION_TYPES, (v) => collaborationTypeLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('organisations.fields.municipality')}
        name="municipality"
        value={filter.municipality}
        onChange={(e) => setFilter('municipality', e.target.value)}
        options={municipalityOptions}
      />
      <SelectField
        scope="net"
        label={t('network.fields.source')}
        name="source"
        value={filter.source}
        onChange={(e) => setFilter('source', e.target.value)}
        options={options(SOURCES, (v) => sourceLabel(t, v), t('organisations.all'))}
      />
      {filtered && (
        <div className="filters__actions">
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('organisations.clearFilters')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Finds an organisation in the network by name; choosing one shows it in the drawing and its profile. */
export function NetworkSearch({ nodes, onPick }: { nodes: NetworkNode[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const needle = q.trim().toLocaleLowerCase('sv');
  const matches = needle
    ? nodes.filter((n) => n.name.toLocaleLowerCase('sv').includes(needle)).sort((a, b) => collator.compare(a.name, b.name))
    : [];
  return (
    <div className="network-search" role="search" aria-label={t('network.searchLabel')}>
      <div className="field">
        <label htmlFor="network-search" className="field__label">
          {t('network.search')}
        </label>
        <input
          id="network-search"
          type="search"
          className="input"
          value={q}
          autoComplete="off"
          aria-describedby="network-search-count"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              onPick(matches[0].id);
            }
          }}
        />
        <p id="network-search-count" className="field__hint" aria-live="polite">
          {needle ? t('network.searchMatches', { count: matches.length }) : t('network.searchHint')}
        </p>
      </div>
      {matches.length > 0 && (
        <ul className="network-search__results" data-testid="network-search-results">
          {matches.slice(0, 8).map((n) => (
            <li key={n.id}>
              <button type="button" className="link-button" onClick={() => onPick(n.id)}>
                {n.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
