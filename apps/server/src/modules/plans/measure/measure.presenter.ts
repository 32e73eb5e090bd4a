import type { Indicator, Measure, MeasureAction } from '@samhandling/contracts';
import type { MeasureRow } from './measure.repository.ts';

type Organisation = { id: string; name: string; sector: Measure['participants'][number]['sector'] };
type AnsweredInput = Measure['inputs'][number] & { measureId: string };

const SECTOR_ORDER = ['public', 'private', 'civil_society', 'academia', 'youth'] as const;

export function presentMeasure(
  row: MeasureRow,
  organisations: Map<string, Organisation>,
  indicators: Indicator[],
  inputs: AnsweredInput[],
  allowedActions: MeasureAction[],
): Measure {
  const participants = row.participants
    .filter((p) => organisations.has(p.organisationId))
    .map((p) => {
      const organisation = organisations.get(p.organisationId)!;
      return { organisationId: p.organisationId, organisationName: organisation.name, sector: organisation.sector, what: p.what, hours: p.hours, moneySek: p.moneySek, youth: p.youth };
    });
  const responsible = row.responsible_organisation_id && row.responsible_name ? { id: row.responsible_organisation_id, name: row.responsible_name, sector: row.responsible_sector as Organisation['sector'] } : null;
  const covered = new Set<string>([...(responsible ? [responsible.sector] : []), ...participants.map((p) => p.sector), ...(participants.some((p) => p.youth) ? ['youth'] : [])]);
  return {
    id: row.id,
    spaceId: row.space_id,
    actionPlanId: row.action_plan_id,
    actionPlanTitle: row.plan_title,
    goalId: row.goal_id,
    title: row.title,
    description: row.description,
    responsibleOrganisation: responsible,
    participants,
    sectors: SECTOR_ORDER.filter((s) => covered.has(s)),
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    localityId: row.locality_id,
    localityName: row.locality_name,
    place: row.place,
    startDate: row.start_date,
    endDate: row.end_date,
    milestones: [...row.milestones].sort((a, b) => a.date.localeCompare(b.date)),
    budgetSek: row.budget_sek === null ? null : Number(row.budget_sek),
    funding: row.funding,
    status: row.status,
    statusReason: row.status_reason,
    result: row.result,
    goals: row.goals,
    targets: row.targets,
    links: row.links,
    indicators: indicators.filter((i) => i.measureId === row.id),
    inputs: inputs.filter((i) => i.measureId === row.id).map(({ measureId: _, ...i }) => i),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions,
  };
}
