// A table described by its columns: a header cell and a cell per row for each, with a tick box per
// row (and one for all) when rows can be selected. Given a minimum width, it scrolls sideways in a
// narrow tab rather than squeezing its columns.
import type { ReactNode } from 'react';
import {
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useListStyles } from './list-styles.js';
import type { Selection } from './use-selection.js';

export interface Column<T> {
  /** The header text, unique in its table. */
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export interface RowSelection<T> extends Pick<Selection, 'selected' | 'toggle' | 'setAll'> {
  allLabel: string;
  rowLabel: (row: T) => string;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  /** `false` leaves a column out, for columns only some callers see. */
  columns: readonly (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  minWidth?: string;
  selection?: RowSelection<T>;
}

export function DataTable<T>({ label, columns, rows, rowKey, minWidth, selection }: DataTableProps<T>) {
  const styles = useListStyles();
  const shown = columns.filter((column): column is Column<T> => column !== false);
  const table = (
    <Table size="small" aria-label={label} style={minWidth ? { minWidth } : undefined}>
      <TableHeader>
        <TableRow>
          {selection ? <SelectAllCell selection={selection} ids={rows.map(rowKey)} /> : null}
          {shown.map((column) => (
            <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {selection ? <SelectRowCell selection={selection} row={row} id={rowKey(row)} /> : null}
            {shown.map((column) => (
              <TableCell key={column.header} className={column.className}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return minWidth ? <div className={styles.scroll}>{table}</div> : table;
}

function SelectAllCell<T>({ selection, ids }: { selection: RowSelection<T>; ids: string[] }) {
  return (
    <TableHeaderCell>
      <Checkbox
        aria-label={selection.allLabel}
        checked={ids.length > 0 && ids.every((id) => selection.selected.has(id))}
        onChange={(_, data) => selection.setAll(ids, !!data.checked)}
      />
    </TableHeaderCell>
  );
}

function SelectRowCell<T>({ selection, row, id }: { selection: RowSelection<T>; row: T; id: string }) {
  return (
    <TableCell>
      <Checkbox
        aria-label={selection.rowLabel(row)}
        checked={selection.selected.has(id)}
        onChange={() => selection.toggle(id)}
      />
    </TableCell>
  );
}
