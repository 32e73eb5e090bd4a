import type { Tags } from './types.ts';

export const SERVICE_TYPES = ['groceries', 'fuel', 'pharmacy', 'post', 'payment'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export function isServiceType(s: string): s is ServiceType {
  return (SERVICE_TYPES as readonly string[]).includes(s);
}

/**
 * OSM tags → service types (documented in the README). One feature can serve several types,
 * e.g. a supermarket that is also a parcel agent (`post_office=post_partner`).
 */
export function serviceTypesOf(tags: Tags): ServiceType[] {
  const out: ServiceType[] = [];
  const shop = tags.shop;
  const amenity = tags.amenity;
  if (shop === 'supermarket' || shop === 'convenience') out.push('groceries');
  if (amenity === 'fuel') out.push('fuel');
  if (amenity === 'pharmacy') out.push('pharmacy');
  if (amenity === 'post_office' || amenity === 'parcel_locker' || tags.post_office === 'post_partner') out.push('post');
  const cw = tags.cash_withdrawal;
  if (amenity === 'atm' || amenity === 'bank' || (cw !== undefined && cw !== 'no')) out.push('payment');
  return out;
}
