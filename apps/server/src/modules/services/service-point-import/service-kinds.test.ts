import { ENGINE_TYPE_OF_KIND, engineTypesOfKinds, SERVICE_KINDS } from '@samhandling/contracts';
import { OSM_SERVICE_KINDS, serviceKindsOf, serviceTypesOf, SERVICE_TYPES } from '@samhandling/engine';
import { describe, expect, it } from 'vitest';

describe('service kinds between the engine and the contracts', () => {
  it('knows every kind the OSM mapping makes, and maps to the engine types only', () => {
    for (const kind of OSM_SERVICE_KINDS) expect(SERVICE_KINDS).toContain(kind);
    for (const type of Object.values(ENGINE_TYPE_OF_KIND)) if (type) expect(SERVICE_TYPES).toContain(type);
  });

  it('gives the engine types of the tags through the kinds', () => {
    const samples: Record<string, string>[] = [
      { shop: 'supermarket', post_office: 'post_partner', cash_withdrawal: 'yes' },
      { shop: 'convenience' },
      { amenity: 'bank' },
      { amenity: 'atm' },
      { amenity: 'parcel_locker' },
      { amenity: 'post_office' },
      { amenity: 'pharmacy' },
      { amenity: 'fuel', cash_withdrawal: 'no' },
      { amenity: 'charging_station' },
      { amenity: 'library' },
    ];
    for (const tags of samples) expect(engineTypesOfKinds(serviceKindsOf(tags)), JSON.stringify(tags)).toEqual(serviceTypesOf(tags).sort((a, b) => SERVICE_TYPES.indexOf(a) - SERVICE_TYPES.indexOf(b)));
  });
});
