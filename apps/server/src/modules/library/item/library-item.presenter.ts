import type { LibraryAction, LibraryFile, LibraryItem, LibraryItemSummary } from '@samhandling/contracts';
import type { LibraryItemRead } from './library-item.repository.ts';
import type { LibraryFilesTable } from './library-item.table.ts';
import type { Selectable } from 'kysely';

export function presentItemSummary(row: LibraryItemRead): LibraryItemSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    visibility: row.visibility,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    themes: row.themes,
    goals: row.goals,
    targets: row.targets,
    sectors: row.sectors,
    municipalityCode: row.municipality_code,
    countyCode: row.county_code,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    licence: row.licence,
    language: row.language,
    publishedOn: row.published_on,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    highlight: row.highlight,
  };
}

export function presentFile(row: Selectable<LibraryFilesTable>): LibraryFile {
  return { id: row.id, title: row.title, fileName: row.original_name, contentType: row.content_type, size: row.size, uploadedAt: row.created_at.toISOString() };
}

export function presentItem(
  row: LibraryItemRead,
  extra: { files: Selectable<LibraryFilesTable>[]; usedIn: { kind: string; id: string; title: string }[]; versions: { version: number; saved_at: Date }[]; allowedActions: LibraryAction[] },
): LibraryItem {
  return {
    ...presentItemSummary(row),
    body: row.body,
    links: row.links,
    files: extra.files.map(presentFile),
    usedIn: extra.usedIn,
    versions: extra.versions.map((v) => ({ version: v.version, savedAt: v.saved_at.toISOString() })),
    createdAt: new Date(row.created_at).toISOString(),
    allowedActions: extra.allowedActions,
  };
}

/** What a version keeps: the item's fields as they were saved. */
export function versionContent(row: LibraryItemRead): Record<string, unknown> {
  return {
    visibility: row.visibility,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    links: row.links,
    themes: row.themes,
    goals: row.goals,
    targets: row.targets,
    sectors: row.sectors,
    municipalityCode: row.municipality_code,
    countyCode: row.county_code,
    organisationId: row.organisation_id,
    licence: row.licence,
    language: row.language,
    publishedOn: row.published_on,
  };
}
