import { servicePointInput } from '@samhandling/contracts';
import { createServicePoint } from '../modules/services/service-point/service-point.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoOrganisationId, demoUser } from './demo-context.ts';

const SERVICE = 'Service i samverkan';
const SOURCE = 'Exempeldata (demo)';

interface DemoPoint {
  externalId: string;
  name: string;
  municipalityCode: string;
  lon: number;
  lat: number;
  address: string;
  kinds: string[];
  staffed: boolean | null;
  openingHours: string | null;
  seasonal?: string;
  status?: 'at_risk' | 'closed';
  statusDate?: string;
  supports?: { kind: string; year: number; amountSek: number | null; source: string }[];
  operator?: string;
}

/**
 * Service points in two of the pilot municipalities (Älvdalen, Ludvika) at real places. The shops
 * are examples, not real businesses: their names say so, and every fact's source is "Exempeldata".
 */
const DEMO_POINTS: DemoPoint[] = [
  {
    externalId: 'demo-sarna-handel',
    name: 'Särna Handel (exempel)',
    municipalityCode: '2039',
    lon: 13.1397,
    lat: 61.6929,
    address: 'Särnavägen 12, 790 90 Särna',
    kinds: ['groceries_full', 'post_agent', 'parcel_pickup', 'pharmacy_agent', 'cash_withdrawal', 'bill_payment'],
    staffed: true,
    openingHours: 'Mo-Fr 09:00-19:00; Sa 09:00-16:00; Su 11:00-16:00; PH off',
    status: 'at_risk',
    statusDate: '2026-09-01',
    supports: [{ kind: 'investment_support', year: 2024, amountSek: 350000, source: 'Länsstyrelsens beslut (exempel)' }],
  },
  {
    externalId: 'demo-idre-livs',
    name: 'Idre Livs (exempel)',
    municipalityCode: '2039',
    lon: 12.7199,
    lat: 61.8587,
    address: 'Byvägen 4, 790 91 Idre',
    kinds: ['groceries_full', 'parcel_pickup', 'parcel_locker'],
    staffed: true,
    openingHours: 'Mo-Su 08:00-21:00',
  },
  {
    externalId: 'demo-idre-drivmedel',
    name: 'Idre drivmedel och laddning (exempel)',
    municipalityCode: '2039',
    lon: 12.7255,
    lat: 61.8561,
    address: 'Idrevägen 1, 790 91 Idre',
    kinds: ['fuel', 'ev_charging', 'cash_withdrawal'],
    staffed: false,
    openingHours: '24/7',
  },
  {
    externalId: 'demo-alvdalen-apotek',
    name: 'Apotek Älvdalen (exempel)',
    municipalityCode: '2039',
    lon: 14.0395,
    lat: 61.2275,
    address: 'Dalgatan 20, 796 30 Älvdalen',
    kinds: ['pharmacy'],
    staffed: true,
    openingHours: 'Mo-Fr 09:30-18:00; Sa 10:00-13:00',
  },
  {
    externalId: 'demo-alvdalen-bibliotek',
    name: 'Älvdalens bibliotek och medborgarservice',
    municipalityCode: '2039',
    lon: 14.0371,
    lat: 61.2268,
    address: 'Dalgatan 4, 796 30 Älvdalen',
    kinds: ['library', 'citizen_office'],
    staffed: true,
    openingHours: 'Mo,We 10:00-19:00; Tu,Th,Fr 10:00-16:00; Sa 10:00-13:00 "lördagsöppet udda veckor"',
    operator: 'Älvdalens kommun',
  },
  {
    externalId: 'demo-asen-lanthandel',
    name: 'Åsens lanthandel (exempel)',
    municipalityCode: '2039',
    lon: 13.8633,
    lat: 61.2819,
    address: 'Åsen, 796 90 Älvdalen',
    kinds: ['groceries_partial', 'parcel_pickup'],
    staffed: true,
    openingHours: 'Jun-Aug: Mo-Sa 10:00-18:00',
    seasonal: 'Öppet juni–augusti',
    status: 'closed',
    statusDate: '2025-08-31',
  },
  {
    externalId: 'demo-grangarde-handel',
    name: 'Grangärde handel (exempel)',
    municipalityCode: '2085',
    lon: 14.9928,
    lat: 60.2665,
    address: 'Storgatan 2, 770 13 Grangärde',
    kinds: ['groceries_full', 'post_agent', 'cash_withdrawal', 'day_takings_deposit'],
    staffed: true,
    openingHours: 'Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00',
    supports: [{ kind: 'operating_support', year: 2025, amountSek: 120000, source: 'Region Dalarnas beslut (exempel)' }],
  },
  {
    externalId: 'demo-sunnansjo-livs',
    name: 'Sunnansjö livs (exempel)',
    municipalityCode: '2085',
    lon: 14.8572,
    lat: 60.3869,
    address: 'Sunnansjövägen 10, 770 14 Nyhammar',
    kinds: ['groceries_partial', 'parcel_pickup', 'pharmacy_agent'],
    staffed: true,
    openingHours: 'Mo-Fr 10:00-18:00; Sa 10:00-14:00',
    supports: [{ kind: 'home_delivery_support', year: 2025, amountSek: 45000, source: 'Ludvika kommun (exempel)' }],
  },
  {
    externalId: 'demo-fredriksberg',
    name: 'Fredriksbergs handel och drivmedel (exempel)',
    municipalityCode: '2085',
    lon: 14.3741,
    lat: 60.1389,
    address: 'Bruksvägen 3, 770 10 Fredriksberg',
    kinds: ['groceries_partial', 'post_agent', 'fuel', 'bill_payment'],
    staffed: null,
    openingHours: 'Mo-Fr 09:00-18:00; Sa 10:00-14:00',
    status: 'at_risk',
    statusDate: '2026-05-15',
  },
  {
    externalId: 'demo-ludvika-servicecenter',
    name: 'Statens servicecenter Ludvika (exempel)',
    municipalityCode: '2085',
    lon: 15.1875,
    lat: 60.1496,
    address: 'Storgatan 45, 771 30 Ludvika',
    kinds: ['citizen_office'],
    staffed: true,
    openingHours: 'Mo-Fr 09:00-16:00',
  },
];

/** Through the service points service, as the admin would record them (with the operator organisation where it is known). */
export async function seedDemoServicePoints(deps: Deps, spaceIds: Map<string, string>): Promise<void> {
  const spaceId = spaceIds.get(SERVICE);
  if (!spaceId) return;
  const admin = demoContext(deps, await demoUser(deps, 'admin@example.org'));
  for (const p of DEMO_POINTS) {
    const sources: Record<string, string> = { name: SOURCE, location: SOURCE, address: SOURCE, kinds: SOURCE, staffed: SOURCE, status: SOURCE, ...(p.openingHours ? { openingHours: SOURCE } : {}), ...(p.seasonal ? { seasonal: SOURCE } : {}) };
    await createServicePoint(
      deps,
      admin,
      spaceId,
      servicePointInput.parse({
        externalId: p.externalId,
        name: p.name,
        lon: p.lon,
        lat: p.lat,
        address: p.address,
        municipalityCode: p.municipalityCode,
        kinds: p.kinds,
        operatorOrganisationId: p.operator ? await demoOrganisationId(deps, p.operator) : null,
        staffed: p.staffed,
        openingHours: p.openingHours,
        seasonal: p.seasonal !== undefined,
        seasonNote: p.seasonal ?? '',
        status: p.status ?? 'open',
        statusDate: p.statusDate ?? null,
        supports: p.supports ?? [],
        sources,
        notes: 'Exempeldata i demon – inte verkliga uppgifter om en butik.',
      }),
    );
  }
}
