import type { clusterInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, invalid, notFound } from '../../../platform/errors.ts';
import { changeBoard } from './board-changes.ts';
import { noteChange } from './board-read.ts';
import { facilitatorOf } from './board-viewer.ts';
import { presentCluster } from './board.presenter.ts';
import * as repo from './board.repository.ts';

export async function createCluster(deps: Deps, ctx: RequestContext, boardId: string, input: z.output<typeof clusterInput>) {
  await facilitatorOf(deps, ctx, boardId);
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (board.status !== 'open') throw conflict('errors.board_closed');
    if (!(await repo.listPrompts(trx, boardId)).some((p) => p.id === input.promptId)) throw invalid({ promptId: 'errors.not_found' });
    const row = await repo.insertCluster(trx, { board_id: boardId, prompt_id: input.promptId, label: input.label });
    const cluster = presentCluster(row);
    emit({ kind: 'cluster', cluster });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.create', resourceType: 'board_cluster', resourceId: row.id, details: { boardId } });
    return cluster;
  });
}

export async function renameCluster(deps: Deps, ctx: RequestContext, boardId: string, clusterId: string, label: string) {
  await facilitatorOf(deps, ctx, boardId);
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!(await repo.findCluster(trx, boardId, clusterId))) throw notFound();
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const cluster = presentCluster(await repo.updateCluster(trx, clusterId, label));
    emit({ kind: 'cluster', cluster });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.update', resourceType: 'board_cluster', resourceId: clusterId, details: { boardId } });
    return cluster;
  });
}

export async function removeCluster(deps: Deps, ctx: RequestContext, boardId: string, clusterId: string) {
  await facilitatorOf(deps, ctx, boardId);
  await changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!(await repo.findCluster(trx, boardId, clusterId))) throw notFound();
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const freed = await repo.unclusterNotes(trx, clusterId);
    for (const row of freed) emit(await noteChange(trx, row));
    await repo.deleteCluster(trx, clusterId);
    emit({ kind: 'cluster_removed', clusterId });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.delete', resourceType: 'board_cluster', resourceId: clusterId, details: { boardId } });
  });
}
