import { servicePoint, servicePointInput, type ServicePoint } from '@samhandling/contracts';
import { describe, expect, it } from 'vitest';
import { num, patchOf, stateOf, valuesOf } from './service-point-values.ts';

const point: ServicePoint = servicePoint.parse({
  id: 'p1',
  spaceId: 's1',
  externalId: 'ICA-123',
  name: 'Handlar’n i Slagnäs',
  lon: 18.178,
  lat: 65.588,
  address: 'Byvägen 1',
  municipalityCode: '2506',
  municipalityName: 'Arjeplog',
  kinds: ['groceries_full', 'post_agent'],
  engineTypes: ['groceries', 'post'],
  operatorOrganisationId: null,
  operatorName: null,
  staffed: true,
  openingHours: 'Mo-Fr 09:00-18:00',
  openingWeek: null,
  openNow: null,
  seasonal: false,
  seasonNote: '',
  status: 'open',
  statusDate: null,
  openedOn: '1998-05-01',
  supports: [{ kind: 'operating_support', year: 2025, amountSek: 150000, source: 'Region Norrbotten' }],
  sources: { openingHours: 'OSM' },
  notes: '',
  pendingSuggestions: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  allowedActions: [],
});

describe('the service point form’s values', () => {
  it('fills the form from a point and gives back the same point in the API’s shape', () => {
    const values = valuesOf(stateOf(point, ''));
    expect(servicePointInput.safeParse(values).success).toBe(true);
    expect(values).toMatchObject({
      externalId: 'ICA-123',
      name: point.name,
      lon: 18.178,
      lat: 65.588,
      municipalityCode: '2506',
      kinds: ['groceries_full', 'post_agent'],
      staffed: true,
      openingHours: 'Mo-Fr 09:00-18:00',
      openedOn: '1998-05-01',
      supports: [{ kind: 'operating_support', year: 2025, amountSek: 150000, source: 'Region Norrbotten' }],
      sources: { openingHours: 'OSM' },
    });
  });

  it('starts a new point empty, in the only municipality of the space', () => {
    const state = stateOf(null, '2506');
    expect(state).toMatchObject({ name: '', lon: '', municipalityCode: '2506', staffed: '', status: 'open', kinds: [] });
    const values = valuesOf(state);
    expect(values).not.toHaveProperty('externalId');
    expect(values).toMatchObject({ staffed: null, openingHours: null, operatorOrganisationId: null, statusDate: null });
  });

  it('reads decimal commas and spaces as people type them', () => {
    expect(num('14,5')).toBe(14.5);
    expect(num(' 65.1 ')).toBe(65.1);
    expect(num('')).toBeNull();
    expect(num('öster')).toBeNaN();
    const state = { ...stateOf(point, ''), lon: '18,2', supports: [{ kind: 'other', year: '2024', amountSek: '12 500', source: '' }] };
    const values = valuesOf(state);
    expect(values.lon).toBe(18.2);
    expect(values.supports).toEqual([{ kind: 'other', year: 2024, amountSek: 12500, source: '' }]);
  });

  it('sends an unreadable coordinate as no number, so the server names the field', () => {
    const sent = JSON.parse(JSON.stringify(valuesOf({ ...stateOf(point, ''), lat: 'norr om byn' })));
    expect(sent.lat).toBeNull();
    const problems = servicePointInput.safeParse(sent).error?.issues.map((issue) => issue.path.join('.'));
    expect(problems).toEqual(['lat']);
  });

  it('drops empty sources and trims the opening hours', () => {
    const values = valuesOf({ ...stateOf(point, ''), openingHours: '  ', sources: { openingHours: ' ', name: 'skylt' } });
    expect(values.openingHours).toBeNull();
    expect(values.sources).toEqual({ name: 'skylt' });
  });

  it('patches only what changed, and never the external id', () => {
    const values = valuesOf({ ...stateOf(point, ''), name: 'Slagnäs Lanthandel', staffed: 'no', externalId: 'ANNAT-ID' });
    expect(patchOf(point, values)).toEqual({ name: 'Slagnäs Lanthandel', staffed: false });
    expect(patchOf(point, valuesOf(stateOf(point, '')))).toEqual({});
  });
});
