import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAccount } from "../accounts";
import { makeDb } from "../client";
import { accounts, auditLog } from "../schema";
import { loadActor } from "./actor";
import { endSessions, LOCKOUT, verifyCredentials } from "./auth";

const db = makeDb(inject("databaseUrl"), { max: 4 });
afterAll(() => db.client.end());

async function newAccount(password = "correct-horse-battery") {
  const email = `auth-${randomUUID().slice(0, 8)}@test.example.org`;
  const result = await createAccount(db, { email, name: "Test Person", role: "caseworker", password });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { id: result.account.id, email, password };
}

describe("verifyCredentials", () => {
  let account: Awaited<ReturnType<typeof newAccount>>;
  beforeAll(async () => {
    account = await newAccount();
  });

  it("accepts the right password, whatever the email's case, and audits the sign-in", async () => {
    const result = await verifyCredentials(db, account.email.toUpperCase(), account.password, "10.1.2.3");
    expect(result).toEqual({ ok: true, account: { id: account.id, sessionVersion: 1 } });
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, "sign_in")));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorId).toBe(account.id);
  });

  it("answers the same for a wrong password and an unknown email, and audits both", async () => {
    const wrong = await verifyCredentials(db, account.email, "wrong-password", null);
    const unknown = await verifyCredentials(db, `nobody-${randomUUID()}@test.example.org`, "whatever", null);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    const [failed] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, "sign_in_failed")));
    expect(failed?.n).toBe(1);
  });

  it("refuses a deactivated account with the same answer", async () => {
    const other = await newAccount();
    await db.update(accounts).set({ active: false }).where(eq(accounts.id, other.id));
    expect(await verifyCredentials(db, other.email, other.password, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account after ${LOCKOUT.maxFailures} failures, even for the right password`, async () => {
    const target = await newAccount();
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await verifyCredentials(db, target.email, `wrong-${i}`, null);
    expect(await verifyCredentials(db, target.email, target.password, null)).toEqual({ ok: false, reason: "locked" });
  });
});

describe("sessions", () => {
  it("loads an active account's actor and drops it after sign-out or deactivation", async () => {
    const account = await newAccount();
    const actor = await loadActor(db, account.id, 1);
    expect(actor).toMatchObject({ id: account.id, email: account.email, role: "caseworker" });
    expect(actor).not.toHaveProperty("passwordHash");

    await endSessions(db, account.id, 1, null);
    expect(await loadActor(db, account.id, 1)).toBeNull();
    expect(await loadActor(db, account.id, 2)).not.toBeNull();

    await db.update(accounts).set({ active: false }).where(eq(accounts.id, account.id));
    expect(await loadActor(db, account.id, 2)).toBeNull();
  });

  it("a role change shows on the very next load", async () => {
    const account = await newAccount();
    await db.update(accounts).set({ role: "coordinator" }).where(eq(accounts.id, account.id));
    expect((await loadActor(db, account.id, 1))?.role).toBe("coordinator");
  });
});

describe("createAccount", () => {
  it("names the field for bad input and writes nothing", async () => {
    const result = await createAccount(db, { email: "not-an-email", name: "", role: "caseworker", password: "short" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    }
  });

  it("refuses a password equal to the email and a duplicate email", async () => {
    const email = `dup-${randomUUID().slice(0, 8)}@test.example.org`;
    const same = await createAccount(db, { email, name: "A", role: "admin", password: email });
    expect(same).toMatchObject({ ok: false, fieldErrors: { password: "Password must not be the email address." } });
    expect((await createAccount(db, { email, name: "A", role: "admin", password: "long-enough-password" })).ok).toBe(
      true,
    );
    const again = await createAccount(db, {
      email: email.toUpperCase(),
      name: "B",
      role: "admin",
      password: "long-enough-password",
    });
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: "An account with this email already exists." } });
  });

  it("stores an argon2id hash with m=19 MiB, t=2, p=1", async () => {
    const account = await newAccount();
    const [row] = await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, account.id));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
