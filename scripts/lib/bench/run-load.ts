/** Runs the load generator (load.ts) in a child process and returns what it measured. */
import { spawn } from "node:child_process";
import path from "node:path";
import type { LoadOptions, LoadResult } from "./load";

const SCRIPT = path.resolve("scripts/lib/bench/load.ts");

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The same Node flags as this process: they carry tsx's loader, which runs the TypeScript file.
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, JSON.stringify(options)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1);
      if (code !== 0 || !line) {
        reject(new Error(`the load generator failed (code ${code}): ${err.trim() || out.trim()}`));
        return;
      }
      // NaN (no successful response) travels as null in JSON.
      const parsed = JSON.parse(line, (_k, v) => (v === null ? Number.NaN : v)) as LoadResult;
      resolve(parsed);
    });
  });
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Several passes at one URL as one measurement: latencies pooled, counts and seconds summed. */
export function mergeLoads(passes: LoadResult[]): LoadResult {
  const latencies = passes.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const sum = (k: "requests" | "ok" | "non2xx" | "errors" | "timeouts" | "seconds") =>
    passes.reduce((n, p) => n + p[k], 0);
  const seconds = sum("seconds");
  return {
    requests: latencies.length,
    ok: sum("ok"),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    seconds,
    rps: seconds > 0 ? sum("ok") / seconds : Number.NaN,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    latencies,
  };
}
