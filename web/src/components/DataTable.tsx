import { useId, useRef, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row (rendered as <th scope="row">). */
  isRowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows: say what to do next. */
  empty?: ReactNode;
  /** "Load more" paging (e.g. TanStack useInfiniteQuery). */
  loadMore?: { hasMore: boolean; onLoadMore: () => void; isLoading?: boolean };
  /** Next/previous paging (e.g. useCursorPager). */
  pager?: { hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; page?: number; isLoading?: boolean };
  /** Hide the caption visually (it stays the table's and scroll region's accessible name). */
  captionHidden?: boolean;
}

/**
 * A captioned table in a labelled, keyboard-scrollable region (so it scrolls sideways on a
 * phone instead of the page), with an empty state and cursor paging.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, empty, loadMore, pager, captionHidden }: DataTableProps<T>) {
  const { t } = useTranslation();
  const captionId = useId();
  const regionRef = useRef<HTMLDivElement>(null);
  // Paging buttons can vanish on the first or last page; keep focus on the table instead.
  const turn = (fn: () => void) => () => { fn(); regionRef.current?.focus(); };

  if (rows.length === 0 && !pager?.hasPrevious) {
    return (
      <div className="data-table data-table--empty">
        <p className={captionHidden ? 'visually-hidden' : 'data-table__caption'}>{caption}</p>
        <div className="empty-state">{empty ?? t('common.noRows')}</div>
      </div>
    );
  }
  return (
    <div className="data-table">
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0} ref={regionRef}>
        <table>
          <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.className}>{c.header}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (c.isRowHeader
                  ? <th key={c.key} scope="row" className={c.className}>{c.cell(row)}</th>
                  : <td key={c.key} className={c.className}>{c.cell(row)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="visually-hidden" role="status">{t('common.showingRows', { count: rows.length })}</p>
      {loadMore?.hasMore && (
        <div className="actions">
          <Button className="react-aria-Button button--secondary" onPress={loadMore.onLoadMore} isDisabled={loadMore.isLoading}>
            {loadMore.isLoading ? t('common.loading') : t('common.loadMore')}
          </Button>
        </div>
      )}
      {pager && (pager.hasPrevious || pager.hasNext) && (
        <nav className="actions pager" aria-label={t('common.pagination', { caption })}>
          {pager.hasPrevious && <Button className="react-aria-Button button--secondary" onPress={turn(pager.onPrevious)} isDisabled={pager.isLoading}>{t('common.previous')}</Button>}
          {pager.page !== undefined && <span className="muted">{t('common.page', { page: pager.page })}</span>}
          {pager.hasNext && <Button className="react-aria-Button button--secondary" onPress={turn(pager.onNext)} isDisabled={pager.isLoading}>{t('common.next')}</Button>}
        </nav>
      )}
    </div>
  );
}
