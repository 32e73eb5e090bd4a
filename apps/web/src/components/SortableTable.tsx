import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { collator, formatNumber } from '../api/format.ts';
import { rowCells } from './DataTable.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

export interface SortableColumn<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** What the column sorts by; without it the column does not sort. */
  sortValue?: (row: T) => string | number;
  numeric?: boolean;
  rowHeader?: boolean;
  /** A header that is read but not shown (e.g. an actions column). */
  hiddenHeader?: boolean;
}

/**
 * A table whose column headers are buttons that sort it (aria-sort tells which way). Long tables
 * show a first page of rows and a button for more, so a network of thousands stays quick.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  empty,
  testId,
  pageSize = 100,
  rowProps,
}: {
  caption: string;
  columns: SortableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort: { key: string; direction: 'ascending' | 'descending' };
  empty?: ReactNode;
  testId?: string;
  pageSize?: number;
  rowProps?: (row: T) => Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort);
  const [shown, setShown] = useState(pageSize);
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid={testId}>
        {empty ?? t('common.none')}
      </p>
    );
  }
  const column = columns.find((c) => c.key === sort.key && c.sortValue);
  const sorted = column?.sortValue
    ? [...rows].sort((a, b) => {
        const x = column.sortValue!(a);
        const y = column.sortValue!(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return sort.direction === 'ascending' ? order : -order;
      })
    : rows;
  const visible = sorted.slice(0, shown);
  return (
    <>
      <ScrollRegion label={caption}>
        <table className="table table--sortable" data-testid={testId} data-row-count={rows.length}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                const classes = [c.numeric ? 'numeric' : ''].filter(Boolean).join(' ') || undefined;
                if (!c.sortValue)
                  return (
                    <th key={c.key} scope="col" className={classes}>
                      {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
                    </th>
                  );
                return (
                  <th key={c.key} scope="col" className={classes} aria-sort={active ? sort.direction : undefined}>
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({
                          key: c.key,
                          direction: active ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : c.numeric ? 'descending' : 'ascending',
                        })
                      }
                    >
                      {c.header}
                      <span className="sort-button__icon" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={rowKey(row)} {...rowProps?.(row)}>
                {rowCells(columns, row)}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {sorted.length > shown && (
        <p className="table-more">
          <span>{t('table.showing', { shown: formatNumber(shown), total: formatNumber(sorted.length) })}</span>{' '}
          <button type="button" className="button button--small button--secondary" onClick={() => setShown(shown + pageSize * 5)}>
            {t('table.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
