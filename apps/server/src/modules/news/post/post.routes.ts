import { postEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { readDocumentUpload } from '../../../http/upload.ts';
import { createPost, deletePost, deletePostImage, emailPost, getNews, getPost, getSpaceFeed, getSpacePosts, openPostImage, patchPost, uploadPostImage } from './post.service.ts';

export function postRoutes(deps: Deps) {
  return [
    defineRoute(postEndpoints.getSpacePosts, {
      personal: true,
      handler: ({ ctx, params, query }) => getSpacePosts(deps, ctx, params.id, query.limit),
    }),
    defineRoute(postEndpoints.createPost, {
      handler: ({ ctx, params, body }) => createPost(deps, ctx, params.id, body),
    }),
    defineRoute(postEndpoints.getNews, {
      personal: true,
      handler: ({ ctx, query }) => getNews(deps, ctx, query.limit),
    }),
    defineRoute(postEndpoints.getPost, {
      personal: true,
      handler: ({ ctx, params }) => getPost(deps, ctx, params.id),
    }),
    defineRoute(postEndpoints.patchPost, {
      handler: ({ ctx, params, body }) => patchPost(deps, ctx, params.id, body),
    }),
    defineRoute(postEndpoints.deletePost, {
      handler: async ({ ctx, params }) => {
        await deletePost(deps, ctx, params.id);
      },
    }),
    defineRoute(postEndpoints.emailPost, {
      handler: ({ ctx, params }) => emailPost(deps, ctx, params.id),
    }),
    defineRoute(postEndpoints.uploadPostImage, {
      handler: ({ ctx, params, request }) =>
        uploadPostImage(deps, ctx, params.id, () =>
          readDocumentUpload(request, postEndpoints.uploadPostImage.upload),
        ),
    }),
    defineRoute(postEndpoints.getPostImage, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { image, bytes } = await openPostImage(deps, ctx, params.id, params.imageId);
        return reply.type(image.content_type).header('Content-Length', String(bytes.length)).header('X-Content-Type-Options', 'nosniff').send(bytes);
      },
    }),
    defineRoute(postEndpoints.deletePostImage, {
      handler: async ({ ctx, params }) => {
        await deletePostImage(deps, ctx, params.id, params.imageId);
      },
    }),
    defineRoute(postEndpoints.getSpaceFeed, {
      personal: false,
      handler: async ({ ctx, params, reply }) => {
        const xml = await getSpaceFeed(deps, ctx, params.id);
        return reply.header('Content-Type', 'application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(xml);
      },
    }),
  ];
}
