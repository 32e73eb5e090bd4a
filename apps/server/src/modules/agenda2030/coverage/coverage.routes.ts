import { agenda2030Endpoints } from '@samhandling/contracts';
import type { FastifyReply } from 'fastify';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { coverageToCsv, getCountyCoverage, getMunicipalityCoverage, getSpaceCoverage } from './coverage.service.ts';

const sendCsv = (reply: FastifyReply, csv: string, name: string) =>
  reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(csv);

export function coverageRoutes(deps: Deps) {
  return [
    defineRoute(agenda2030Endpoints.getSpaceCoverage, {
      personal: true,
      handler: ({ ctx, params }) => getSpaceCoverage(deps, ctx, params.id),
    }),
    defineRoute(agenda2030Endpoints.getSpaceCoverageCsv, {
      personal: true,
      handler: async ({ ctx, params, reply }) => sendCsv(reply, coverageToCsv(await getSpaceCoverage(deps, ctx, params.id)), 'agenda2030-tackning.csv'),
    }),
    defineRoute(agenda2030Endpoints.getMunicipalityCoverage, {
      personal: true,
      handler: ({ ctx, params }) => getMunicipalityCoverage(deps, ctx, params.code),
    }),
    defineRoute(agenda2030Endpoints.getMunicipalityCoverageCsv, {
      personal: true,
      handler: async ({ ctx, params, reply }) => sendCsv(reply, coverageToCsv(await getMunicipalityCoverage(deps, ctx, params.code)), `agenda2030-tackning-${params.code}.csv`),
    }),
    defineRoute(agenda2030Endpoints.getCountyCoverage, {
      personal: true,
      handler: ({ ctx, params }) => getCountyCoverage(deps, ctx, params.code),
    }),
    defineRoute(agenda2030Endpoints.getCountyCoverageCsv, {
      personal: true,
      handler: async ({ ctx, params, reply }) => sendCsv(reply, coverageToCsv(await getCountyCoverage(deps, ctx, params.code)), `agenda2030-tackning-lan-${params.code}.csv`),
    }),
  ];
}
