import { modelContent, type Model, type ModelAction, type ModelContent, type ModelSummary, type ModelUse } from '@samhandling/contracts';
import type { ModelRow, ModelUseRow, itemsOf } from './model.repository.ts';

type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** Stored content read back through the schema, so every answer and file has the same shape and key order. */
export function contentOf(row: { content: unknown }): ModelContent {
  return modelContent.parse(row.content);
}

/** How far a model has spread: municipalities using it other than the one it came from (spread at three). */
export function spreadOf(origin: string | null, uses: Pick<ModelUseRow, 'municipality_code'>[]) {
  const others = new Set(uses.map((u) => u.municipality_code).filter((code) => code !== origin));
  return { uses: uses.length, otherMunicipalities: others.size, spread: others.size >= 3 };
}

export function presentSummary(row: ModelRow, uses: ModelUseRow[]): ModelSummary {
  const content = contentOf(row);
  return {
    id: row.id,
    title: content.title,
    summary: content.summary,
    goals: content.goals,
    targets: content.targets,
    originMunicipalityCode: row.origin_municipality_code,
    originMunicipalityName: row.origin_municipality_name,
    version: row.version,
    spread: spreadOf(row.origin_municipality_code, uses),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentModel(
  row: ModelRow,
  uses: ModelUseRow[],
  versions: { version: number; created_at: Date }[],
  allowedActions: ModelAction[],
): Model {
  return {
    ...contentOf(row),
    id: row.id,
    version: row.version,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at.toISOString() })),
    originMunicipalityName: row.origin_municipality_name,
    imported: row.imported,
    spread: spreadOf(row.origin_municipality_code, uses),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions,
  };
}

export function presentUse(row: ModelUseRow, items: ItemRow[], options: { visible: boolean; canUpdate: boolean }): ModelUse {
  return {
    id: row.id,
    modelId: row.model_id,
    modelTitle: row.model_title,
    version: row.version,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    spaceId: options.visible ? row.space_id : null,
    spaceName: options.visible ? row.space_name : null,
    appliedAt: row.applied_at.toISOString(),
    adaptation: options.visible ? row.adaptation : null,
    outcome: options.visible ? row.outcome : null,
    items: options.visible ? items.map((i) => ({ key: i.item_key, type: i.item_type, resourceId: i.resource_id, title: i.title })) : [],
    allowedActions: options.visible ? (options.canUpdate ? ['view', 'update'] : ['view']) : [],
  };
}
