import { z } from 'zod';
import { agendaTarget, coverage, localTarget, localTargetInput } from '../agenda2030.ts';
import { idParams, municipalityCode } from '../common.ts';
import { endpoint } from '../endpoint.ts';

const countyParams = z.object({ code: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }) });
const municipalityParams = z.object({ code: municipalityCode });

/** Agenda 2030 down to the target: the 169 targets, local targets and coverage (the server's agenda2030 module implements them). */
export const agenda2030Endpoints = {
  getTargets: endpoint({
    method: 'GET',
    path: '/api/agenda2030/targets',
    access: 'public',
    summary: 'The 169 Agenda 2030 targets by their official numbering with short Swedish and English labels (our own words)',
    tags: ['agenda2030'],
    response: z.array(agendaTarget),
  }),
  getLocalTargets: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/local-targets',
    access: 'public',
    summary: "A space's local targets (lokala mål), each under one or more global targets",
    tags: ['agenda2030'],
    params: idParams,
    response: z.array(localTarget),
  }),
  createLocalTarget: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/local-targets',
    access: 'signed_in',
    summary: 'Set a local target under global targets, optionally for one municipality and with a simple indicator (leaders)',
    tags: ['agenda2030'],
    params: idParams,
    body: localTargetInput,
    response: localTarget,
    status: 201,
  }),
  getSpaceCoverage: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/agenda2030/coverage',
    access: 'public',
    summary: "What is going on in a space per goal and target: events, inputs, local targets, library items (counts and lists)",
    tags: ['agenda2030'],
    params: idParams,
    response: coverage,
  }),
  getSpaceCoverageCsv: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/agenda2030/coverage.csv',
    access: 'public',
    summary: "A space's coverage as CSV: one row per goal or target and kind of activity",
    tags: ['agenda2030'],
    params: idParams,
  }),
  getMunicipalityCoverage: endpoint({
    method: 'GET',
    path: '/api/municipalities/:code/agenda2030/coverage',
    access: 'public',
    summary: 'Coverage in a municipality across the spaces the caller may see',
    tags: ['agenda2030'],
    params: municipalityParams,
    response: coverage,
  }),
  getMunicipalityCoverageCsv: endpoint({
    method: 'GET',
    path: '/api/municipalities/:code/agenda2030/coverage.csv',
    access: 'public',
    summary: "A municipality's coverage as CSV",
    tags: ['agenda2030'],
    params: municipalityParams,
  }),
  getCountyCoverage: endpoint({
    method: 'GET',
    path: '/api/counties/:code/agenda2030/coverage',
    access: 'public',
    summary: 'Coverage in a county (its municipalities) across the spaces the caller may see',
    tags: ['agenda2030'],
    params: countyParams,
    response: coverage,
  }),
  getCountyCoverageCsv: endpoint({
    method: 'GET',
    path: '/api/counties/:code/agenda2030/coverage.csv',
    access: 'public',
    summary: "A county's coverage as CSV",
    tags: ['agenda2030'],
    params: countyParams,
  }),
};
