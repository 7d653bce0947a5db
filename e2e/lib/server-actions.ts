/**
 * Calls Server Actions the way a crafted POST would: by id, with a JSON body, no browser and no
 * UI. The ids come from the production build's server-reference manifest; the list of actions the
 * code defines comes from scanning every "use server" file, so an action missing from a test's
 * table is noticed.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ManifestAction {
  id: string;
  /** Source file, relative to the project, e.g. app/(portal)/cases/_form/actions.ts */
  filename: string;
  exportedName: string;
  /** Routes (app/…/page) whose pages reference the action. */
  pages: string[];
}

/** Every Server Action the build can reach, keyed `${filename}#${exportedName}`. */
export function manifestActions(): Map<string, ManifestAction> {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, dist, "server/server-reference-manifest.json"), "utf8"));
  const out = new Map<string, ManifestAction>();
  for (const [id, entry] of Object.entries<{
    filename: string;
    exportedName: string;
    workers: Record<string, unknown>;
  }>(manifest.node)) {
    out.set(`${entry.filename}#${entry.exportedName}`, {
      id,
      filename: entry.filename,
      exportedName: entry.exportedName,
      pages: Object.keys(entry.workers),
    });
  }
  return out;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (/\.(ts|tsx)$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** Every export of every file that starts with "use server", found from the source. */
export function sourceActions(): string[] {
  const keys: string[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    const text = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(text)) continue;
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    for (const m of text.matchAll(/^export\s+(?:const|async\s+function|function)\s+([A-Za-z0-9_]+)/gm)) {
      keys.push(`${rel}#${m[1]}`);
    }
  }
  return keys.sort();
}

/** Every route handler (app/**\/route.ts) and the HTTP methods it exports. */
export function sourceRouteHandlers(): Array<{ file: string; methods: string[] }> {
  const out: Array<{ file: string; methods: string[] }> = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    if (!/\/route\.tsx?$/.test(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of text.matchAll(
      /export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
    )) {
      methods.add(m[1] as string);
    }
    for (const m of text.matchAll(/export\s+const\s+\{([^}]*)\}/g)) {
      for (const name of (m[1] ?? "").split(",").map((s) => s.trim())) {
        if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
      }
    }
    out.push({ file: path.relative(ROOT, file).split(path.sep).join("/"), methods: [...methods].sort() });
  }
  return out;
}

export type ActionOutcome =
  | {
      kind: "result";
      value: { ok: boolean; code?: string; error?: string; data?: unknown; fieldErrors?: Record<string, string> };
    }
  | { kind: "redirect"; location: string }
  | { kind: "http"; status: number; body: string };

/** Parses React's flight response for an action's return value (row "1"). */
function parseFlight(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1] as string, m[2] as string);
  }
  const raw = rows.get("1");
  if (raw === undefined) return undefined;
  return JSON.parse(raw);
}

/** POSTs an action call as a crafted request would. `page` is the path the action is posted to. */
export async function callAction(
  request: APIRequestContext,
  options: { id: string; page: string; args: unknown[]; origin: string; cookie?: string },
): Promise<ActionOutcome> {
  const response = await request.post(options.page, {
    headers: {
      "next-action": options.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: options.origin,
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    data: JSON.stringify(options.args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const redirect = response.headers()["x-action-redirect"] ?? response.headers().location;
  if (response.status() >= 300 && response.status() < 400 && redirect) return { kind: "redirect", location: redirect };
  if (response.status() !== 200) return { kind: "http", status: response.status(), body: body.slice(0, 500) };
  if (redirect) return { kind: "redirect", location: redirect };
  const value = parseFlight(body);
  if (value && typeof value === "object" && "ok" in value) return { kind: "result", value: value as never };
  return { kind: "http", status: response.status(), body: body.slice(0, 500) };
}

/** Signs in through Auth.js's own endpoints and returns the Cookie header for later requests. */
export async function sessionCookieFor(request: APIRequestContext, email: string, password: string): Promise<string> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  const csrfCookies = csrf
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0])
    .join("; ");
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { cookie: csrfCookies },
    form: { email, password, csrfToken },
    maxRedirects: 0,
  });
  const session = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="))
    .map((h) => h.value.split(";")[0]);
  if (session.length === 0) throw new Error(`sign-in failed for ${email}`);
  return session.join("; ");
}
