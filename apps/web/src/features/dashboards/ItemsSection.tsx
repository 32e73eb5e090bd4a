import { Fragment, useState, type ReactNode } from 'react';

/**
 * A section of items edited one at a time (a project's goals, its spin-off effects): the list, a
 * form to add one, and one status line that says what was just done.
 */
export function ItemsSection<T extends { id: string }>({
  id,
  heading,
  lead,
  empty,
  testId,
  items,
  item,
  addForm,
}: {
  id: string;
  heading: string;
  lead: string;
  empty: string;
  testId: string;
  items: T[];
  /** One item as a list item (`<li>`). */
  item: (value: T, onDone: (message: string) => void) => ReactNode;
  addForm: (onDone: (message: string) => void) => ReactNode;
}) {
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{heading}</h2>
      <p>{lead}</p>
      <p role="status">{status}</p>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="editor-list" data-testid={testId}>
          {items.map((value) => (
            <Fragment key={value.id}>{item(value, setStatus)}</Fragment>
          ))}
        </ul>
      )}
      {addForm(setStatus)}
    </section>
  );
}
