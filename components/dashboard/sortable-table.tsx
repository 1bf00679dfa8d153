import { useMemo, useState, type ReactNode } from 'react';
import { t } from '../../lib/i18n';
import { downloadCsv, toCsv, type CsvCell } from '../../lib/dashboard/csv';
import { formatCount } from '../../lib/dashboard/format';

export interface Column<Row> {
  key: string;
  header: string;
  /** What the column sorts by and exports; null sorts last either way. */
  value: (row: Row) => string | number | null;
  /** What the cell shows, when it differs from the value (a formatted date, a label). */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

interface Props<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The order the rows already come in, announced through aria-sort from the start. */
  initialSort?: SortState;
  /** File name without extension, e.g. `quiver-2025-03-01-2025-03-31-top-content`. */
  csvName: string;
  /** Rows shown before "Show all": a library's never-used list can run to hundreds. */
  limit?: number;
}

const DEFAULT_LIMIT = 10;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null, direction: SortDirection): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

function displayValue(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatCount(value) : value;
}

/**
 * A data table a manager can sort by any column (header buttons, aria-sort) and take to a
 * spreadsheet as shown (Export CSV follows the current order).
 */
export function SortableTable<Row>({ caption, columns, rows, rowKey, initialSort, csvName, limit = DEFAULT_LIMIT }: Props<Row>) {
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const [expanded, setExpanded] = useState(false);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column) return rows;
    // Array.prototype.sort is stable: equal values keep the server's tie order.
    return [...rows].sort((a, b) => compareValues(column.value(a), column.value(b), sort.direction));
  }, [rows, columns, sort]);

  const toggle = (column: Column<Row>) => {
    setSort((current) => {
      if (current?.key === column.key) {
        return { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
      }
      // Counts are read biggest first; names alphabetically.
      return { key: column.key, direction: column.numeric ? 'descending' : 'ascending' };
    });
  };

  const shown = expanded ? sorted : sorted.slice(0, limit);

  const exportCsv = () => {
    const cells = sorted.map((row) => columns.map((c): CsvCell => c.value(row)));
    downloadCsv(
      `${csvName}.csv`,
      toCsv(
        columns.map((c) => c.header),
        cells,
      ),
    );
  };

  return (
    <div className="table-block">
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort?.key === column.key ? sort.direction : 'none'}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(column)}>
                    {column.header}
                    <span aria-hidden="true" className="sort-mark">
                      {sort?.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.render ? column.render(row) : displayValue(column.value(row))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-actions">
        {sorted.length > limit && (
          <button type="button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
            {expanded ? t('dashShowFewer') : t('dashShowAllRows', formatCount(sorted.length))}
          </button>
        )}
        {/* The whole table, in the order shown, even when only the first rows are on screen. */}
        <button type="button" onClick={exportCsv}>
          {t('dashExportCsv')}
        </button>
      </div>
    </div>
  );
}
