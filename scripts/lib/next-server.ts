/**
 * How the production server is launched, in one place: `npm start` (scripts/start.ts), the
 * browser tests' server, the bench, Lighthouse and the reliability suite all run scripts/serve.mjs
 * (Next.js's request handler behind admission control) so.
 *
 * The V8 heap is capped (CASEFILE_HEAP_MB, default 256 MB). The app's live heap after a full
 * collection is about 65 MB under the bench's load at 100,000 cases; without a cap V8 lets garbage
 * pile up to ~190 MB before collecting it, and the process's RSS passed 400 MB. With the cap it
 * collects sooner and the RSS stays near 270 MB.
 *
 * The young generation's semi-spaces are 32 MB (V8's default is 16 MB on 64-bit machines). A page
 * render allocates several MB that die at once; with the small nursery they were scavenged often
 * and some were copied on to the old space. At 100,000 cases the larger nursery raised the floor
 * from 54.6 to 62.5 requests/s and cut the dashboard's p95 (see README, Performance) for about
 * 30 MB more RSS.
 *
 * An operator who sets either flag in NODE_OPTIONS keeps theirs.
 */
import path from "node:path";
import { parseHeapMb, parseMaxRenders } from "@/lib/config-error";

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
export const DEFAULT_HEAP_MB = 256;
export const SEMI_SPACE_MB = 32;
/** Requests the production server handles at once (CASEFILE_MAX_RENDERS; scripts/lib/admission.mjs). */
export const DEFAULT_MAX_RENDERS = 4;

/** An environment: process.env, or a test's own. */
type Env = Readonly<Record<string, string | undefined>>;

/** Node's own flags for the production server. */
export function serverNodeFlags(env: Env = process.env): string[] {
  const options = env.NODE_OPTIONS ?? "";
  const heapMb = parseHeapMb(env.CASEFILE_HEAP_MB, DEFAULT_HEAP_MB); // refused when bad, even if unused
  const flags: string[] = [];
  if (!/--max-old-space-size\b/.test(options)) flags.push(`--max-old-space-size=${heapMb}`);
  if (!/--max-semi-space-size\b/.test(options)) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return flags;
}

/** The production server (Next.js behind admission control, in place of `next start`). */
export const SERVE_SCRIPT = path.resolve("scripts/serve.mjs");

/**
 * The production server's command line on `port`, as process.execPath's arguments. Refuses a bad
 * CASEFILE_HEAP_MB or CASEFILE_MAX_RENDERS with one sentence.
 */
export function nextStartArgs(port: number | string, extra: string[] = [], env: Env = process.env) {
  const maxRenders = parseMaxRenders(env.CASEFILE_MAX_RENDERS, DEFAULT_MAX_RENDERS);
  return [...serverNodeFlags(env), SERVE_SCRIPT, "-p", String(port), "--max-renders", String(maxRenders), ...extra];
}
