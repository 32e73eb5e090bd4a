import { agreementEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { exportAgreement } from './agreement-export.service.ts';

const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export function agreementExportRoutes(deps: Deps) {
  return (['docx', 'pdf'] as const).map((format) =>
    defineRoute(format === 'docx' ? agreementEndpoints.exportAgreementDocx : agreementEndpoints.exportAgreementPdf, {
      personal: false,
      handler: async ({ ctx, params, reply }) => {
        const { body, fileName } = await exportAgreement(deps, ctx, params.id, format);
        return reply.type(TYPES[format]).header('Content-Disposition', `attachment; filename="${fileName}"`).send(body);
      },
    }),
  );
}
