import { z } from 'zod';
import { municipalityCode, line } from './common.ts';

export const county = z.object({ code: z.string(), name: z.string(), shortName: z.string() });
export type County = z.infer<typeof county>;

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  countyCode: z.string(),
  centroid: z.tuple([z.number(), z.number()]),
});
export type Municipality = z.infer<typeof municipality>;

const position = z.array(z.number());
/** A boundary's GeoJSON geometry (RFC 7946): a polygon or several. */
export const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

/** Boundaries as GeoJSON, for the maps; feature ids are the numeric codes. */
export const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.number().int(),
      properties: z.object({ code: z.string(), name: z.string(), countyCode: z.string().optional() }),
      geometry,
    }),
  ),
});

export const municipalityDetail = municipality.extend({
  countyName: z.string(),
  boundary: z.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()), geometry }),
});
export type MunicipalityDetail = z.infer<typeof municipalityDetail>;

export const municipalitiesQuery = z.object({
  county: z.string().regex(/^\d{2}$/).optional(),
});

export const longitude = z.number().min(10, { message: 'validation.longitude' }).max(25, { message: 'validation.longitude' });
export const latitude = z.number().min(55, { message: 'validation.latitude' }).max(70, { message: 'validation.latitude' });

export const localityInput = z.strictObject({
  name: line().min(1).max(120),
  municipalityCode,
  lon: longitude,
  lat: latitude,
  population: z.number().int().min(0).max(10_000_000).nullable().optional(),
});
export type LocalityInput = z.infer<typeof localityInput>;
export const localityPatch = localityInput.partial();

/** What the caller may do with a locality (its `allowedActions`). */
export const localityAction = z.enum(['update', 'delete']);
export type LocalityAction = z.infer<typeof localityAction>;

export const locality = z.object({
  id: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  lon: z.number(),
  lat: z.number(),
  population: z.number().nullable(),
  updatedAt: z.string(),
  allowedActions: z.array(localityAction),
});
export type Locality = z.infer<typeof locality>;

export const localitiesQuery = z.object({
  municipality: municipalityCode.optional(),
  q: z.string().max(100).optional(),
});

export const localityImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type LocalityImportResult = z.infer<typeof localityImportResult>;
