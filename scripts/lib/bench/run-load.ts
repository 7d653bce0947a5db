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
