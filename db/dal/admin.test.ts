import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { Role } from "@/lib/domain";
import { createAccount } from "../accounts";
import { makeDb } from "../client";
import { accounts, auditLog } from "../schema";
import { type Actor, loadActor } from "./actor";
import { adminCreateAccount, changeOwnPassword, changeRole, listAudit, resetPassword, setAccountActive } from "./admin";
import { verifyCredentials } from "./auth";
import { DalError } from "./errors";

const db = makeDb(inject("databaseUrl"), { max: 4 });
afterAll(() => db.client.end());

async function person(role: Role, password = "a-long-enough-password") {
  const email = `admin-t-${randomUUID().slice(0, 8)}@test.example.org`;
  const r = await createAccount(db, { email, name: `T ${role}`, role, password });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  const actor = (await loadActor(db, r.account.id, 1)) as Actor;
  return { actor, password };
}
const versionOf = async (id: string) =>
  (await db.select({ v: accounts.version }).from(accounts).where(eq(accounts.id, id)))[0]?.v ?? 0;
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof DalError ? `${e.code}:${Object.keys(e.fieldErrors ?? {}).join(",")}` : String(e)),
  );

describe("account administration", () => {
  it("only admins manage accounts", async () => {
    const { actor: coordinator } = await person("coordinator");
    const { actor: caseworker } = await person("caseworker");
    for (const actor of [coordinator, caseworker]) {
      expect(
        await code(adminCreateAccount(actor, { email: `x-${randomUUID()}@e.org`, name: "X", role: "admin" })),
      ).toBe("FORBIDDEN:");
      expect(await code(changeRole(actor, caseworker.id, 1, "admin"))).toBe("FORBIDDEN:");
      expect(await code(listAudit(actor))).toBe("FORBIDDEN:");
    }
  });

  it("creates an account with a temporary password that must be changed, and audits it", async () => {
    const { actor: admin } = await person("admin");
    const email = `new-${randomUUID().slice(0, 8)}@test.example.org`;
    const created = await adminCreateAccount(admin, { email, name: "New Person", role: "caseworker" });
    expect(created.temporaryPassword).toHaveLength(20);
    const signIn = await verifyCredentials(db, email, created.temporaryPassword, null);
    expect(signIn.ok).toBe(true);
    const actor = await loadActor(db, created.id, 1);
    expect(actor?.mustChangePassword).toBe(true);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "create")));
    expect(audit[0]?.actorId).toBe(admin.id);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(created.temporaryPassword);
  });

  it("a role change applies on the next load and is audited with before and after", async () => {
    const { actor: admin } = await person("admin");
    const { actor: target } = await person("caseworker");
    await changeRole(admin, target.id, await versionOf(target.id), "coordinator");
    expect((await loadActor(db, target.id, 1))?.role).toBe("coordinator");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, "role_change")));
    expect(entry?.before).toMatchObject({ role: "caseworker" });
    expect(entry?.after).toMatchObject({ role: "coordinator" });
  });

  it("refuses a stale version with a conflict", async () => {
    const { actor: admin } = await person("admin");
    const { actor: target } = await person("caseworker");
    const v = await versionOf(target.id);
    await changeRole(admin, target.id, v, "coordinator");
    expect(await code(changeRole(admin, target.id, v, "admin"))).toBe("CONFLICT:");
  });

  it("deactivation ends the account's sessions at once; an admin cannot deactivate themself", async () => {
    const { actor: admin } = await person("admin");
    const { actor: target } = await person("caseworker");
    await setAccountActive(admin, target.id, await versionOf(target.id), false);
    expect(await loadActor(db, target.id, 1)).toBeNull();
    expect(await loadActor(db, target.id, 2)).toBeNull();
    expect(await code(setAccountActive(admin, admin.id, await versionOf(admin.id), false))).toBe("VALIDATION:active");
    await setAccountActive(admin, target.id, await versionOf(target.id), true);
    // Reactivation does not revive old sessions: the account signs in again.
    expect(await loadActor(db, target.id, 2)).toBeNull();
    expect(await loadActor(db, target.id, 3)).not.toBeNull();
  });

  it("a password reset ends sessions and requires a new password at next sign-in", async () => {
    const { actor: admin } = await person("admin");
    const { actor: target, password } = await person("caseworker");
    const { temporaryPassword } = await resetPassword(admin, target.id, await versionOf(target.id));
    expect(await loadActor(db, target.id, 1)).toBeNull();
    expect((await verifyCredentials(db, target.email, password, null)).ok).toBe(false);
    expect((await verifyCredentials(db, target.email, temporaryPassword, null)).ok).toBe(true);
    expect((await loadActor(db, target.id, 2))?.mustChangePassword).toBe(true);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, 12 characters, not the email, and then ends sessions", async () => {
    const { actor, password } = await person("caseworker");
    expect(await code(changeOwnPassword(actor, { current: "wrong", next: "another-long-password" }))).toBe(
      "VALIDATION:current",
    );
    expect(await code(changeOwnPassword(actor, { current: password, next: "short" }))).toBe("VALIDATION:next");
    expect(await code(changeOwnPassword(actor, { current: password, next: actor.email }))).toBe("VALIDATION:next");
    await changeOwnPassword(actor, { current: password, next: "another-long-password" });
    expect(await loadActor(db, actor.id, 1)).toBeNull();
    expect((await verifyCredentials(db, actor.email, "another-long-password", null)).ok).toBe(true);
  });
});

describe("audit viewer", () => {
  it("filters by account and action, pages by keyset without repeats", async () => {
    const { actor: admin } = await person("admin");
    const { actor: target } = await person("caseworker");
    for (const role of ["coordinator", "caseworker", "coordinator"] as const) {
      await changeRole(admin, target.id, await versionOf(target.id), role);
    }
    const first = await listAudit(admin, { actorId: admin.id, action: "role_change", limit: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.nextBefore).toBeDefined();
    const second = await listAudit(admin, {
      actorId: admin.id,
      action: "role_change",
      limit: 2,
      before: first.nextBefore,
    });
    expect(second.rows).toHaveLength(1);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(first.rows.every((r) => r.action === "role_change" && r.actorEmail === admin.email)).toBe(true);
  });
});
