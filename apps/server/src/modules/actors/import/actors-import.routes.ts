import { importKind, importResult } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { importIntoSpace } from './actors-import.service.ts';

export function actorsImportRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/import/:kind',
      access: 'signed_in',
      summary: 'Import organisations, people or collaborations into a space from CSV; dryRun=true previews every bad row',
      tags: ['actors'],
      params: z.object({ id: z.uuid(), kind: importKind }),
      query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
      body: z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
      accepts: ['text/csv', 'text/plain'],
      response: importResult,
      handler: ({ ctx, params, query, body }) => importIntoSpace(deps, ctx, params.id, params.kind, body.csv, query.dryRun === 'true'),
    }),
  ];
}
