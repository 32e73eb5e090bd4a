import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { eraseParticipantNamesOfBoardsClosedBefore, notesByUser } from './board.repository.ts';

/** The retention rule: participants' names are deleted `days` after their board closed. */
export function eraseOldParticipantNames(trx: Kysely<Database>, now: Date, days: number): Promise<number> {
  return eraseParticipantNamesOfBoardsClosedBefore(trx, new Date(now.getTime() - days * 86_400_000));
}

/**
 * Board notes written while signed in. A note is part of a workshop's shared result (it may
 * have become an input), so it stays on erasure, shown as by "borttagen användare".
 */
export const boardPersonalData: PersonalDataProvider = {
  key: 'boardNotes',
  async collect(deps: Deps, subject: DataSubject) {
    return (await notesByUser(deps.db, subject.userId)).map((n) => ({
      id: n.id,
      board: { id: n.board_id, title: n.board_title },
      text: n.text,
      hidden: n.hidden,
      createdAt: n.created_at.toISOString(),
    }));
  },
  async erase() {
    return 0;
  },
};
