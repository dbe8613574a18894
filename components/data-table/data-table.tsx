"use client";

import { isValidElement, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TableEmptyRow, TableLoadingRows } from "@/components/shell/table-status-rows";
import { cn } from "@/lib/utils";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for this column's cells (and its header unless `headClassName` is given). */
    className?: string;
    headClassName?: string;
  }
}

/** Server-side paging: the table shows one page the server returned and asks for another. */
export interface DataTablePagination {
  page: number;
  pageSize: number;
  /** Defaults to the query's `total` (lists answered as `{ items, total }`). */
  total?: number;
  onPageChange: (page: number) => void;
  /** Hide the pager (not the total) when everything fits on one page. */
  hideWhenSinglePage?: boolean;
  /** data-testid on the 「共 N 条」 total. */
  totalTestId?: string;
  /** Replaces 「共 N 条」 (e.g. 「10000+ 条」 for a capped count). */
  totalLabel?: ReactNode;
}

/** Row selection for batch actions; ids are kept across pages by the caller. */
export interface DataTableSelection<T> {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** Accessible names: the header checkbox (this page), and each row's. */
  pageLabel: string;
  rowLabel: (row: T) => string;
}

/** What a list query answers: the rows, or one page of them with the total. */
export type DataTableRows<T> = readonly T[] | { items: readonly T[]; total: number };

interface QueryStatus {
  isPending: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
}

/** The empty state: a title with an optional hint and action, or any node. */
export type DataTableEmpty = ReactNode | { title: ReactNode; hint?: ReactNode; action?: ReactNode };

/** Rows come from the list's query (pending → loading rows; failed with nothing to show → its message and a retry button), or are given as `data` beside the query's status. */
type DataTableSource<T> = { query: QueryStatus & { data: DataTableRows<T> | undefined }; data?: never } | { query?: QueryStatus; data: readonly T[] | undefined };

export type DataTableProps<T> = DataTableSource<T> & {
  // The cell value type differs per column; TanStack's own examples use `any` here for the same reason.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Defaults to the row's `id`. */
  getRowId?: (row: T) => string;
  /** Overrides the query's pending state (e.g. a query that is off until there is something to ask). */
  isLoading?: boolean;
  empty: DataTableEmpty;
  loadingRows?: number;
  /** data-testid of each row (a fixed name, or one per row). */
  rowTestId?: string | ((row: T) => string);
  pagination?: DataTablePagination;
  selection?: DataTableSelection<T>;
  /** Initial client-side sort of the loaded rows (columns opt in with `enableSorting: true`). */
  initialSorting?: SortingState;
  className?: string;
};

function rowsOf<T>(data: DataTableRows<T> | undefined): { rows: readonly T[] | undefined; total: number | undefined } {
  if (data === undefined) return { rows: undefined, total: undefined };
  return "items" in data ? { rows: data.items, total: data.total } : { rows: data, total: data.length };
}

function EmptyState({ empty }: { empty: DataTableEmpty }) {
  if (empty === null || typeof empty !== "object" || isValidElement(empty) || !("title" in empty)) return empty;
  return (
    <>
      <div className="font-medium text-foreground">{empty.title}</div>
      {empty.hint ? <div className="text-sm text-muted-foreground">{empty.hint}</div> : null}
      {empty.action ? <div className="mt-3">{empty.action}</div> : null}
    </>
  );
}

/**
 * The one list table: columns (TanStack Table v8), sortable headers, loading / empty / error rows, server-side paging
 * and row selection for batch actions. Every list page of the app is built on it.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, getRowId = (row) => (row as { id: string }).id, query, empty, loadingRows = 3, rowTestId, pagination, selection, initialSorting = [], className } = props;
  const isLoading = props.isLoading ?? query?.isPending;
  const tc = useTranslations("common");
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const source = "data" in props ? { rows: props.data, total: props.data?.length } : rowsOf((props.query as { data: DataTableRows<T> | undefined }).data);
  const rows = useMemo(() => (source.rows ? [...source.rows] : []), [source.rows]);
  const allColumns = useMemo(() => (selection ? [selectColumn(selection), ...columns] : columns), [columns, selection]);
  const table = useReactTable({
    data: rows,
    columns: allColumns,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: true,
    enableSortingRemoval: true,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    defaultColumn: { enableSorting: false },
  });
  const colSpan = allColumns.length;

  let body: ReactNode;
  if (isLoading) body = <TableLoadingRows colSpan={colSpan} rows={loadingRows} />;
  else if (query?.error && rows.length === 0) {
    body = (
      <TableEmptyRow colSpan={colSpan}>
        <div role="alert" className="text-destructive">
          {tc("error")}: {query.error.message}
        </div>
        <Button variant="outline" size="sm" className="mt-2" onClick={() => void query.refetch()}>
          {tc("retry")}
        </Button>
      </TableEmptyRow>
    );
  } else if (rows.length === 0) body = (
      <TableEmptyRow colSpan={colSpan}>
        <EmptyState empty={empty} />
      </TableEmptyRow>
    );
  else {
    body = table.getRowModel().rows.map((row) => (
      <TableRow
        key={row.id}
        data-state={selection?.selected.has(row.id) ? "selected" : undefined}
        data-testid={typeof rowTestId === "function" ? rowTestId(row.original) : rowTestId}
      >
        {row.getVisibleCells().map((cell) => (
          <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </TableCell>
        ))}
      </TableRow>
    ));
  }

  return (
    <div className={cn("space-y-3", className)}>
      <Table>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <TableHead
                    key={header.id}
                    className={meta?.headClassName ?? meta?.className}
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="-ml-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {label}
                        {sorted === "asc" ? <ArrowUp className="size-3.5" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3.5" aria-hidden /> : <ArrowUpDown className="size-3.5 opacity-50" aria-hidden />}
                      </button>
                    ) : (
                      label
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>{body}</TableBody>
      </Table>
      {pagination ? <DataTablePager {...pagination} total={pagination.total ?? source.total ?? 0} /> : null}
    </div>
  );
}

/** The pager alone, for a list that shows it apart from its table. */
export function DataTablePager({ page, pageSize, total, onPageChange, hideWhenSinglePage, totalTestId, totalLabel }: DataTablePagination & { total: number }) {
  const tc = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground">
      <span data-testid={totalTestId}>{totalLabel ?? tc("total", { count: total })}</span>
      {hideWhenSinglePage && pages <= 1 ? null : (
        <div className="flex items-center gap-2">
          <span>{tc("page", { page, pages })}</span>
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            {tc("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
            {tc("next")}
          </Button>
        </div>
      )}
    </div>
  );
}

function selectColumn<T>(selection: DataTableSelection<T>): ColumnDef<T> {
  const set = (ids: string[], on: boolean) => {
    const next = new Set(selection.selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    selection.onChange(next);
  };
  return {
    id: "__select",
    meta: { className: "w-10" },
    header: ({ table }) => {
      const ids = table.getRowModel().rows.map((r) => r.id);
      const all = ids.length > 0 && ids.every((id) => selection.selected.has(id));
      return <Checkbox checked={all} onCheckedChange={(on) => set(ids, on === true)} aria-label={selection.pageLabel} />;
    },
    cell: ({ row }) => (
      <Checkbox checked={selection.selected.has(row.id)} onCheckedChange={(on) => set([row.id], on === true)} aria-label={selection.rowLabel(row.original)} />
    ),
  };
}
