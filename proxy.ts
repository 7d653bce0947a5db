import { type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { databaseAvailable, UNAVAILABLE_MESSAGE } from "@/db/availability";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = ["/sign-in", "/api/auth", "/api/health"];
const isProduction = process.env.NODE_ENV === "production";

/** The security headers of every response; the CSP carries this request's nonce. */
function securityHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Scripts only from our origin and those Next.js marks with this request's nonce: no inline script.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isProduction ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Server Actions only from our own pages: the Origin must be present, not "null", and name this
 * host. Next.js compares Origin and Host itself, but lets a request without an Origin through.
 */
function isForeignActionCall(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Next.js's default limit for a Server Action's body (experimental.serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Server Action calls that Next.js itself would answer with a 500 (found by the reliability
 * fuzzer): a body over the size limit, or a JSON-encoded body (what the browser sends for plain
 * arguments) that is not JSON or not an array. Refused here as the client errors they are; anything else goes on.
 */
async function malformedActionCall(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT) {
    return NextResponse.json({ error: "Request body too large." }, { status: 413 });
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) return null;
  const body = await request.clone().text();
  if (body.length > ACTION_BODY_LIMIT) return NextResponse.json({ error: "Request body too large." }, { status: 413 });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "Malformed request." }, { status: 400 });
  }
  // The browser always sends the argument list, an array; Next.js answers a bare `null` with a 500.
  if (!Array.isArray(parsed)) return NextResponse.json({ error: "Malformed request." }, { status: 400 });
  return refersToMissingParts(parsed) ? NextResponse.json({ error: "Malformed request." }, { status: 400 }) : null;
}

/** React's inline values in an encoded reply; any other "$…" string refers to a part of a multipart body. */
const INLINE_REPLY_VALUE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D)/;

/**
 * A JSON (single-part) action body whose strings refer to other parts ("$1", "$@1", "$K1"…): the
 * browser escapes a user's "$" as "$$" and sends references only in multipart bodies, so these are
 * crafted, and React's decoder fails on them with a 500.
 */
function refersToMissingParts(value: unknown, depth = 0): boolean {
  if (depth > 200) return true;
  if (typeof value === "string") return value.startsWith("$") && !INLINE_REPLY_VALUE.test(value);
  if (Array.isArray(value)) return value.some((v) => refersToMissingParts(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.values(value).some((v) => refersToMissingParts(v, depth + 1));
  }
  return false;
}

/**
 * The answer while the database is down: 503 with Retry-After, a plain page for browsers and JSON
 * for /api and Server Action calls. No script, no detail of the failure.
 */
function unavailable(request: NextRequest): NextResponse {
  const headers = { "Retry-After": "5", "Cache-Control": "no-store" };
  const wantsJson =
    request.nextUrl.pathname.startsWith("/api/") ||
    request.headers.has("next-action") ||
    request.headers.has("rsc") ||
    !(request.headers.get("accept") ?? "").includes("text/html");
  if (wantsJson) {
    return NextResponse.json({ ok: false, code: "UNAVAILABLE", error: UNAVAILABLE_MESSAGE }, { status: 503, headers });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Service unavailable · Casefile</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;text-align:center"><h1>Service unavailable</h1><p>${UNAVAILABLE_MESSAGE}</p><p>Nothing you saved before is lost. <a href="">Reload this page</a> in a few seconds.</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * Security headers, CSRF refusal for Server Actions, 503 while the database is down, and an
 * optimistic sign-in check: no session cookie means straight to /sign-in, with the way back. Whether the session is still valid (account
 * active, not signed out, role) is decided by the data-access layer against the database.
 */
export default auth(async (request) => {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(nonce);
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (isForeignActionCall(request)) {
    return respond(NextResponse.json({ error: "Cross-site request refused." }, { status: 403 }));
  }
  // A path whose percent-encoding is not UTF-8 (e.g. %ED%A0%80, a lone surrogate) makes Next.js's
  // route parameters fail with a 500 (found by the fuzzer): refuse it as the client error it is.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return respond(NextResponse.json({ error: "Malformed URL." }, { status: 400 }));
  }
  const malformed = await malformedActionCall(request);
  if (malformed) return respond(malformed);

  const { pathname, search } = request.nextUrl;
  // During a database outage every page, action and API call would fail: say so plainly (503).
  // /api/health checks for itself. While the database is up this costs a clock read.
  if (pathname !== "/api/health" && !(await databaseAvailable())) return respond(unavailable(request));

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!request.auth && !isPublic) {
    if (pathname.startsWith("/api/")) return respond(NextResponse.json({ error: "Sign in first." }, { status: 401 }));
    const url = new URL("/sign-in", request.nextUrl.origin);
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return respond(NextResponse.redirect(url));
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-casefile-path", `${pathname}${search}`);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] as string);
  return respond(NextResponse.next({ request: { headers: requestHeaders } }));
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
