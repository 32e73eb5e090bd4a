import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { importKind, importResult } from '../actors.ts';

/** The actors import endpoints (the server's actors-import.routes.ts implements them). */
export const actorsImportEndpoints = {
  importIntoSpace: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/import/:kind',
    access: 'signed_in',
    summary: 'Import organisations, people or collaborations into a space from CSV; dryRun=true previews every bad row',
    tags: ['actors'],
    params: z.object({ id: z.uuid(), kind: importKind }),
    query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
    body: z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
    accepts: ['text/csv', 'text/plain'],
    response: importResult,
  }),
};
