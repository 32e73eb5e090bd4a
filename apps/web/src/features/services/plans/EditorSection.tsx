import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/fields.tsx';

/** The form of one plan section, opened in place: its fields, error summary, save and cancel. */
export function EditorSection({ id, title, children, onSubmit, onCancel, error, pending, testId }: { id: string; title: string; children: ReactNode; onSubmit: () => void; onCancel: () => void; error: unknown; pending: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      data-testid={testId}
      aria-label={t('servicePlans.editor.formLabel', { section: title })}
      className="plan-editor__form"
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
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('servicePlans.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
