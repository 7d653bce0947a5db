import { type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
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

/**
 * Security headers, CSRF refusal for Server Actions, and an optimistic sign-in check: no session
 * cookie means straight to /sign-in, with the way back. Whether the session is still valid (account
 * active, not signed out, role) is decided by the data-access layer against the database.
 */
export default auth((request) => {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(nonce);
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (isForeignActionCall(request)) {
    return respond(NextResponse.json({ error: "Cross-site request refused." }, { status: 403 }));
  }

  const { pathname, search } = request.nextUrl;
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
