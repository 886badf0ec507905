import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryState } from "./LoadProblem";

export interface Column {
  label: string;
  /** Right-aligned with the figures under it. */
  numeric?: boolean;
  /** For screen readers only, over a column of buttons. */
  hidden?: boolean;
}

/**
 * A column of a table declared once with its row: the header, and how a row fills the cell under it,
 * so a table's header and its cells cannot drift apart. `Cells` is what a row hands its cells.
 */
export interface TableColumn<Cells> extends Column {
  /** The cell's class, such as one that styles a column of buttons. */
  className?: string;
  cell: (cells: Cells) => ReactNode;
}

/** A row's cells, one per column in the columns' order; the `<tr>` around them is the row's own. */
export function TableCells<Cells>({ columns, cells }: { columns: readonly TableColumn<Cells>[]; cells: Cells }) {
  return columns.map(({ label, className, cell }) => (
    <td key={label} className={className}>
      {cell(cells)}
    </td>
  ));
}

/** A table's header row. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map(({ label, numeric, hidden }) => (
          <th key={label} scope="col" className={numeric ? "admin-number" : undefined}>
            {hidden ? <span className="visually-hidden">{label}</span> : label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

interface AdminTableProps {
  columns: readonly Column[];
  testId?: string;
  /** While the rows are being fetched again. */
  busy?: boolean;
  /** The body's rows. */
  children: ReactNode;
  /** The footer's rows, such as totals. */
  foot?: ReactNode;
}

/** A console table, in a box that scrolls sideways on a narrow screen rather than the page. */
export function AdminTable({ columns, testId, busy, children, foot }: AdminTableProps) {
  return (
    <div className="admin-table-wrap" aria-busy={busy}>
      <table className="admin-table" data-testid={testId}>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}

interface AdminListProps<Row> extends Omit<AdminTableProps, "children" | "foot"> {
  query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "refetch">;
  /** This page's rows; undefined until the list has answered. */
  rows: readonly Row[] | undefined;
  row: (row: Row) => ReactNode;
  /** Shown when the list answered with no rows. */
  empty?: ReactNode;
  /** Between the query's state and the table, such as how many rows there are in all. */
  summary?: ReactNode;
  pager?: ReactNode;
}

/** A console list: loading or why it failed, nothing found, a page of rows, and the pager. */
export function AdminList<Row>({ query, rows, row, empty, summary, pager, ...table }: AdminListProps<Row>) {
  return (
    <>
      <QueryState query={query} />
      {summary}
      {rows?.length === 0 && empty}
      {rows && rows.length > 0 && <AdminTable {...table}>{rows.map((r) => row(r))}</AdminTable>}
      {pager}
    </>
  );
}
