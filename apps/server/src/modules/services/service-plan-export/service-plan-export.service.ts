import type { RequestContext } from '../../../platform/actor.ts';
import { ContentCache } from '../../../platform/content-cache.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getLocalities } from '../../geography/locality/locality.service.ts';
import { getMunicipality } from '../../geography/municipality/municipality.service.ts';
import { getComments } from '../service-plan-comment/service-plan-comment.service.ts';
import { serviceNeedsFor, servicePointsFor } from '../service-plan/seams.ts';
import { presentFollowUp, presentVersionSummary } from '../service-plan/service-plan.presenter.ts';
import { listFollowUps } from '../service-plan/service-plan.repository.ts';
import { loadPlan, shownPlan } from '../service-plan/service-plan.service.ts';
import { buildPlanDocument, type PlanDocument } from './document-model.ts';
import { writeDocx } from './docx-writer.ts';
import type { Geometry } from './figures.ts';
import { writePdf } from './pdf-writer.ts';

/** The plan as the caller may see it (or one of its versions), as a document. */
export async function planDocumentFor(deps: Deps, ctx: RequestContext, id: string, versionNumber?: number): Promise<PlanDocument> {
  const loaded = await loadPlan(deps, ctx, id);
  const { row, versions, scope } = loaded;
  const shown = await shownPlan(deps, ctx, loaded, versionNumber);
  const [municipality, localities, needs, followUps, comments, servicePoints] = await Promise.all([
    getMunicipality(deps, row.municipality_code),
    getLocalities(deps, ctx, { municipality: row.municipality_code }),
    serviceNeedsFor(deps, ctx, scope),
    listFollowUps(deps.db, id),
    getComments(deps, ctx, id),
    servicePointsFor(deps, ctx, scope),
  ]);
  const titles = new Map(shown.content.measures.map((m) => [m.id, m.title]));
  const version = shown.version;
  return buildPlanDocument({
    language: ctx.language,
    title: shown.title,
    municipalityName: row.municipality_name,
    spaceName: row.space_name,
    periodStart: shown.periodStart,
    periodEnd: shown.periodEnd,
    status: row.status,
    version: version
      ? {
          number: version.number,
          status: version.status,
          consultationEndsOn: version.consultation_ends_on,
          decisionBody: version.decision_body,
          decisionDate: version.decision_date,
          minuteReference: version.minute_reference,
        }
      : null,
    content: shown.content,
    analysis: shown.analysis,
    needs,
    followUps: followUps.map((f) => presentFollowUp(f, titles)),
    // Only what the public may read goes into a document.
    comments: comments.filter((c) => c.status === 'published'),
    versions: versions.filter((v) => !version || v.number <= version.number).map(presentVersionSummary),
    boundary: municipality.boundary.geometry as Geometry,
    localities: localities.map((l) => ({ id: l.id, name: l.name, lon: l.lon, lat: l.lat })),
    servicePoints,
    exportedAt: deps.clock.now(),
  });
}

/** A file name from the plan's municipality and title: letters, digits and dashes only. */
export function fileNameOf(doc: PlanDocument, extension: string): string {
  const base = `serviceplan-${doc.municipalityName}-${doc.title}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return `${base || 'serviceplan'}.${extension}`;
}

/** The last documents written, by their content: a plan version is downloaded by many, unchanged. */
const written = new ContentCache<Promise<Buffer>>(16);

export async function exportPlan(deps: Deps, ctx: RequestContext, id: string, format: 'docx' | 'pdf', versionNumber?: number) {
  const doc = await planDocumentFor(deps, ctx, id, versionNumber);
  const body = await written.get(`${format}\0${JSON.stringify(doc)}`, () => (format === 'docx' ? writeDocx(doc) : writePdf(doc)));
  return { body, fileName: fileNameOf(doc, format) };
}
