import { DataTable } from './DataTable.tsx';

/** What a dry run of a CSV import answers: how many rows it would create and update, and every bad row. */
export interface ImportPreviewResult {
  created: number;
  updated: number;
  errors: { line: number; message: string }[];
}

/** The texts of an import preview, already translated (each import words them for what it imports). */
export interface ImportPreviewTexts {
  heading: string;
  summary: string;
  fixErrors: string;
  errorsCaption: string;
  line: string;
  reason: string;
  confirm: string;
}

/**
 * The preview of a CSV import: a summary, then either the table of bad rows (nothing can be imported)
 * or the button that confirms a clean preview.
 */
export function ImportPreview({ preview, texts, pending, onConfirm }: { preview: ImportPreviewResult; texts: ImportPreviewTexts; pending: boolean; onConfirm: () => void }) {
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{texts.heading}</h3>
      <p role="status">{texts.summary}</p>
      {preview.errors.length > 0 ? (
        <>
          <div className="notice notice--error">{texts.fixErrors}</div>
          <DataTable
            caption={texts.errorsCaption}
            testId="import-errors"
            rows={preview.errors}
            rowKey={(e) => `${e.line}-${e.message}`}
            columns={[
              { key: 'line', header: texts.line, rowHeader: true, numeric: true, cell: (e) => e.line },
              { key: 'message', header: texts.reason, cell: (e) => e.message },
            ]}
          />
        </>
      ) : (
        <button type="button" className="button" disabled={pending} onClick={onConfirm}>
          {texts.confirm}
        </button>
      )}
    </div>
  );
}
