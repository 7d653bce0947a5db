/**
 * Calls Server Actions the way a browser (or a crafted POST) does: by id, with a JSON body, a
 * same-site Origin and the session cookie, no UI. The ids come from the production build's
 * server-reference manifest; the list of actions the code defines comes from scanning every
 * "use server" file, so an action missing from a test's table is noticed. Used by the reliability
 * run (plain fetch) and by the Playwright specs (e2e/lib/server-actions.ts).
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

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

/** The id of one action in the build, or an error naming it. */
export function actionId(key: string): string {
  const action = manifestActions().get(key);
  if (!action) throw new Error(`${key} is not in the build's server-reference manifest: rebuild?`);
  return action.id;
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

/** What a Server Action answered (ActionResult from lib/action-result.ts, loosely typed: it is untrusted). */
export interface ActionValue {
  ok: boolean;
  code?: string;
  error?: string;
  data?: unknown;
  fieldErrors?: Record<string, string>;
  conflict?: { by: string; at: string };
}

export type ActionOutcome =
  | { kind: "result"; status: number; value: ActionValue }
  | { kind: "redirect"; status: number; location: string }
  | { kind: "http"; status: number; body: string };

/** Parses React's flight response for an action's return value (row "1"). */
function parseFlight(body: string): unknown {
  for (const line of body.split("\n")) {
    const m = /^1:(.*)$/.exec(line);
    if (m) {
      try {
        return JSON.parse(m[1] as string);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Classifies an action's HTTP answer: a result, a redirect, or something else (with the body's start). */
export function actionOutcome(status: number, headers: Record<string, string>, body: string): ActionOutcome {
  const redirect = headers["x-action-redirect"] ?? headers.location;
  if (status >= 300 && status < 400 && redirect) return { kind: "redirect", status, location: redirect };
  if (status !== 200) return { kind: "http", status, body: body.slice(0, 500) };
  if (redirect) return { kind: "redirect", status, location: redirect };
  const value = parseFlight(body);
  if (value && typeof value === "object" && "ok" in value)
    return { kind: "result", status, value: value as ActionValue };
  return { kind: "http", status, body: body.slice(0, 500) };
}

/** The request a browser sends for an action call: the body is the JSON array of its arguments. */
export function actionRequest(options: { id: string; origin: string; cookie?: string; body: string }): RequestInit {
  return {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": options.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: options.origin,
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: options.body,
  };
}

/** POSTs an action call to `page` (the path the action is posted from) with fetch. Never throws. */
export async function postAction(
  baseUrl: string,
  options: { id: string; page: string; args: unknown[]; cookie?: string; rawBody?: string; signal?: AbortSignal },
): Promise<ActionOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${options.page}`, {
      ...actionRequest({
        id: options.id,
        origin: baseUrl,
        cookie: options.cookie,
        body: options.rawBody ?? JSON.stringify(options.args),
      }),
      signal: options.signal,
    });
  } catch (error) {
    // No HTTP answer at all (connection reset, refused): status 0, never mistaken for an answer.
    return { kind: "http", status: 0, body: String((error as Error).cause ?? error) };
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return actionOutcome(response.status, headers, await response.text());
}
