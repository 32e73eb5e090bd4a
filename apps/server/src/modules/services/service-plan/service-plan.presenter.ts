import { type PlanAnalysisFigures, type PlanContent, planContent, type PlanFollowUp, type PlanVersion, type PlanVersionSummary, type ServicePlanAction, type ServicePlanSummary } from '@samhandling/contracts';
import type { ServicePlanContentRow } from '../../../db/schema.ts';
import type { PlanRow, VersionRow } from './service-plan.repository.ts';

/** Names of the places and organisations a plan refers to, read when it is shown or frozen. */
export interface ContentNames {
  localities: Map<string, { name: string; lon: number; lat: number }>;
  organisations: Map<string, string>;
}

/** The working copy with names filled in, as the API and the documents show it. */
export function resolveContent(content: ServicePlanContentRow, analysisId: string | null, names: ContentNames): PlanContent {
  return {
    background: content.background,
    links: content.links.map((l) => ({ title: l.title, url: l.url, note: l.note })),
    analysisId,
    levels: content.levels.map((l) => {
      const place = names.localities.get(l.localityId);
      return {
        localityId: l.localityId,
        localityName: place?.name ?? '–',
        lon: place?.lon ?? null,
        lat: place?.lat ?? null,
        level: l.level,
        targetServices: l.targetServices as PlanContent['levels'][number]['targetServices'],
        note: l.note,
      };
    }),
    goals: content.goals.map((g) => ({ id: g.id, text: g.text, indicator: g.indicator })),
    measures: content.measures.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      localityId: m.localityId,
      localityName: m.localityId ? (names.localities.get(m.localityId)?.name ?? null) : null,
      place: m.place,
      organisationIds: m.organisationIds,
      organisationNames: m.organisationIds.map((id) => names.organisations.get(id) ?? '–'),
      startDate: m.startDate,
      endDate: m.endDate,
      costSek: m.costSek,
      status: m.status as PlanContent['measures'][number]['status'],
      scenarioId: m.scenarioId,
      goalIds: m.goalIds,
    })),
  };
}

/** What a version keeps: the content as it was shown, and the analysis figures of that day. */
export interface VersionSnapshot extends PlanContent {
  analysisFigures: PlanAnalysisFigures | null;
}

export function readSnapshot(value: unknown): VersionSnapshot {
  const raw = (value ?? {}) as { analysisFigures?: PlanAnalysisFigures | null };
  return { ...planContent.parse(value), analysisFigures: raw.analysisFigures ?? null };
}

export function presentVersionSummary(row: Pick<VersionRow, 'number' | 'status' | 'title' | 'created_at' | 'consultation_ends_on' | 'decision_body' | 'decision_date' | 'minute_reference'>): PlanVersionSummary {
  return {
    number: row.number,
    status: row.status,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    consultationEndsOn: row.consultation_ends_on,
    decisionBody: row.decision_body,
    decisionDate: row.decision_date,
    minuteReference: row.minute_reference,
  };
}

export function presentVersion(plan: PlanRow, row: VersionRow): PlanVersion {
  const { analysisFigures: _figures, ...content } = readSnapshot(row.content);
  return {
    ...presentVersionSummary(row),
    planId: plan.id,
    municipalityCode: plan.municipality_code,
    municipalityName: plan.municipality_name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    content,
  };
}

type AdoptedVersion = { number: number; status: string; decision_body: string | null; decision_date: string | null; minute_reference: string | null };

/** The latest adopted version, with its decision. */
export function adoptedOf(versions: AdoptedVersion[]): ServicePlanSummary['adopted'] {
  const adopted = versions.filter((v) => v.status === 'adopted').at(-1);
  if (!adopted || !adopted.decision_body || !adopted.decision_date || !adopted.minute_reference) return null;
  return { number: adopted.number, decisionBody: adopted.decision_body, decisionDate: adopted.decision_date, minuteReference: adopted.minute_reference };
}

export function presentSummary(
  row: PlanRow,
  shown: { title: string; periodStart: string; periodEnd: string; measureCount: number; analysisId: string | null },
  versions: AdoptedVersion[],
  allowedActions: ServicePlanAction[],
): ServicePlanSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    title: shown.title,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    countyCode: row.county_code,
    periodStart: shown.periodStart,
    periodEnd: shown.periodEnd,
    status: row.status,
    consultationEndsOn: row.consultation_ends_on,
    latestVersion: row.latest_version,
    adopted: adoptedOf(versions),
    analysisId: shown.analysisId,
    measureCount: shown.measureCount,
    updatedAt: row.updated_at.toISOString(),
    allowedActions,
  };
}

export function presentFollowUp(
  row: { id: string; year: number; summary: string; measures: { measureId: string; status: string; note: string }[]; created_at: Date },
  measureTitles: Map<string, string>,
): PlanFollowUp {
  return {
    id: row.id,
    year: row.year,
    summary: row.summary,
    measures: row.measures.map((m) => ({
      measureId: m.measureId,
      measureTitle: measureTitles.get(m.measureId) ?? null,
      status: m.status as PlanFollowUp['measures'][number]['status'],
      note: m.note,
    })),
    createdAt: row.created_at.toISOString(),
  };
}
