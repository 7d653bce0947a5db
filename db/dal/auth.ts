import { and, count, eq, gt, sql } from "drizzle-orm";
import { decoyHash, verifyPassword } from "@/lib/password";
import type { Db } from "../client";
import { accounts, signInAttempts } from "../schema";
import { writeAudit } from "./audit";

/** Sign-in throttling: the numbers the lockout message and tests rely on. */
export const LOCKOUT = { maxFailures: 10, perIpMaxFailures: 50, windowMinutes: 15 } as const;

export type SignInResult =
  | { ok: true; account: { id: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" };

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password. Every outcome is recorded (attempts table and audit log), and the
 * answer never tells whether the account exists: unknown email, wrong password and inactive account
 * all come back as "invalid" after the same amount of work.
 */
export async function verifyCredentials(
  db: Db,
  rawEmail: string,
  password: string,
  ip: string | null,
): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  const since = sql`now() - make_interval(mins => ${LOCKOUT.windowMinutes})`;
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  const [byIp] = ip
    ? await db
        .select({ n: count() })
        .from(signInAttempts)
        .where(
          and(
            sql`${signInAttempts.ip} = ${ip}::inet`,
            eq(signInAttempts.succeeded, false),
            gt(signInAttempts.at, since),
          ),
        )
    : [{ n: 0 }];
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email)).limit(1);

  const locked = (byEmail?.n ?? 0) >= LOCKOUT.maxFailures || (byIp?.n ?? 0) >= LOCKOUT.perIpMaxFailures;
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
  const ok = !locked && !!account && account.active && passwordOk;

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip, succeeded: ok });
    await writeAudit(tx, {
      actorId: ok ? account.id : null,
      action: ok ? "sign_in" : "sign_in_failed",
      entity: "accounts",
      entityId: account?.id ?? null,
      ip,
      meta: ok ? null : { email, reason: locked ? "locked" : "invalid" },
    });
  });
  if (locked) return { ok: false, reason: "locked" };
  if (!ok) return { ok: false, reason: "invalid" };
  return { ok: true, account: { id: account.id, sessionVersion: account.sessionVersion } };
}

/** Ends every session of the account (sign-out): tokens carrying the old version stop working. */
export async function endSessions(db: Db, accountId: string, sessionVersion: number, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
      .where(and(eq(accounts.id, accountId), eq(accounts.sessionVersion, sessionVersion)))
      .returning({ id: accounts.id });
    if (row)
      await writeAudit(tx, { actorId: accountId, action: "sign_out", entity: "accounts", entityId: accountId, ip });
  });
}

/** Whether the account behind an email must replace a temporary password before anything else. */
export async function mustChangePassword(db: Db, rawEmail: string): Promise<boolean> {
  const [row] = await db
    .select({ must: accounts.mustChangePassword })
    .from(accounts)
    .where(eq(accounts.email, normalizeEmail(rawEmail)))
    .limit(1);
  return row?.must ?? false;
}
