import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The removing button of a row: asks before it acts, and is off while the removal runs. */
export interface RowRemoval {
  /** The button's text, e.g. "Ta bort". */
  label: string;
  /** The question asked before anything is removed. */
  confirm: string;
  pending: boolean;
  onConfirm: () => void;
}

/**
 * The actions cell of a table row: "Edit" (when `onEdit` is given), any further actions (`children`),
 * then a confirmed removal (when `remove` is given). Every button carries the row's name for screen readers.
 */
export function RowActions({ name, onEdit, remove, children }: { name: string; onEdit?: () => void; remove?: RowRemoval; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="button-group">
      {onEdit && (
        <button type="button" className="button button--small button--secondary" onClick={onEdit}>
          {t('common.edit')}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      {children}
      {remove && (
        <button
          type="button"
          className="button button--small button--warning"
          disabled={remove.pending}
          onClick={() => {
            if (window.confirm(remove.confirm)) remove.onConfirm();
          }}
        >
          {remove.label}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
    </div>
  );
}
