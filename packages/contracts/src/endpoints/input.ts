import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { inputDetail, inputInput, inputPage, inputPatch, inputSummary, inputsExportQuery, inputsQuery } from '../inputs.ts';

/** The input endpoints (the server's input.routes.ts implements them). */
export const inputEndpoints = {
  getSpaceInputs: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/inputs',
    access: 'public',
    summary: 'Needs and ideas raised in a space, filtered by status, kind, theme, service type, municipality, Agenda 2030 goal, source or event; paged, newest first',
    tags: ['inputs'],
    params: idParams,
    query: inputsQuery,
    response: inputPage,
  }),
  submitInput: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/inputs',
    access: 'public',
    summary: 'Raise a need or an idea (public form, no account needed), or enter one on someone’s behalf (source "facilitator", leaders)',
    tags: ['inputs'],
    params: idParams,
    body: inputInput,
    response: inputDetail,
    status: 201,
  }),
  getInputsForExport: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/inputs/export',
    access: 'public',
    summary: 'The inputs under the same filters as CSV or as GeoJSON points (public fields only)',
    tags: ['inputs'],
    params: idParams,
    query: inputsExportQuery,
  }),
  getInputSummary: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/inputs/summary',
    access: 'public',
    summary: 'Counts of the inputs under the same filters by status, kind, theme, service type, source, the submitters’ sector and age group, municipality and goal',
    tags: ['inputs'],
    params: idParams,
    query: inputsQuery.omit({ limit: true, offset: true, includeHidden: true }),
    response: inputSummary,
  }),
  getInput: endpoint({
    method: 'GET',
    path: '/api/inputs/:id',
    access: 'public',
    summary: 'One input with its public timeline of status changes (date and reason)',
    tags: ['inputs'],
    params: idParams,
    response: inputDetail,
  }),
  patchInput: endpoint({
    method: 'PATCH',
    path: '/api/inputs/:id',
    access: 'signed_in',
    summary: 'Change an input’s status (with `reason`, required when declining; `measureId` of a measure in the same space when planned), correct its classification, or hide it (the space’s leaders)',
    tags: ['inputs'],
    params: idParams,
    body: inputPatch,
    response: inputDetail,
  }),
};
