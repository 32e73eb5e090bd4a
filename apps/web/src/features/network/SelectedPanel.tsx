import type { Network } from '@samhandling/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisation } from '../actors/api.ts';
import { collaborationTypeLabel, levelLabel, sourceLabel, typeLabel } from '../actors/labels.ts';
import { SectorTag } from '../actors/OrganisationsPage.tsx';

/** Collaborators listed beside the drawing; the tables hold the rest. */
const LINKS_SHOWN = 25;

/** The chosen organisation's profile beside the drawing: facts, collaborators, a link to its page. */
export function SelectedPanel({
  network,
  selected,
  onClose,
  onPick,
}: {
  network: Network;
  selected: string | null;
  onClose: () => void;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const organisation = useOrganisation(selected ?? '');
  const node = network.nodes.find((n) => n.id === selected);
  useEffect(() => {
    if (selected) heading.current?.focus();
  }, [selected]);
  const byId = useMemo(() => new Map(network.nodes.map((n) => [n.id, n])), [network]);
  if (!selected || !node) {
    return (
      <aside className="network-layout__panel panel" aria-label={t('network.profile')}>
        <p className="muted">{t('network.pickHint')}</p>
      </aside>
    );
  }
  const links = network.edges.filter((e) => e.source === selected || e.target === selected);
  return (
    <aside className="network-layout__panel panel" aria-labelledby="selected-heading" data-testid="network-profile">
      <h2 id="selected-heading" ref={heading} tabIndex={-1}>
        {node.name}
      </h2>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('organisations.fields.sector')}</dt>
          <dd>
            <SectorTag sector={node.sector} />
          </dd>
        </div>
        <div>
          <dt>{t('organisations.fields.type')}</dt>
          <dd>{typeLabel(t, node.type)}</dd>
        </div>
        <div>
          <dt>{t('organisations.fields.level')}</dt>
          <dd>{levelLabel(t, node.level)}</dd>
        </div>
        <div>
          <dt>{t('organisations.fields.municipality')}</dt>
          <dd>{organisation.data?.municipalityName ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('network.fields.degree')}</dt>
          <dd>{node.degree}</dd>
        </div>
      </dl>
      {organisation.data?.description && <p className="description">{organisation.data.description}</p>}
      <h3>{t('network.collaboratesWith')}</h3>
      {links.length === 0 ? (
        <p className="muted">{t('network.noLinks')}</p>
      ) : (
        <ul className="plain-list">
          {links.slice(0, LINKS_SHOWN).map((e) => {
            const otherId = e.source === selected ? e.target : e.source;
            return (
              <li key={e.id}>
                <button type="button" className="link-button" onClick={() => onPick(otherId)}>
                  {byId.get(otherId)?.name ?? otherId}
                </button>{' '}
                <span className="muted">
                  ({collaborationTypeLabel(t, e.type)}, {sourceLabel(t, e.origin).toLocaleLowerCase('sv')}
                  {e.derivedFrom && e.description ? `: ${e.description}` : ''})
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {links.length > LINKS_SHOWN && <p>{t('metrics.andMore', { count: links.length - LINKS_SHOWN })}</p>}
      <div className="actions">
        <Link to={`/organisations/${node.id}`}>{t('network.openProfile', { name: node.name })}</Link>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          {t('network.closeProfile')}
        </button>
      </div>
    </aside>
  );
}
