import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { hasAcceptableCallbackUrls } from "@/lib/auth/callback-url";

/** Auth.js's endpoints; a malformed callback URL is refused with 400 (Auth.js itself would answer 500). */
function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest) => {
    if (!hasAcceptableCallbackUrls(request)) return Response.json({ error: "Invalid callbackUrl." }, { status: 400 });
    return handler(request);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
