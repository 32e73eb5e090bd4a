import type { ServicePlan, ServicePlanAction } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../api/format.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { StatusMessage } from '../../../components/fields.tsx';
import { statusLabel } from './labels.ts';
import { PlanLifecycle } from './PlanLifecycle.tsx';
import { PlanSections } from './PlanSections.tsx';
import { FollowUps } from './FollowUps.tsx';
import { PlanModeration } from './PlanModeration.tsx';
import { SpaceSubnavFor } from '../../spaces/SpaceSubnav.tsx';

export function PlanView({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [message, setMessage] = useState<string | null>(params.get('created') ? t('servicePlans.plan.created') : null);
  const can = (action: ServicePlanAction) => plan.allowedActions.includes(action);
  const hasConsultation = plan.versions.some((v) => v.status === 'consultation');
  return (
    <div className="container">
      <SpaceSubnavFor spaceId={plan.spaceId} />
      <p className="breadcrumbs">
        <Link to={`/spaces/${plan.spaceId}/service-plans`}>{t('servicePlans.plan.backTo', { name: plan.spaceName })}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p className="tags">
        <span className="tag" data-testid="plan-status">
          {statusLabel(t, plan.status)}
        </span>
        {plan.shows === 'version' && <span className="tag">{t('servicePlans.plan.showsVersion', { number: plan.shownVersion })}</span>}
      </p>
      {message && <StatusMessage>{message}</StatusMessage>}
      <ul className="plain-list plan-links">
        <li>
          <a href={`/api/service-plans/${plan.id}/export.docx`} download>
            {t('servicePlans.plan.exportDocx')}
          </a>
        </li>
        <li>
          <a href={`/api/service-plans/${plan.id}/export.pdf`} download>
            {t('servicePlans.plan.exportPdf')}
          </a>
        </li>
        <li>
          <Link to={`/service-plans/${plan.id}/print`}>{t('servicePlans.plan.printView')}</Link>
        </li>
        {hasConsultation && (
          <li>
            <Link to={`/service-plans/${plan.id}/consultation`}>{t('servicePlans.plan.consultationPage')}</Link>
          </li>
        )}
      </ul>
      <PlanLifecycle plan={plan} onDone={setMessage} />
      <PlanSections plan={plan} onSaved={setMessage} />
      <FollowUps plan={plan} onSaved={setMessage} />
      {can('moderate_comments') && hasConsultation && <PlanModeration plan={plan} />}
      <section aria-labelledby="versions-heading" className="section">
        <h2 id="versions-heading">{t('servicePlans.sections.versions')}</h2>
        <DataTable
          caption={t('servicePlans.sections.versions')}
          captionHidden
          testId="versions-table"
          rows={plan.versions}
          rowKey={(v) => String(v.number)}
          empty={t('servicePlans.plan.noVersions')}
          columns={[
            { key: 'number', header: t('servicePlans.fields.version'), rowHeader: true, cell: (v) => <Link to={`/service-plans/${plan.id}/print?version=${v.number}`}>{t('servicePlans.plan.versionLink', { number: v.number })}</Link> },
            { key: 'status', header: t('servicePlans.fields.status'), cell: (v) => statusLabel(t, v.status) },
            { key: 'created', header: t('servicePlans.fields.created'), cell: (v) => formatDateTime(v.createdAt) },
            {
              key: 'decision',
              header: t('servicePlans.fields.decision'),
              cell: (v) =>
                v.decisionBody && v.decisionDate
                  ? `${v.decisionBody} ${formatDate(v.decisionDate)}, ${v.minuteReference ?? ''}`
                  : v.consultationEndsOn
                    ? t('servicePlans.plan.consultationUntil', { date: formatDate(v.consultationEndsOn) })
                    : '–',
            },
          ]}
        />
      </section>
    </div>
  );
}
