import { NodeCoordinates } from './node-coordinates.ts';
import type { OsmHandler, Tags } from './types.ts';

/**
 * Finer than the analysis types: what a place offers, as the service inventory records it.
 * Each kind counts for at most one analysis type (see `ANALYSIS_TYPE_OF_OSM_KIND`), chosen so
 * that the analysis types of `serviceKindsOf(tags)` are exactly `serviceTypesOf(tags)`.
 */
export const OSM_SERVICE_KINDS = [
  'groceries_full',
  'groceries_partial',
  'post_agent',
  'parcel_locker',
  'pharmacy',
  'cash_withdrawal',
  'bill_payment',
  'fuel',
  'ev_charging',
  'library',
  'citizen_office',
  'healthcare',
] as const;
export type OsmServiceKind = (typeof OSM_SERVICE_KINDS)[number];

/** OSM tags → service kinds. Documented in the engine README ("Service kinds from OSM tags"). */
export function serviceKindsOf(tags: Tags): OsmServiceKind[] {
  const out = new Set<OsmServiceKind>();
  const { shop, amenity } = tags;
  if (shop === 'supermarket') out.add('groceries_full');
  if (shop === 'convenience') out.add('groceries_partial');
  if (amenity === 'fuel') out.add('fuel');
  if (amenity === 'pharmacy') out.add('pharmacy');
  // In Sweden every "post office" is an agent in a shop; OSM still tags many as post_office.
  if (amenity === 'post_office' || tags.post_office === 'post_partner') out.add('post_agent');
  if (amenity === 'parcel_locker') out.add('parcel_locker');
  if (amenity === 'atm') out.add('cash_withdrawal');
  const cw = tags.cash_withdrawal;
  if (cw !== undefined && cw !== 'no') out.add('cash_withdrawal');
  if (amenity === 'bank') out.add('bill_payment');
  if (amenity === 'charging_station') out.add('ev_charging');
  if (amenity === 'library') out.add('library');
  if (tags.office === 'government' && /servicecenter|medborgarkontor|medborgarservice/i.test(tags.name ?? '')) out.add('citizen_office');
  if (amenity === 'doctors' || amenity === 'clinic' || tags.healthcare === 'centre') out.add('healthcare');
  return OSM_SERVICE_KINDS.filter((k) => out.has(k));
}

/** One OSM feature (node, or way centroid) that offers at least one kind. */
export interface OsmServiceFeature {
  /** `n<osm id>` for nodes, `w<osm id>` for ways, as the engine's points. */
  id: string;
  lon: number;
  lat: number;
  name: string | null;
  kinds: OsmServiceKind[];
  /** The tags an inventory keeps as facts: opening_hours, operator, addr:*. */
  tags: Tags;
}

const KEPT_TAGS = ['opening_hours', 'operator', 'brand', 'addr:street', 'addr:housenumber', 'addr:postcode', 'addr:city', 'name'];

function kept(tags: Tags): Tags {
  const out: Tags = {};
  for (const key of KEPT_TAGS) if (tags[key] !== undefined) out[key] = tags[key]!;
  return out;
}

/**
 * Collects service features while an OSM file streams past (nodes first, as every extract orders
 * them). Way centroids need the coordinates of their nodes, so node coordinates are kept in
 * typed arrays; only the ways that carry a kind are kept.
 */
export class OsmServiceCollector implements OsmHandler {
  private readonly nodes = new NodeCoordinates();
  private readonly features: OsmServiceFeature[] = [];
  private readonly ways: { id: number; refs: number[]; kinds: OsmServiceKind[]; tags: Tags }[] = [];

  node(id: number, lon: number, lat: number, tags: Tags | null): void {
    this.nodes.add(id, lon, lat);
    if (!tags) return;
    const kinds = serviceKindsOf(tags);
    if (kinds.length) this.features.push({ id: `n${id}`, lon, lat, name: tags.name ?? null, kinds, tags: kept(tags) });
  }

  way(id: number, refs: readonly number[], tags: Tags): void {
    const kinds = serviceKindsOf(tags);
    if (kinds.length) this.ways.push({ id, refs: [...refs], kinds, tags });
  }

  finish(): OsmServiceFeature[] {
    const nodes = this.nodes.index();
    const out = [...this.features];
    for (const w of this.ways) {
      // Centroid of the way's distinct vertices, as the engine places its points.
      const c = nodes.centroid(w.refs);
      if (!c) continue;
      out.push({ id: `w${w.id}`, lon: c.lon, lat: c.lat, name: w.tags.name ?? null, kinds: w.kinds, tags: kept(w.tags) });
    }
    return out;
  }
}
