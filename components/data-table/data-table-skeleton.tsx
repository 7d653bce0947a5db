import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The shape of a table while its first page loads (a Suspense fallback; server or client). */
export function DataTableSkeleton({ columns, rows = 8, label }: { columns: number; rows?: number; label: string }) {
  const cols = Array.from({ length: columns }, (_, i) => i);
  return (
    <div className="grid gap-3" aria-busy="true" aria-label={label} role="status">
      <div className="h-8 w-72 animate-pulse rounded-md bg-muted" />
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              {cols.map((i) => (
                <TableHead key={i}>
                  <div className="h-4 w-20 animate-pulse rounded bg-muted" />
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {Array.from({ length: rows }, (_, r) => r).map((r) => (
              <TableRow key={r}>
                {cols.map((i) => (
                  <TableCell key={i}>
                    <div className="h-4 w-full animate-pulse rounded bg-muted" />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
