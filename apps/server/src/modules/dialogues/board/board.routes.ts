import { boardEndpoints } from '@samhandling/contracts';
import type { FastifyRequest } from 'fastify';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { handleBoardSocket } from '../board-live/board-live.ts';
import { createCluster, removeCluster, renameCluster } from './board-clusters.ts';
import { mergeNotes, patchNote, postNote } from './board-notes.ts';
import { getBoard, listEventBoards, pollBoard } from './board-read.ts';
import { resolveViewer } from './board-viewer.ts';
import { castVote } from './board-votes.ts';
import { closeBoard, createBoard, joinBoard, patchBoard } from './board.service.ts';
import { qrCodeSvg } from '../../../platform/qr-code.ts';

/** Participants carry the token they got when joining in this header (the browser keeps it). */
export const BOARD_TOKEN_HEADER = 'x-board-token';

function tokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers[BOARD_TOKEN_HEADER];
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}

export function boardRoutes(deps: Deps) {
  return [
    defineRoute(boardEndpoints.listEventBoards, {
      handler: ({ ctx, params }) => listEventBoards(deps, ctx, params.id),
    }),
    defineRoute(boardEndpoints.createBoard, {
      handler: ({ ctx, params, body }) => createBoard(deps, ctx, params.id, body),
    }),
    defineRoute(boardEndpoints.joinBoard, {
      personal: true,
      handler: ({ ctx, body }) => joinBoard(deps, ctx, body),
    }),
    defineRoute(boardEndpoints.getBoard, {
      personal: true,
      handler: ({ ctx, params, request }) => getBoard(deps, ctx, params.id, tokenOf(request)),
    }),
    defineRoute(boardEndpoints.pollBoard, {
      personal: true,
      handler: ({ ctx, params, query, request }) => pollBoard(deps, ctx, params.id, tokenOf(request), query.since),
      websocket: ({ ctx, params, socket }) => handleBoardSocket(deps, ctx, params.id, socket),
    }),
    defineRoute(boardEndpoints.patchBoard, {
      handler: ({ ctx, params, body }) => patchBoard(deps, ctx, params.id, body),
    }),
    defineRoute(boardEndpoints.closeBoard, {
      handler: ({ ctx, params }) => closeBoard(deps, ctx, params.id),
    }),
    defineRoute(boardEndpoints.getBoardQr, {
      handler: async ({ ctx, params, reply }) => {
        const { board: row, viewer } = await resolveViewer(deps, ctx, params.id, undefined);
        if (viewer.kind !== 'facilitator') return reply.status(404).send();
        const svg = await qrCodeSvg(`${ctx.origin}/delta/${row.code}`, 1);
        return reply.status(200).type('image/svg+xml').send(svg);
      },
    }),
    defineRoute(boardEndpoints.postNote, {
      handler: ({ ctx, params, body, request }) => postNote(deps, ctx, params.id, tokenOf(request), body),
    }),
    defineRoute(boardEndpoints.patchNote, {
      handler: ({ ctx, params, body, request }) => patchNote(deps, ctx, params.id, params.noteId, tokenOf(request), body),
    }),
    defineRoute(boardEndpoints.mergeNotes, {
      handler: ({ ctx, params, body }) => mergeNotes(deps, ctx, params.id, body.sourceId, body.targetId),
    }),
    defineRoute(boardEndpoints.createCluster, {
      handler: ({ ctx, params, body }) => createCluster(deps, ctx, params.id, body),
    }),
    defineRoute(boardEndpoints.renameCluster, {
      handler: ({ ctx, params, body }) => renameCluster(deps, ctx, params.id, params.clusterId, body.label),
    }),
    defineRoute(boardEndpoints.removeCluster, {
      handler: async ({ ctx, params }) => {
        await removeCluster(deps, ctx, params.id, params.clusterId);
      },
    }),
    defineRoute(boardEndpoints.castVote, {
      handler: ({ ctx, params, body, request }) => castVote(deps, ctx, params.id, params.noteId, tokenOf(request), body.dots),
    }),
  ];
}
