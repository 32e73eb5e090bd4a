import type { Space, SpaceAction } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../api/format.ts';
import { StatusMessage } from '../../components/fields.tsx';
import { GoalTags } from '../../components/GoalTargetPicker.tsx';
import { MunicipalityList } from '../../components/MunicipalityList.tsx';
import { MunicipalityMap } from '../../components/MunicipalityMap.tsx';
import { SpaceInputsSection } from '../dialogues/inputs/SpaceInputsSection.tsx';
import { kindLabel, roleLabel, visibilityLabel } from './labels.ts';
import { SpacePlansSection } from '../services/plans/SpacePlansSection.tsx';
import { SpaceModelsSection } from '../models/SpaceModelsSection.tsx';
import { SpaceAgreementsSection } from '../agreements/SpaceAgreementsSection.tsx';
import { ActorsSection } from './ActorsSection.tsx';
import { ProcessSection } from '../processes/ProcessSection.tsx';
import { MembersHint } from './MembersHint.tsx';
import { SpaceAdminActions } from './SpaceAdminActions.tsx';
import { EditSpace } from './EditSpace.tsx';
import { MembersSection } from './MembersSection.tsx';
import { InviteSection } from './InviteSection.tsx';
import { JoinRequestsSection } from './JoinRequestsSection.tsx';
import { JoinSection } from './JoinSection.tsx';

export function SpaceView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const can = (action: SpaceAction) => space.allowedActions.includes(action);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to="/">{t('nav.spaces')}</Link>
      </p>
      <h1>{space.name}</h1>
      <p className="tags">
        <span className="tag">{kindLabel(t, space.kind)}</span>
        <span className={`tag ${space.visibility === 'members' ? 'tag--private' : 'tag--public'}`}>
          {visibilityLabel(t, space.visibility)}
        </span>
        {space.archived && <span className="tag tag--archived">{t('space.archived')}</span>}
        {space.myRole && <span className="tag tag--role">{t('space.yourRole', { role: roleLabel(t, space.myRole) })}</span>}
      </p>
      {params.get('created') && <StatusMessage>{t('space.createdNotice')}</StatusMessage>}
      {params.get('joined') && (
        <StatusMessage>{t('space.joinedNotice', { role: space.myRole ? roleLabel(t, space.myRole) : '' })}</StatusMessage>
      )}
      {saved && <StatusMessage>{saved}</StatusMessage>}
      {space.archived && <div className="notice notice--info">{t('space.archivedNotice')}</div>}
      <JoinSection space={space} />

      <div className="space-layout">
        <section aria-labelledby="about-heading" className="section">
          <h2 id="about-heading">{t('space.about')}</h2>
          {space.description ? <p className="description">{space.description}</p> : <p className="muted">{t('space.noDescription')}</p>}
          <GoalTags goals={space.goals} targets={space.targets} />
          <dl className="facts">
            <div>
              <dt>{t('space.fields.kind')}</dt>
              <dd>{kindLabel(t, space.kind)}</dd>
            </div>
            <div>
              <dt>{t('space.fields.visibility')}</dt>
              <dd>{visibilityLabel(t, space.visibility)}</dd>
            </div>
            {space.visibility === 'public' && (
              <div>
                <dt>{t('inviting.joinSpace.policyLegend')}</dt>
                <dd>{t(`inviting.joinSpace.policy.${space.joinPolicy}`)}</dd>
              </div>
            )}
            <div>
              <dt>{t('space.members')}</dt>
              <dd>{space.memberCount}</dd>
            </div>
            <div>
              <dt>{t('space.created')}</dt>
              <dd>{formatDate(space.createdAt)}</dd>
            </div>
          </dl>
          {(can('update') || can('archive') || can('restore')) && (
            <SpaceAdminActions space={space} editing={editing} setEditing={setEditing} onSaved={setSaved} />
          )}
        </section>
        <section aria-labelledby="geo-heading" className="section">
          <h2 id="geo-heading">{t('space.geography')}</h2>
          <MunicipalityMap codes={space.municipalityCodes} roadsOf={space.id} label={t('space.mapLabel', { name: space.name })} />
          <MunicipalityList
            codes={space.municipalityCodes}
            caption={t('space.municipalityListCaption', { count: space.municipalityCodes.length })}
          />
        </section>
      </div>
      {editing && can('update') && (
        <section aria-labelledby="edit-heading" className="section panel">
          <h2 id="edit-heading">{t('space.editHeading')}</h2>
          <EditSpace
            space={space}
            onDone={(message) => {
              setEditing(false);
              setSaved(message);
            }}
          />
        </section>
      )}
      <ActorsSection space={space} />
      <ProcessSection space={space} />
      <SpacePlansSection space={space} />
      {/* collaboration models (issue 11 §4) */}
      <SpaceModelsSection space={space} />
      <SpaceAgreementsSection space={space} />
      {/* groups and events (helper D) */}
      <section aria-labelledby="dialogues-heading" className="section">
        <h2 id="dialogues-heading">{t('events.spaceHeading')}</h2>
        <ul className="link-cards">
          <li>
            <Link to={`/spaces/${space.id}/groups`}>{t('groups.spaceLink')}</Link>
            <span className="muted">{t('groups.spaceText')}</span>
          </li>
          <li>
            <Link to={`/spaces/${space.id}/events`}>{t('events.spaceLink')}</Link>
            <span className="muted">{t('events.spaceText')}</span>
          </li>
          {/* news (Aktuellt) */}
          <li>
            <Link to={`/spaces/${space.id}/news`}>{t('newsNotify.spaceLink')}</Link>
            <span className="muted">{t('newsNotify.spaceText')}</span>
          </li>
          <li>
            <Link to={`/spaces/${space.id}/alliances`}>{t('alliances.spaceLink')}</Link>
            <span className="muted">{t('alliances.spaceText')}</span>
          </li>
          <li>
            <Link to={`/spaces/${space.id}/action-plans`}>{t('actionPlans.nav')}</Link>
            <span className="muted">{t('actionPlans.spaceText')}</span>
          </li>
        </ul>
      </section>
      {/* inputs */}
      <SpaceInputsSection space={space} />
      {can('decide_join_requests') && <JoinRequestsSection space={space} />}
      {can('view_members') ? <MembersSection space={space} /> : <MembersHint space={space} />}
      {can('invite') && <InviteSection space={space} />}
    </div>
  );
}
