import { agreementEndpoints } from '@samhandling/contracts';
import { sendStoredFile } from '../../../http/attachment.ts';
import { defineRoute } from '../../../http/route.ts';
import { readDocumentUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { openAgreementExtract, uploadAgreementExtract } from './agreement-extract.service.ts';

export function agreementExtractRoutes(deps: Deps) {
  return [
    defineRoute(agreementEndpoints.uploadAgreementExtract, {
      // The file is read only after the caller may record the party's decision.
      handler: ({ ctx, params, request }) =>
        uploadAgreementExtract(deps, ctx, params.id, params.adoptionId, () =>
          readDocumentUpload(request, agreementEndpoints.uploadAgreementExtract.upload),
        ),
    }),
    defineRoute(agreementEndpoints.openAgreementExtract, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openAgreementExtract(deps, ctx, params.id, params.adoptionId);
        return sendStoredFile(reply, row, stream);
      },
    }),
  ];
}
