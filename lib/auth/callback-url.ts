/**
 * Auth.js answers a request whose `callbackUrl` (query parameter or callback-url cookie) is not an
 * http(s) URL or a path with a 500 "server configuration" error. Such a request is the client's
 * mistake: the route handler refuses it with 400 first. The test is Auth.js's own (assert.js).
 */
export function isAcceptableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** The callback URL values a request carries to Auth.js: the query parameter and the cookie. */
export function callbackUrlsOf(request: Request): string[] {
  const url = new URL(request.url);
  const values = url.searchParams.getAll("callbackUrl");
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || !part.slice(0, eq).trim().endsWith("authjs.callback-url")) continue;
    try {
      values.push(decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      values.push(part.slice(eq + 1).trim());
    }
  }
  return values;
}

/** True when every callback URL in the request is one Auth.js accepts. */
export function hasAcceptableCallbackUrls(request: Request): boolean {
  const origin = new URL(request.url).origin;
  return callbackUrlsOf(request).every((v) => v === "" || isAcceptableCallbackUrl(v, origin));
}
