import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { servicePoint, servicePointChange, servicePointExportQuery, servicePointInput, servicePointPage, servicePointPatch, servicePointsQuery } from '../service-points.ts';

/** The service point endpoints (the server's service-point.routes.ts implements them). */
export const servicePointEndpoints = {
  getServicePoints: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/service-points',
    access: 'public',
    summary: "A space's service points (public when the space is), filtered by name, kind, engine type, status or municipality",
    tags: ['services'],
    params: idParams,
    query: servicePointsQuery,
    response: servicePointPage,
  }),
  exportServicePoints: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/service-points/export',
    access: 'public',
    summary: "A space's service points as CSV (one row per point), GeoJSON, or the engine's points CSV (open points, one row per type)",
    tags: ['services'],
    params: idParams,
    query: servicePointExportQuery,
  }),
  createServicePoint: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/service-points',
    access: 'signed_in',
    summary: 'Add a service point to a space (its leaders); the external id is made when not given',
    tags: ['services'],
    params: idParams,
    body: servicePointInput,
    response: servicePoint,
    status: 201,
  }),
  getServicePoint: endpoint({
    method: 'GET',
    path: '/api/service-points/:id',
    access: 'public',
    summary: 'One service point with its opening hours for the coming week',
    tags: ['services'],
    params: idParams,
    response: servicePoint,
  }),
  patchServicePoint: endpoint({
    method: 'PATCH',
    path: '/api/service-points/:id',
    access: 'signed_in',
    summary: "Edit a service point (the space's leaders); every change goes into its history",
    tags: ['services'],
    params: idParams,
    body: servicePointPatch,
    response: servicePoint,
  }),
  getServicePointHistory: endpoint({
    method: 'GET',
    path: '/api/service-points/:id/history',
    access: 'public',
    summary: "A service point's full history of changes, newest first (names only to the space's leaders)",
    tags: ['services'],
    params: idParams,
    response: z.array(servicePointChange),
  }),
};
