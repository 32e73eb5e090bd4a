import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { uploadFile } from '../api/upload.ts';
import { ErrorSummary, TextField } from './fields.tsx';

/** The formats the server accepts for documents (checked again by content there). */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg';

export interface DocumentUploadTexts {
  heading: string;
  file: string;
  fileHint: string;
  /** The optional title field's label; without it the form has no title field. */
  title?: string;
  submit: string;
}

/**
 * Uploads one document with an optional title (and the caller's extra fields) to `url`; the file
 * field and the title are cleared after a success. Shared by event and initiative documents and
 * agreements' protocol extracts (no title).
 */
export function DocumentUploadForm<T>({
  url,
  scope,
  testId,
  texts,
  extraFields,
  children,
  onUploaded,
}: {
  url: string;
  /** Prefix of the field ids, unique on the page. */
  scope: string;
  testId: string;
  texts: DocumentUploadTexts;
  /** Appended to the form data (e.g. the kind of an event document). */
  extraFields?: Record<string, string>;
  /** Fields shown before the title. */
  children?: ReactNode;
  onUploaded: (document: T) => void | Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(extraFields ?? {})) form.append(name, value);
      if (title.trim()) form.append('title', title.trim());
      const file = fileInput.current?.files?.[0];
      if (file) form.append('file', file, file.name);
      return uploadFile<T>(url, form);
    },
    onSuccess: async (document) => {
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      await onUploaded(document);
    },
  });
  const fileId = `${scope}-file`;
  return (
    <form
      className="panel section"
      noValidate
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate();
      }}
    >
      <h3>{texts.heading}</h3>
      <ErrorSummary error={upload.error} scope={scope} labels={{ file: texts.file }} />
      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          {texts.file}
        </label>
        <p className="field__hint" id={`${fileId}-hint`}>
          {texts.fileHint}
        </p>
        <input ref={fileInput} id={fileId} name="file" type="file" className="input input--file" aria-describedby={`${fileId}-hint`} accept={DOCUMENT_ACCEPT} />
      </div>
      {(children || texts.title) && (
        <div className="form-row">
          {children}
          {texts.title && <TextField scope={scope} label={texts.title} name="title" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </div>
      )}
      <button type="submit" className="button" disabled={upload.isPending}>
        {texts.submit}
      </button>
    </form>
  );
}
