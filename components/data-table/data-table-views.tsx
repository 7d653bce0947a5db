import Link from "next/link";
import { cn } from "@/lib/utils";

/**
 * Named views of a list ("Overdue follow-ups"): plain links to a URL with the view's filters, so a
 * view can be bookmarked and shared like any other state of the table.
 */
export function DataTableViews({
  label,
  views,
}: {
  label: string;
  views: ReadonlyArray<{ href: string; label: string; current: boolean }>;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b">
      {views.map((view) => (
        <Link
          key={view.href}
          href={view.href}
          aria-current={view.current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm",
            view.current
              ? "border-primary font-medium text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {view.label}
        </Link>
      ))}
    </nav>
  );
}
