import { Skeleton } from "@/components/ui/skeleton";
import { TableCell, TableRow } from "@/components/ui/table";

/** Placeholder rows while a table's query loads. */
export function TableLoadingRows({ colSpan, rows = 3 }: { colSpan: number; rows?: number }) {
  return Array.from({ length: rows }, (_, i) => (
    <TableRow key={i}>
      <TableCell colSpan={colSpan}>
        <Skeleton className="h-5 w-full" />
      </TableCell>
    </TableRow>
  ));
}

/** The one row a table shows when there is nothing to list: a message, and optionally a hint or an action. */
export function TableEmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan} className="py-12 text-center text-muted-foreground">
        {children}
      </TableCell>
    </TableRow>
  );
}
