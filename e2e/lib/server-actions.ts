/**
 * Calls Server Actions from Playwright specs as a crafted POST would: by id, with a JSON body, no
 * browser and no UI. The manifest and source scanning, and the reading of the answer, live in
 * scripts/lib/reliability/actions.ts, shared with `npm run test:reliability`.
 */
import type { APIRequestContext } from "@playwright/test";
import { type ActionOutcome, actionOutcome, actionRequest } from "../../scripts/lib/reliability/actions";

export {
  type ActionOutcome,
  type ManifestAction,
  manifestActions,
  sourceActions,
  sourceRouteHandlers,
} from "../../scripts/lib/reliability/actions";

/** POSTs an action call as a crafted request would. `page` is the path the action is posted to. */
export async function callAction(
  request: APIRequestContext,
  options: { id: string; page: string; args: unknown[]; origin: string; cookie?: string },
): Promise<ActionOutcome> {
  const body = JSON.stringify(options.args);
  const response = await request.post(options.page, {
    headers: actionRequest({ ...options, body }).headers as Record<string, string>,
    data: body,
    maxRedirects: 0,
  });
  return actionOutcome(response.status(), response.headers(), await response.text());
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
