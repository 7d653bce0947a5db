import { cn } from "@/lib/utils";

/**
 * Lucide's arrow-up, arrow-down and arrow-up-down (ISC licence; the paths as lucide-react 1.75
 * draws them), as plain SVG. Every sortable header of every table shows one: as lucide-react
 * components they cost about 45 µs each to render on the server (the dashboard has 24), as plain
 * elements next to nothing.
 */
const PATHS = {
  asc: ["m5 12 7-7 7 7", "M12 19V5"],
  desc: ["M12 5v14", "m19 12-7 7-7-7"],
  none: ["m21 16-4 4-4-4", "M17 20V4", "m3 8 4-4 4 4", "M7 4v16"],
} as const;

/** A column's sort direction as an arrow (decorative: aria-sort on the <th> says it). */
export function SortIcon({ dir, className }: { dir: "asc" | "desc" | false; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={cn("lucide", className)}
    >
      {PATHS[dir || "none"].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
