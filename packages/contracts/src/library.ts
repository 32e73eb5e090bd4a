import { z } from 'zod';
import { agenda2030Tags, agenda2030TagsOut } from './agenda2030.ts';
import { idParams, line, municipalityCode, webUrl } from './common.ts';
import { sector } from './actors.ts';
import { inputTheme } from './inputs.ts';

export const libraryKind = z.enum(['method', 'material', 'good_example', 'report', 'template']);
export type LibraryKind = z.infer<typeof libraryKind>;
export const LIBRARY_KINDS = libraryKind.options;
export const libraryVisibility = z.enum(['public', 'members']);

export const libraryLink = z.strictObject({ title: line().min(1).max(200), url: webUrl() });

const libraryFields = {
  spaceId: z.uuid(),
  visibility: libraryVisibility,
  kind: libraryKind,
  title: line().min(2).max(200),
  summary: z.string().trim().max(2000).default(''),
  body: z.string().trim().max(100_000).default(''),
  links: z.array(libraryLink).max(30).default([]),
  themes: z.array(inputTheme).max(12).default([]),
  ...agenda2030Tags,
  sectors: z.array(sector).max(4).default([]),
  municipalityCode: municipalityCode.nullable().default(null),
  countyCode: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }).nullable().default(null),
  organisationId: z.uuid().nullable().default(null),
  licence: line().max(100).default(''),
  language: z.enum(['sv', 'en', 'se', 'fi', 'other']).default('sv'),
  publishedOn: z.iso.date().nullable().default(null),
};

export const libraryItemInput = z.strictObject({ ...libraryFields, goals: libraryFields.goals.default([]), targets: libraryFields.targets.default([]) });
export type LibraryItemInput = z.input<typeof libraryItemInput>;

export const libraryItemPatch = z.strictObject({
  visibility: libraryVisibility.optional(),
  kind: libraryKind.optional(),
  title: line().min(2).max(200).optional(),
  summary: z.string().trim().max(2000).optional(),
  body: z.string().trim().max(100_000).optional(),
  links: z.array(libraryLink).max(30).optional(),
  themes: z.array(inputTheme).max(12).optional(),
  goals: agenda2030Tags.goals.optional(),
  targets: agenda2030Tags.targets.optional(),
  sectors: z.array(sector).max(4).optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  countyCode: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }).nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
  licence: line().max(100).optional(),
  language: z.enum(['sv', 'en', 'se', 'fi', 'other']).optional(),
  publishedOn: z.iso.date().nullable().optional(),
});
export type LibraryItemPatch = z.input<typeof libraryItemPatch>;

export const libraryAction = z.enum(['view', 'update', 'upload_files', 'link']);
export type LibraryAction = z.infer<typeof libraryAction>;

export const libraryFile = z.object({ id: z.string(), title: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), uploadedAt: z.string() });
export type LibraryFile = z.infer<typeof libraryFile>;

export const libraryUse = z.object({ kind: z.string(), id: z.string(), title: z.string() });

export const libraryItemSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  visibility: libraryVisibility,
  kind: libraryKind,
  title: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  ...agenda2030TagsOut,
  sectors: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  licence: z.string(),
  language: z.string(),
  publishedOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  /** Where the search words were found, with hits between «…» (title, else summary and body); null without a search. */
  highlight: z.string().nullable(),
});
export type LibraryItemSummary = z.infer<typeof libraryItemSummary>;

export const libraryItem = libraryItemSummary.extend({
  body: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  files: z.array(libraryFile),
  usedIn: z.array(libraryUse),
  versions: z.array(z.object({ version: z.number(), savedAt: z.string() })),
  createdAt: z.string(),
  allowedActions: z.array(libraryAction),
});
export type LibraryItem = z.infer<typeof libraryItem>;

export const libraryQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: libraryKind.optional(),
  goal: z.coerce.number().int().min(1).max(17).optional(),
  target: z.string().max(6).optional(),
  theme: inputTheme.optional(),
  spaceId: z.uuid().optional(),
  municipalityCode: municipalityCode.optional(),
  countyCode: z.string().regex(/^\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const facet = z.array(z.object({ value: z.string(), count: z.number() }));
export const libraryPage = z.object({
  items: z.array(libraryItemSummary),
  total: z.number(),
  facets: z.object({ kind: facet, goal: facet, theme: facet, region: facet }),
});
export type LibraryPage = z.infer<typeof libraryPage>;

export const libraryVersionParams = idParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });
export const libraryVersion = z.object({ version: z.number(), savedAt: z.string(), content: z.record(z.string(), z.unknown()) });
export const libraryFileParams = idParams.extend({ fileId: z.uuid() });

/** Link an item from somewhere it is used (today events; measures, initiatives and models will add their kind). */
export const libraryLinkInput = z.strictObject({ itemId: z.uuid() });
