import type { NetworkNode } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { SortableColumn } from '../../components/SortableTable.tsx';
import { levelLabel, LEVELS, sectorLabel } from '../actors/labels.ts';
import { SectorTag } from '../actors/OrganisationsPage.tsx';

/** The columns every table of a network's organisations starts with: name (a link), sector, level, municipality and ties. */
export function nodeColumns(t: TFunction, municipality: (code: string | null) => string): SortableColumn<NetworkNode>[] {
  return [
    { key: 'name', header: t('fields.name'), rowHeader: true, sortValue: (n) => n.name, cell: (n) => <Link to={`/organisations/${n.id}`}>{n.name}</Link> },
    { key: 'sector', header: t('organisations.fields.sector'), sortValue: (n) => sectorLabel(t, n.sector), cell: (n) => <SectorTag sector={n.sector} /> },
    { key: 'level', header: t('organisations.fields.level'), sortValue: (n) => LEVELS.indexOf(n.level), cell: (n) => levelLabel(t, n.level) },
    { key: 'municipality', header: t('organisations.fields.municipality'), sortValue: (n) => municipality(n.municipalityCode), cell: (n) => municipality(n.municipalityCode) },
    { key: 'degree', header: t('network.fields.degree'), numeric: true, sortValue: (n) => n.degree, cell: (n) => n.degree },
  ];
}
