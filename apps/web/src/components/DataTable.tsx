import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers align right. */
  numeric?: boolean;
  /** Row header cell (the row's name). */
  rowHeader?: boolean;
}

/** The cells of one row: the row-header column as a `th`, numbers aligned right (shared with SortableTable). */
export function rowCells<T>(columns: Pick<Column<T>, 'key' | 'cell' | 'numeric' | 'rowHeader'>[], row: T): ReactNode[] {
  return columns.map((c) =>
    c.rowHeader ? (
      <th key={c.key} scope="row">
        {c.cell(row)}
      </th>
    ) : (
      <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
        {c.cell(row)}
      </td>
    ),
  );
}

/**
 * A plain, accessible table with a caption. On a narrow screen it scrolls inside its own
 * focusable region instead of making the page scroll sideways.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  testId,
  captionHidden = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  testId?: string;
  captionHidden?: boolean;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid={testId}>
        {empty ?? t('common.none')}
      </p>
    );
  }
  return (
    <ScrollRegion label={caption}>
      <table className="table" data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {rowCells(columns, row)}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
