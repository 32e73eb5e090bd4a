import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/fields.tsx';
import { dashboardKeys } from './DashboardPage.tsx';

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

/**
 * One item of such a section: what it says, then edit (its form in its place, the focus back on the
 * button when it closes) and remove, both named for the item.
 */
export function EditableItem({
  spaceId,
  testId,
  what,
  removed,
  remove,
  editForm,
  onDone,
  children,
}: {
  spaceId: string;
  testId: string;
  /** The item in a few words, for the buttons' names ("Ändra …", "Ta bort …"). */
  what: string;
  /** The status line once it is removed. */
  removed: string;
  remove: () => Promise<unknown>;
  editForm: (onDone: (message: string) => void) => ReactNode;
  onDone: (message: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const editRef = useReturnFocus(editing);
  const removal = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      onDone(removed);
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  return (
    <li className="card" data-testid={testId}>
      {children}
      {editing ? (
        editForm((message) => {
          setEditing(false);
          if (message) onDone(message);
        })
      ) : (
        <div className="button-group">
          <button ref={editRef} type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('editors.edit', { what })}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={removal.isPending}
            onClick={() => removal.mutate()}
          >
            {t('editors.remove', { what })}
          </button>
        </div>
      )}
      {removal.error && <QueryError error={removal.error} />}
    </li>
  );
}

/** Focus back on the button that opened an inline form, once it has closed. */
function useReturnFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
