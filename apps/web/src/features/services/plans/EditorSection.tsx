import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/fields.tsx';

/** A section of the editor: its own form, error summary and save button. */
export function EditorSection({ id, title, children, onSubmit, error, pending, testId }: { id: string; title: string; children: ReactNode; onSubmit: () => void; error: unknown; pending: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="section panel plan-editor__section">
      <h2 id={`${id}-heading`}>{title}</h2>
      <form
        noValidate
        data-testid={testId}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <ErrorSummary error={error} scope={id} />
        {children}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('servicePlans.editor.save', { section: title })}
          </button>
        </div>
      </form>
    </section>
  );
}
