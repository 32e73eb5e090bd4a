import { endpoint } from '../endpoint.ts';
import { planDocument, planParams, servicePlanExportQuery } from '../service-plans.ts';

const tags = ['service plans'];

/** The service plan export endpoints (the server's service-plan-export.routes.ts implements them). */
export const servicePlanExportEndpoints = {
  exportServicePlanDocx: endpoint({
    method: 'GET',
    path: '/api/service-plans/:id/export.docx',
    access: 'public',
    summary: 'The plan as DOCX with the map and charts (`?version=N` for a frozen version)',
    tags,
    params: planParams,
    query: servicePlanExportQuery,
  }),
  exportServicePlanPdf: endpoint({
    method: 'GET',
    path: '/api/service-plans/:id/export.pdf',
    access: 'public',
    summary: 'The plan as PDF with the map and charts (`?version=N` for a frozen version)',
    tags,
    params: planParams,
    query: servicePlanExportQuery,
  }),
  getServicePlanDocument: endpoint({
    method: 'GET',
    path: '/api/service-plans/:id/document',
    access: 'public',
    summary: 'The plan as a document (sections, tables, the map and charts as SVG): what the exports and the print view show',
    tags,
    params: planParams,
    query: servicePlanExportQuery,
    response: planDocument,
  }),
};
