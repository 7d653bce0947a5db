/**
 * How the production server is launched, in one place: `npm start` (scripts/start.ts), the
 * browser tests' server, the bench, Lighthouse and the reliability suite all run `next start` so.
 *
 * The V8 heap is capped (CASEFILE_HEAP_MB, default 256 MB). The app's live heap after a full
 * collection is about 65 MB under the bench's load at 100,000 cases; without a cap V8 lets garbage
 * pile up to ~190 MB before collecting it, and the process's RSS passed 400 MB. With the cap it
 * collects sooner and the RSS stays near 270 MB. An operator who sets --max-old-space-size in
 * NODE_OPTIONS keeps theirs.
 */
import path from "node:path";
import { parseHeapMb } from "@/lib/config-error";

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
export const DEFAULT_HEAP_MB = 256;

/** Node's own flags for the production server. */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  if (/--max-old-space-size\b/.test(env.NODE_OPTIONS ?? "")) return [];
  return [`--max-old-space-size=${parseHeapMb(env.CASEFILE_HEAP_MB, DEFAULT_HEAP_MB)}`];
}

/** The command line of `next start` on `port`, as process.execPath's arguments. */
export function nextStartArgs(port: number | string, extra: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  return [...serverNodeFlags(env), NEXT_BIN, "start", "-p", String(port), ...extra];
}
