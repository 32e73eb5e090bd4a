import type { BoardNote } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';

/** A note's text and the texts merged into it, as both the facilitator and the participants see them. */
export function NoteText({ note }: { note: BoardNote }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="board-note__text" data-testid="note-text">
        {note.text}
      </p>
      {note.merged.length > 0 && (
        <ul className="board-note__merged" aria-label={t('board.note.mergedLabel')}>
          {note.merged.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </>
  );
}
