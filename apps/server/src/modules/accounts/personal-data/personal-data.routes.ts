import { accountDeletionPreview, deleteAccountBody, personalDataQuery } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { clearSessionCookie, isHttps } from '../../../http/session-cookie.ts';
import type { Deps } from '../../../platform/deps.ts';
import { renderPersonalDataPdf } from './personal-data-pdf.ts';
import { renderPersonalDataHtml } from './personal-data.presenter.ts';
import { deleteMyAccount, exportMyData, previewAccountDeletion } from './personal-data.service.ts';

export function personalDataRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/me/data',
      access: 'signed_in',
      summary: 'Download everything the platform holds about me: a JSON file, a printable HTML summary or a PDF',
      tags: ['account'],
      query: personalDataQuery,
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
    defineRoute({
      method: 'GET',
      url: '/api/me/deletion',
      access: 'signed_in',
      summary: 'What deleting my account would erase, and whether I must hand over a space first',
      tags: ['account'],
      response: accountDeletionPreview,
      handler: ({ ctx }) => previewAccountDeletion(deps, ctx),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/delete',
      access: 'signed_in',
      summary: 'Delete my account: erases my personal data and keeps what others rely on as "borttagen användare"',
      tags: ['account'],
      body: deleteAccountBody,
      status: 204,
      handler: async ({ ctx, body, request, reply }) => {
        await deleteMyAccount(deps, ctx, body);
        clearSessionCookie(reply, isHttps(request, deps.config.publicUrl));
      },
    }),
  ];
}
