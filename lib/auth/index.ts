import { isIP } from "node:net";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { endSessions, verifyCredentials } from "@/db/dal/auth";
import { logger } from "@/lib/logger";
import { authConfig } from "./config";

export class LockedError extends CredentialsSignin {
  override code = "locked";
}

/** The client address as the app server sees it (first X-Forwarded-For hop when behind a proxy). */
export function clientIp(headers: Headers): string | null {
  const candidate = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
  return candidate && isIP(candidate) ? candidate : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A failed sign-in is an expected outcome (audited in the database), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || error.name === "LockedError") return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email.slice(0, 320) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 1024) : "";
        if (!email || !password) return null;
        const result = await verifyCredentials(getDb(), email, password, clientIp(request.headers));
        if (!result.ok) {
          if (result.reason === "locked") throw new LockedError();
          return null;
        }
        return { id: result.account.id, sessionVersion: result.account.sessionVersion } as { id: string };
      },
    }),
  ],
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sv === "number") await endSessions(getDb(), token.sub, token.sv, null);
    },
  },
});
