import { privacyEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { clearSessionCookie, isHttps } from '../../../http/session-cookie.ts';
import type { Deps } from '../../../platform/deps.ts';
import { renderPersonalDataPdf } from './personal-data-pdf.ts';
import { renderPersonalDataHtml } from './personal-data.presenter.ts';
import { deleteMyAccount, exportMyData, previewAccountDeletion } from './personal-data.service.ts';

export function personalDataRoutes(deps: Deps) {
  return [
    defineRoute(privacyEndpoints.exportMyData, {
      handler: async ({ ctx, query, reply }) => {
        const data = await exportMyData(deps, ctx);
        const day = data.exportedAt.slice(0, 10);
        reply.header('Cache-Control', 'no-store');
        if (query.format === 'html') return reply.type('text/html; charset=utf-8').send(renderPersonalDataHtml(data, ctx.language));
        if (query.format === 'pdf') {
          return reply
            .type('application/pdf')
            .header('Content-Disposition', `attachment; filename="samhandling-mina-uppgifter-${day}.pdf"`)
            .send(await renderPersonalDataPdf(data, ctx.language));
        }
        return reply
          .type('application/json; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="samhandling-mina-uppgifter-${day}.json"`)
          .send(JSON.stringify(data, null, 2));
      },
    }),
    defineRoute(privacyEndpoints.previewAccountDeletion, {
      handler: ({ ctx }) => previewAccountDeletion(deps, ctx),
    }),
    defineRoute(privacyEndpoints.deleteMyAccount, {
      handler: async ({ ctx, body, request, reply }) => {
        await deleteMyAccount(deps, ctx, body);
        clearSessionCookie(reply, isHttps(request, deps.config.publicUrl));
      },
    }),
  ];
}
