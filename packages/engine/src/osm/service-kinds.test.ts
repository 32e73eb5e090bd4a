import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOsmFile } from '../io/osm-file.ts';
import { OsmCollector } from './network.ts';
import { OsmServiceCollector, serviceKindsOf, type OsmServiceKind } from './service-kinds.ts';
import type { ServiceType } from './services.ts';
import { DEFAULT_PROFILE } from '../profile.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

/** The analysis type each kind counts for (the inventory's mapping, mirrored for this check). */
const TYPE: Record<OsmServiceKind, ServiceType | null> = {
  groceries_full: 'groceries',
  groceries_partial: 'groceries',
  post_agent: 'post',
  parcel_locker: 'post',
  pharmacy: 'pharmacy',
  cash_withdrawal: 'payment',
  bill_payment: 'payment',
  fuel: 'fuel',
  ev_charging: null,
  library: null,
  citizen_office: null,
  healthcare: null,
};
const typesOf = (kinds: OsmServiceKind[]) => [...new Set(kinds.map((k) => TYPE[k]).filter((t): t is ServiceType => t !== null))].sort();

describe('service kinds from OSM tags', () => {
  it('maps tags to the finer kinds', () => {
    expect(serviceKindsOf({ shop: 'supermarket', post_office: 'post_partner' })).toEqual(['groceries_full', 'post_agent']);
    expect(serviceKindsOf({ shop: 'convenience', cash_withdrawal: 'yes' })).toEqual(['groceries_partial', 'cash_withdrawal']);
    expect(serviceKindsOf({ amenity: 'bank' })).toEqual(['bill_payment']);
    expect(serviceKindsOf({ amenity: 'charging_station' })).toEqual(['ev_charging']);
    expect(serviceKindsOf({ office: 'government', name: 'Statens servicecenter Ludvika' })).toEqual(['citizen_office']);
    expect(serviceKindsOf({ shop: 'bakery' })).toEqual([]);
  });

  it.each(['andorra.osm.pbf', 'monaco.osm.pbf'])('counts for exactly the analysis types of the engine on %s', (file) => {
    const kinds = new OsmServiceCollector();
    readOsmFile(fixture(file), kinds);
    const features = kinds.finish();
    const engine = new OsmCollector(DEFAULT_PROFILE);
    readOsmFile(fixture(file), engine);
    const byId = new Map<string, ServiceType[]>();
    for (const p of engine.finish().points) byId.set(p.id, [...(byId.get(p.id) ?? []), p.type]);
    const analysed = features.filter((f) => typesOf(f.kinds).length > 0);
    expect(analysed.map((f) => f.id).sort()).toEqual([...byId.keys()].sort());
    for (const f of analysed) expect(typesOf(f.kinds), f.id).toEqual([...byId.get(f.id)!].sort());
    // Same positions as the engine's points.
    const first = engine.finish().points[0]!;
    const same = features.find((f) => f.id === first.id)!;
    expect([same.lon, same.lat]).toEqual([first.lon, first.lat]);
  });
});
