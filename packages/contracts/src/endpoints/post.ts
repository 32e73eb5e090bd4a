import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { newsQuery, post, postEmailResult, postInput, postPatch } from '../news.ts';

/** News (Aktuellt): posts per space, the combined news and the Atom feed (the server's post.routes.ts). */
export const postEndpoints = {
  getSpacePosts: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/posts',
    access: 'public',
    summary: "A space's news, pinned first, then newest; members-only posts for its members",
    tags: ['news'],
    params: idParams,
    query: newsQuery,
    response: z.array(post),
  }),
  createPost: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/posts',
    access: 'signed_in',
    summary: 'Publish a news post in the space (its leaders)',
    tags: ['news'],
    params: idParams,
    body: postInput,
    response: post,
    status: 201,
  }),
  getNews: endpoint({
    method: 'GET',
    path: '/api/news',
    access: 'public',
    summary: 'The combined news of every space the caller may read, newest first',
    tags: ['news'],
    query: newsQuery,
    response: z.array(post),
  }),
  getPost: endpoint({
    method: 'GET',
    path: '/api/posts/:id',
    access: 'public',
    summary: 'One news post',
    tags: ['news'],
    params: idParams,
    response: post,
  }),
  patchPost: endpoint({
    method: 'PATCH',
    path: '/api/posts/:id',
    access: 'signed_in',
    summary: 'Edit, pin or unpin a news post',
    tags: ['news'],
    params: idParams,
    body: postPatch,
    response: post,
  }),
  deletePost: endpoint({
    method: 'DELETE',
    path: '/api/posts/:id',
    access: 'signed_in',
    summary: 'Delete a news post',
    tags: ['news'],
    params: idParams,
    status: 204,
  }),
  emailPost: endpoint({
    method: 'POST',
    path: '/api/posts/:id/email',
    access: 'signed_in',
    summary: "E-mail the post to the space's followers (once); followers with an account get it as they chose (now, in a digest, or not)",
    tags: ['news'],
    params: idParams,
    response: postEmailResult,
  }),
  getSpaceFeed: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/feed.atom',
    access: 'public',
    summary: "The space's public news as an Atom feed (RFC 4287)",
    tags: ['news'],
    params: idParams,
  }),
};
