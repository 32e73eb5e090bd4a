import type { ServicePoint, ServicePointInput, ServicePointPatch } from '@samhandling/contracts';

/**
 * The service point form's values: what the fields hold (text, as typed) and how they become the
 * API's shape. Apart from the form so that the rules can be tested without a browser.
 */

interface SupportRow {
  kind: string;
  year: string;
  amountSek: string;
  source: string;
}

export interface FormState {
  externalId: string;
  name: string;
  lon: string;
  lat: string;
  address: string;
  municipalityCode: string;
  kinds: string[];
  operatorOrganisationId: string;
  staffed: string;
  openingHours: string;
  seasonal: boolean;
  seasonNote: string;
  status: string;
  statusDate: string;
  openedOn: string;
  supports: SupportRow[];
  sources: Record<string, string>;
  notes: string;
}

export function stateOf(point: ServicePoint | null, defaultMunicipality: string): FormState {
  return {
    externalId: point?.externalId ?? '',
    name: point?.name ?? '',
    lon: point ? String(point.lon) : '',
    lat: point ? String(point.lat) : '',
    address: point?.address ?? '',
    municipalityCode: point ? (point.municipalityCode ?? '') : defaultMunicipality,
    kinds: point?.kinds ?? [],
    operatorOrganisationId: point?.operatorOrganisationId ?? '',
    staffed: point?.staffed === null || !point ? '' : point.staffed ? 'yes' : 'no',
    openingHours: point?.openingHours ?? '',
    seasonal: point?.seasonal ?? false,
    seasonNote: point?.seasonNote ?? '',
    status: point?.status ?? 'open',
    statusDate: point?.statusDate ?? '',
    openedOn: point?.openedOn ?? '',
    supports: (point?.supports ?? []).map((s) => ({ kind: s.kind, year: String(s.year), amountSek: s.amountSek === null ? '' : String(s.amountSek), source: s.source })),
    sources: { ...(point?.sources ?? {}) },
    notes: point?.notes ?? '',
  };
}

export const num = (s: string) => {
  const v = Number(s.trim().replace(',', '.'));
  return s.trim() === '' || !Number.isFinite(v) ? (s.trim() === '' ? null : NaN) : v;
};

/** The form's values in the API's shape (numbers stay as typed when unreadable, so the server names the field). */
export function valuesOf(f: FormState): ServicePointInput {
  return {
    ...(f.externalId.trim() ? { externalId: f.externalId.trim() } : {}),
    name: f.name,
    lon: (num(f.lon) ?? f.lon) as number,
    lat: (num(f.lat) ?? f.lat) as number,
    address: f.address,
    municipalityCode: f.municipalityCode || null,
    kinds: f.kinds as ServicePointInput['kinds'],
    operatorOrganisationId: f.operatorOrganisationId || null,
    staffed: f.staffed === '' ? null : f.staffed === 'yes',
    openingHours: f.openingHours.trim() || null,
    seasonal: f.seasonal,
    seasonNote: f.seasonNote,
    status: f.status as 'open',
    statusDate: f.statusDate || null,
    openedOn: f.openedOn || null,
    supports: f.supports.map((s) => ({ kind: s.kind as 'other', year: Number(s.year), amountSek: s.amountSek.trim() === '' ? null : Number(s.amountSek.replace(/\s/g, '')), source: s.source })),
    sources: Object.fromEntries(Object.entries(f.sources).filter(([, v]) => v.trim() !== '')),
    notes: f.notes,
  };
}

/** Only what changed, for an edit or a suggestion. */
export function patchOf(point: ServicePoint, values: ServicePointInput): ServicePointPatch {
  const { externalId: _ignored, ...rest } = values;
  const before = valuesOf(stateOf(point, ''));
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) patch[key] = value;
  }
  return patch as ServicePointPatch;
}
