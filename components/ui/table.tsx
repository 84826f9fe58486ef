import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";

/** A column: its header text; `hidden` keeps it for screen readers only (an actions column). */
export type Column = string | { label: string; hidden: true };

type CellKind = "title" | "field" | "actions";

interface TdProps {
  children?: ReactNode;
  className?: string;
  /** Long text (a description): wraps on a wide screen too, instead of widening the column. */
  wrap?: boolean;
  /** Set by Table from the column's header: the cell's label in the phone card. */
  label?: string;
  kind?: CellKind;
}

interface RowProps {
  children?: ReactNode;
  className?: string;
}

/**
 * A table on a wide screen; below `sm` each row becomes a card: the first cell its title, the
 * others "label: value" lines, and a hidden-header column (the row's actions) a line of buttons
 * at the bottom, always on screen. The rows are the caller's `<tr>`s of `Td`s; Table gives each
 * `Td` its column's label, so callers write one table, not a table and a list of cards.
 */
export function Table({ head, children, label }: { head: Column[]; children: ReactNode; label: string }) {
  const columns = head.map((column) =>
    typeof column === "string" ? { label: column, hidden: false } : { label: column.label, hidden: true },
  );
  const rows = Children.map(children, (row) => {
    if (!isValidElement<RowProps>(row)) return row;
    let index = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<TdProps>(cell) || cell.type !== Td) return cell;
      const position = index++;
      const column = columns[position];
      const kind: CellKind = column?.hidden ? "actions" : position === 0 ? "title" : "field";
      return cloneElement(cell as ReactElement<TdProps>, { label: column?.label, kind });
    });
    return cloneElement(
      row as ReactElement<RowProps & { role?: string }>,
      {
        role: "row",
        className: cn("block space-y-1.5 px-4 py-3 sm:table-row sm:space-y-0 sm:p-0", row.props.className),
      },
      cells,
    );
  });
  return (
    // `relative`: absolutely positioned children (sr-only header labels) stay inside the box
    // instead of widening the page on a phone. Explicit roles: a table shown as blocks keeps its
    // table semantics for screen readers.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface shadow-sm">
      <table role="table" className="block min-w-full text-sm sm:table" aria-label={label}>
        <thead className="sr-only bg-slate-50 sm:not-sr-only sm:table-header-group">
          <tr role="row" className="sm:border-b sm:border-slate-200">
            {columns.map((column, index) => (
              <th
                key={index}
                role="columnheader"
                scope="col"
                className={cn(
                  "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500",
                  column.hidden && "sm:sr-only",
                )}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-100 sm:table-row-group">
          {rows}
        </tbody>
      </table>
    </div>
  );
}

const CELL_KINDS: Record<CellKind, string> = {
  // The card's title: the whole width, no label.
  title: "block font-medium",
  // "Label   value" on one line, the label from the column's header.
  field:
    "flex items-baseline justify-between gap-3 text-right before:shrink-0 before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] sm:text-left sm:before:content-none",
  // The row's buttons, on a line of their own at the foot of the card.
  actions: "flex flex-wrap justify-start gap-2 pt-1 sm:justify-end sm:pt-3",
};

export function Td({ children, className, wrap = false, label, kind = "field" }: TdProps) {
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        "text-slate-700 sm:table-cell sm:px-4 sm:py-3",
        wrap ? "[overflow-wrap:anywhere]" : "[overflow-wrap:anywhere] sm:whitespace-nowrap sm:[overflow-wrap:normal]",
        CELL_KINDS[kind],
        className,
      )}
    >
      {children}
    </td>
  );
}
