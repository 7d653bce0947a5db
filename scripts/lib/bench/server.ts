/**
 * The production server under test, as scripts/start.ts runs it (`next start` with DATABASE_URL and
 * AUTH_SECRET, NEXT_DIST_DIR selecting the build), on a free port of 127.0.0.1, with a fresh
 * random AUTH_SECRET. Its output is kept, and printed only when it fails to start.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../embedded-pg";
import { NEXT_BIN, nextStartArgs } from "../next-server";

export function distDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Builds for production when the build directory has no BUILD_ID. Returns whether it built. */
export async function ensureBuild(env: Record<string, string>, log: (line: string) => void): Promise<boolean> {
  if (fs.existsSync(path.join(distDir(), "BUILD_ID"))) return false;
  log(`No production build in ${distDir()}/: running next build…`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: { ...process.env, ...env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
  return true;
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    nextStartArgs(port, ["-H", "127.0.0.1"], { ...process.env, ...extraEnv }),
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...extraEnv,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(33).toString("base64"),
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      },
    },
  );
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error("it exited while starting");
      if (i > 600) throw new Error("it did not answer /api/health within 150 seconds");
      try {
        const response = await fetch(`${url}/api/health`);
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(
      `The Next.js server (${distDir()}/) did not start: ${(error as Error).message}. Its output:\n${output.join("")}`,
    );
  }
  if (!child.pid) throw new Error("the Next.js server has no pid");
  return { url, pid: child.pid, stop };
}
