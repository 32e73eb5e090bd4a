import { useTranslation } from 'react-i18next';

/**
 * Move up, move down and remove, named for the item ("Flytta upp steg 1.2"). At the ends a move
 * button stays in place (aria-disabled) so that the focus a keyboard user has on it is not lost.
 */
export function MoveButtons({
  idBase,
  what,
  first,
  last,
  onMove,
  onRemove,
}: {
  idBase: string;
  what: string;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-group editor-moves">
      <button
        type="button"
        id={`${idBase}-up`}
        className="button button--secondary button--small"
        aria-disabled={first || undefined}
        onClick={() => !first && onMove(-1)}
      >
        {t('editors.moveUp', { what })}
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        className="button button--secondary button--small"
        aria-disabled={last || undefined}
        onClick={() => !last && onMove(1)}
      >
        {t('editors.moveDown', { what })}
      </button>
      {onRemove && (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('editors.remove', { what })}
        </button>
      )}
    </div>
  );
}
