import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A list of repeatable rows (participants, milestones, funding, links) in a form: each row a
 * fieldset with its own legend and a remove button named for the row ("Ta bort deltagare 2"),
 * and an add button after the list. Adding moves focus to the new row's first field; removing
 * moves it to the add button, so a keyboard user never lands on nothing.
 */
export function RowList<T extends { key: string }>({
  heading,
  rows,
  onChange,
  newRow,
  legend,
  removeLabel,
  addLabel,
  empty,
  firstField,
  testId,
  children,
}: {
  heading: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  legend: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  empty: string;
  /** The id of the first field of row i, to focus when the row is added. */
  firstField: (i: number) => string;
  testId: string;
  children: (row: T, i: number, update: (patch: Partial<T>) => void) => ReactNode;
}) {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ row: number } | 'add' | null>(null);
  useEffect(() => {
    if (focus === null) return;
    if (focus === 'add') addRef.current?.focus();
    else document.getElementById(firstField(focus.row))?.focus();
    setFocus(null);
  }, [focus, firstField]);
  const update = (i: number) => (patch: Partial<T>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset row-list" data-testid={testId}>
      <legend>{heading}</legend>
      {rows.length === 0 && <p className="muted">{empty}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="fieldset row-list__row" data-testid={`${testId}-row`}>
          <legend>{legend(i + 1)}</legend>
          {children(row, i, update(i))}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              onChange(rows.filter((_, j) => j !== i));
              setFocus('add');
            }}
          >
            {removeLabel(i + 1)}
          </button>
        </fieldset>
      ))}
      <button
        ref={addRef}
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          onChange([...rows, newRow()]);
          setFocus({ row: rows.length });
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
