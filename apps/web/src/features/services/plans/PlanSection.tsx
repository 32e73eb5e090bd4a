import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SectionEditorProps {
  /** After a save: the message to show; the section closes its form and returns to reading. */
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/**
 * One section of a plan as readers see it, with an "Edit" button for those who may change it: the
 * button opens the section's own form in place (focus moves into it), and after a save or cancel
 * the form closes and focus returns to the section's heading.
 */
export function PlanSection({ id, title, children, editor, onSaved }: { id: string; title: string; children: ReactNode; editor?: (props: SectionEditorProps) => ReactNode; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing) body.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      heading.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <section aria-labelledby={`${id}-heading`} className={`section plan-section${editing ? ' panel plan-section--editing' : ''}`} data-testid={`plan-section-${id}`}>
      <div className="plan-section__head">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {editor && !editing && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('servicePlans.editor.edit')}
            <span className="visually-hidden"> {title}</span>
          </button>
        )}
      </div>
      <div ref={body}>
        {editing && editor
          ? editor({
              onSaved: (message) => {
                onSaved(message);
                close();
              },
              onCancel: close,
            })
          : children}
      </div>
    </section>
  );
}
