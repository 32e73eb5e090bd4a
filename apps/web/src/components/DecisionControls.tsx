import { TextAreaField } from './fields.tsx';

/**
 * Accepting or rejecting a suggestion, with an optional note for the one who made it
 * (organisation stewardship and service points decide the same way).
 */
export function DecisionControls({
  scope,
  noteLabel,
  note,
  onNoteChange,
  acceptLabel,
  rejectLabel,
  pending,
  onDecide,
}: {
  scope: string;
  noteLabel: string;
  note: string;
  onNoteChange: (note: string) => void;
  acceptLabel: string;
  rejectLabel: string;
  pending: boolean;
  onDecide: (decision: 'accept' | 'reject') => void;
}) {
  return (
    <div>
      <TextAreaField scope={scope} label={noteLabel} name="note" rows={2} value={note} onChange={(e) => onNoteChange(e.target.value)} />
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={() => onDecide('accept')}>
          {acceptLabel}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={() => onDecide('reject')}>
          {rejectLabel}
        </button>
      </div>
    </div>
  );
}
