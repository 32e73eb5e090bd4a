import {
  board,
  boardClusterParams,
  boardCluster,
  boardCreateInput,
  boardJoinInput,
  boardJoinResult,
  boardLivePoll,
  boardNote,
  boardNoteParams,
  boardPatch,
  boardSummary,
  clusterInput,
  clusterPatch,
  idParams,
  liveQuery,
  mergeInput,
  noteInput,
  notePatch,
  voteInput,
} from '@samhandling/contracts';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { handleBoardSocket } from '../board-live/board-live.ts';
import {
  castVote,
  closeBoard,
  createBoard,
  createCluster,
  getBoard,
  joinBoard,
  listEventBoards,
  mergeNotes,
  patchBoard,
  patchNote,
  pollBoard,
  postNote,
  removeCluster,
  renameCluster,
  resolveViewer,
} from './board.service.ts';

/** Participants carry the token they got when joining in this header (the browser keeps it). */
export const BOARD_TOKEN_HEADER = 'x-board-token';

function tokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers[BOARD_TOKEN_HEADER];
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}

const tags = ['dialogues'];

export function boardRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/boards',
      access: 'signed_in',
      summary: 'The live workshop boards of an event (facilitators)',
      tags,
      params: idParams,
      response: z.array(boardSummary),
      handler: ({ ctx, params }) => listEventBoards(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/events/:id/boards',
      access: 'signed_in',
      summary: 'Open a live workshop board for an event; participants join with its short code',
      tags,
      params: idParams,
      body: boardCreateInput,
      response: board,
      status: 201,
      handler: ({ ctx, params, body }) => createBoard(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/boards/join',
      access: 'public',
      summary: 'Join an open board with its code, without an account (name, sector and age group optional)',
      tags,
      body: boardJoinInput,
      response: boardJoinResult,
      status: 201,
      personal: true,
      handler: ({ ctx, body }) => joinBoard(deps, ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/boards/:id',
      access: 'public',
      summary: 'The whole board as the caller may see it (participant token in X-Board-Token, or a facilitator session)',
      tags,
      params: idParams,
      response: board,
      personal: true,
      handler: ({ ctx, params, request }) => getBoard(deps, ctx, params.id, tokenOf(request)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/boards/:id/live',
      access: 'public',
      summary:
        'Live changes. As a WebSocket: send { type: "hello", token?, since? } first, then receive a snapshot or the missed changes, "ready" and every later change in order. As a plain GET: the poll fallback (changes after ?since, or a snapshot)',
      tags,
      params: idParams,
      query: liveQuery,
      response: boardLivePoll,
      personal: true,
      handler: ({ ctx, params, query, request }) => pollBoard(deps, ctx, params.id, tokenOf(request), query.since),
      websocket: ({ ctx, params, socket }) => handleBoardSocket(deps, ctx, params.id, socket),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/boards/:id',
      access: 'signed_in',
      summary: 'Set the title, prompts, breakout groups, dots per participant; open or close voting',
      tags,
      params: idParams,
      body: boardPatch,
      response: board,
      handler: ({ ctx, params, body }) => patchBoard(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/boards/:id/close',
      access: 'signed_in',
      summary: 'Close the board: its visible notes become inputs linked to the event',
      tags,
      params: idParams,
      response: board,
      handler: ({ ctx, params }) => closeBoard(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/boards/:id/qr.svg',
      access: 'signed_in',
      summary: 'A QR code (SVG) that opens the join page with the board code',
      tags,
      params: idParams,
      handler: async ({ ctx, params, reply }) => {
        const { board: row, viewer } = await resolveViewer(deps, ctx, params.id, undefined);
        if (viewer.kind !== 'facilitator') return reply.status(404).send();
        const svg = await QRCode.toString(`${ctx.origin}/delta/${row.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        return reply.status(200).type('image/svg+xml').send(svg);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/boards/:id/notes',
      access: 'public',
      summary: 'Post a note (participant token or facilitator); the clientKey makes a retry return the same note',
      tags,
      params: idParams,
      body: noteInput,
      response: boardNote,
      status: 201,
      handler: ({ ctx, params, body, request }) => postNote(deps, ctx, params.id, tokenOf(request), body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/boards/:id/notes/:noteId',
      access: 'public',
      summary: 'Edit a note: its author changes the text; the facilitator moves, clusters and hides it',
      tags,
      params: boardNoteParams,
      body: notePatch,
      response: boardNote,
      handler: ({ ctx, params, body, request }) => patchNote(deps, ctx, params.id, params.noteId, tokenOf(request), body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/boards/:id/merges',
      access: 'signed_in',
      summary: 'Merge one note into another (texts kept, dots added together)',
      tags,
      params: idParams,
      body: mergeInput,
      response: boardNote,
      handler: ({ ctx, params, body }) => mergeNotes(deps, ctx, params.id, body.sourceId, body.targetId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/boards/:id/clusters',
      access: 'signed_in',
      summary: 'Add a named cluster under a prompt',
      tags,
      params: idParams,
      body: clusterInput,
      response: boardCluster,
      status: 201,
      handler: ({ ctx, params, body }) => createCluster(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/boards/:id/clusters/:clusterId',
      access: 'signed_in',
      summary: 'Rename a cluster',
      tags,
      params: boardClusterParams,
      body: clusterPatch,
      response: boardCluster,
      handler: ({ ctx, params, body }) => renameCluster(deps, ctx, params.id, params.clusterId, body.label),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/boards/:id/clusters/:clusterId',
      access: 'signed_in',
      summary: 'Remove a cluster; its notes stay, unclustered',
      tags,
      params: boardClusterParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeCluster(deps, ctx, params.id, params.clusterId);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/boards/:id/votes/:noteId',
      access: 'public',
      summary: 'Set how many of your dots are on a note (participants, while voting is open)',
      tags,
      params: boardNoteParams,
      body: voteInput,
      response: z.object({ noteId: z.string(), votes: z.number(), mine: z.record(z.string(), z.number()) }),
      handler: ({ ctx, params, body, request }) => castVote(deps, ctx, params.id, params.noteId, tokenOf(request), body.dots),
    }),
  ];
}
