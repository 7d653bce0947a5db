import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts for the cheap
 * "is there a session cookie at all" redirect. The real check (account active, session version,
 * role) happens against the database in db/dal/session.ts on every request.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, accountId: token.sub, sessionVersion: token.sv } as typeof session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    accountId?: string;
    sessionVersion?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}
