import type { Space } from '@samhandling/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useSpace } from '../../api/hooks.ts';

/** The parts of a space: overview, network, groups, events, inputs, services, analyses, plans; for its leaders people and the mapping survey. */
export function SpaceSubnav({ space }: { space: Space }) {
  const { t } = useTranslation();
  const location = useLocation();
  const listId = useId();
  // On a phone the list folds behind a button (issue 13 §4); choosing a part folds it again.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location.pathname]);
  // In the order people work: who takes part, the meetings and what they raise, then the service work.
  const links: [string, string][] = [
    [`/spaces/${space.id}`, t('spaceNav.overview')],
    [`/spaces/${space.id}/news`, t('newsNotify.nav')],
    [`/spaces/${space.id}/network`, t('spaceNav.network')],
    [`/spaces/${space.id}/groups`, t('groups.nav')],
    [`/spaces/${space.id}/alliances`, t('alliances.nav')],
    [`/spaces/${space.id}/events`, t('events.nav')],
    [`/spaces/${space.id}/inputs`, t('inputs.nav')],
    [`/spaces/${space.id}/services`, t('servicePoints.nav')],
    [`/spaces/${space.id}/analyses`, t('analyses.nav')],
    [`/spaces/${space.id}/service-plans`, t('servicePlans.nav')],
    [`/spaces/${space.id}/agreements`, t('agreements.nav')],
    [`/spaces/${space.id}/agenda2030`, t('agenda2030.nav')],
    [`/spaces/${space.id}/processes`, t('process.nav.processes')],
    [`/spaces/${space.id}/dashboard`, t('process.nav.dashboard')],
    [`/spaces/${space.id}/action-plans`, t('actionPlans.nav')],
  ];
  if (space.allowedActions.includes('manage_people')) links.push([`/spaces/${space.id}/people`, t('spaceNav.people')]);
  if (space.allowedActions.includes('run_surveys')) links.push([`/spaces/${space.id}/surveys`, t('spaceNav.surveys')]);
  if (space.allowedActions.includes('manage_people')) links.push([`/spaces/${space.id}/feedback`, t('process.nav.feedback')]);
  return (
    <nav className="subnav subnav--collapsible" aria-label={t('spaceNav.label', { name: space.name })} data-open={open}>
      <div className="subnav__head">
        <p className="subnav__title">
          <Link to={`/spaces/${space.id}`}>{space.name}</Link>
        </p>
        <button type="button" className="menu-toggle menu-toggle--subnav" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="menu-toggle__icon" />
          {t('menus.spaceParts')}
        </button>
      </div>
      <ul id={listId}>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The space's sub-menu on a page of one of its parts (an event, a group, a board, a service plan),
 * once the space has loaded; nothing for a reader who may see the part but not the space (a public
 * event in a members-only space).
 */
export function SpaceSubnavFor({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  return space.data ? <SpaceSubnav space={space.data} /> : null;
}
