import "server-only";
import { randomInt } from "node:crypto";
import { and, asc, count, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import { AUDIT_ACTIONS, type AuditAction, type Role } from "@/lib/domain";
import { hashPassword, verifyPassword } from "@/lib/password";
import { fieldErrorsOf, passwordSchema } from "@/lib/schemas/account";
import { createAccount } from "../accounts";
import { getDb, type Tx } from "../client";
import { accounts, auditLog } from "../schema";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { conflict } from "./concurrency";
import { invalid, notFound } from "./errors";
import { assertCan } from "./guard";

/** What the accounts table shows: never the password hash. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: Date;
}

export async function listAccounts(actor: Actor): Promise<AccountRow[]> {
  assertCan(actor, "account:manage");
  return getDb()
    .select({
      id: accounts.id,
      email: accounts.email,
      name: accounts.name,
      role: accounts.role,
      active: accounts.active,
      mustChangePassword: accounts.mustChangePassword,
      version: accounts.version,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .orderBy(asc(accounts.email));
}

/** A temporary password: 20 characters from an alphabet without look-alikes (about 110 bits). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** Creates an account with a temporary password, shown once, to be changed at first sign-in. */
export async function adminCreateAccount(
  actor: Actor,
  input: { email: string; name: string; role: Role },
): Promise<{ id: string; email: string; temporaryPassword: string }> {
  assertCan(actor, "account:manage");
  const password = temporaryPassword();
  const result = await createAccount(getDb(), { ...input, password }, { actorId: actor.id, mustChangePassword: true });
  if (!result.ok) throw invalid(result.fieldErrors);
  return { id: result.account.id, email: result.account.email, temporaryPassword: password };
}

/** Locks the account row and the set of active admins, so "the last admin" cannot be raced away. */
async function lockForAdminChange(tx: Tx, accountId: string, version: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('casefile-admins'))`);
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!row) throw notFound("Account");
  if (row.version !== version) throw await conflict(tx, "accounts", accountId);
  return row;
}

async function otherActiveAdmins(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(accounts)
    .where(and(eq(accounts.role, "admin"), eq(accounts.active, true), ne(accounts.id, accountId)));
  return row?.n ?? 0;
}

const view = (row: typeof accounts.$inferSelect) => ({
  email: row.email,
  name: row.name,
  role: row.role,
  active: row.active,
  mustChangePassword: row.mustChangePassword,
});

/** Changes an account's role; it takes effect on that account's next request (roles are read per request). */
export async function changeRole(actor: Actor, accountId: string, version: number, role: Role): Promise<void> {
  assertCan(actor, "account:manage");
  await getDb().transaction(async (tx) => {
    const row = await lockForAdminChange(tx, accountId, version);
    if (row.role === role) throw invalid({ role: `The account is already ${role}.` });
    if (row.role === "admin" && row.active && (await otherActiveAdmins(tx, accountId)) === 0) {
      throw invalid({ role: "This is the last active admin: make another account admin first." });
    }
    const [after] = await tx
      .update(accounts)
      .set({ role, updatedAt: sql`clock_timestamp()`, version: sql`${accounts.version} + 1` })
      .where(eq(accounts.id, accountId))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: "role_change",
      entity: "accounts",
      entityId: accountId,
      before: view(row),
      after: after ? view(after) : null,
    });
  });
}

/** Deactivates (ending every session at once) or reactivates an account. */
export async function setAccountActive(
  actor: Actor,
  accountId: string,
  version: number,
  active: boolean,
): Promise<void> {
  assertCan(actor, "account:manage");
  if (!active && accountId === actor.id) throw invalid({ active: "You cannot deactivate your own account." });
  await getDb().transaction(async (tx) => {
    const row = await lockForAdminChange(tx, accountId, version);
    if (row.active === active)
      throw invalid({ active: active ? "The account is already active." : "The account is already deactivated." });
    if (!active && row.role === "admin" && (await otherActiveAdmins(tx, accountId)) === 0) {
      throw invalid({ active: "This is the last active admin: it cannot be deactivated." });
    }
    const [after] = await tx
      .update(accounts)
      .set({
        active,
        sessionVersion: sql`${accounts.sessionVersion} + 1`,
        updatedAt: sql`clock_timestamp()`,
        version: sql`${accounts.version} + 1`,
      })
      .where(eq(accounts.id, accountId))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: active ? "reactivate" : "deactivate",
      entity: "accounts",
      entityId: accountId,
      before: view(row),
      after: after ? view(after) : null,
    });
  });
}

/** Sets a new temporary password (shown once), to be changed at next sign-in; ends the account's sessions. */
export async function resetPassword(
  actor: Actor,
  accountId: string,
  version: number,
): Promise<{ temporaryPassword: string }> {
  assertCan(actor, "account:manage");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    const row = await lockForAdminChange(tx, accountId, version);
    await tx
      .update(accounts)
      .set({
        passwordHash,
        mustChangePassword: true,
        sessionVersion: sql`${accounts.sessionVersion} + 1`,
        updatedAt: sql`clock_timestamp()`,
        version: sql`${accounts.version} + 1`,
      })
      .where(eq(accounts.id, accountId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "password_reset",
      entity: "accounts",
      entityId: accountId,
      before: view(row),
    });
  });
  return { temporaryPassword: password };
}

/**
 * The signed-in user changes their own password: the current one is required; the new one has at
 * least 12 characters and is not the email. Every session of the account ends (sign in again).
 */
export async function changeOwnPassword(actor: Actor, input: { current: string; next: string }): Promise<void> {
  const parsed = passwordSchema.safeParse(input.next);
  if (!parsed.success) throw invalid({ next: fieldErrorsOf(parsed.error)._form ?? "Password is not acceptable." });
  if (input.next.trim().toLowerCase() === actor.email)
    throw invalid({ next: "Password must not be your email address." });
  if (input.next === input.current) throw invalid({ next: "The new password must differ from the current one." });
  const db = getDb();
  const [row] = await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, actor.id));
  if (!row || !(await verifyPassword(row.hash, input.current)))
    throw invalid({ current: "The current password is not correct." });
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${accounts.sessionVersion} + 1`,
        updatedAt: sql`clock_timestamp()`,
        version: sql`${accounts.version} + 1`,
      })
      .where(eq(accounts.id, actor.id));
    await writeAudit(tx, { actorId: actor.id, action: "password_change", entity: "accounts", entityId: actor.id });
  });
}

export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  entity?: string;
  entityId?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  from?: string;
  to?: string;
  /** Keyset: entries older than this id. */
  before?: number;
  limit?: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  caseId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
}

/** The audit log, newest first, filtered; keyset-paged by id so any depth costs the same. */
export async function listAudit(
  actor: Actor,
  filter: AuditFilter = {},
): Promise<{ rows: AuditRow[]; nextBefore?: number }> {
  assertCan(actor, "audit:read");
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const conditions = [
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action && AUDIT_ACTIONS.includes(filter.action) ? eq(auditLog.action, filter.action) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  ];
  const rows = await getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: accounts.name,
      actorEmail: accounts.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      caseId: auditLog.caseId,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? page.at(-1)?.id : undefined };
}

/** Accounts for the audit filter's "who" list. */
export async function listAccountChoices(actor: Actor) {
  assertCan(actor, "audit:read");
  return getDb()
    .select({ id: accounts.id, name: accounts.name, email: accounts.email })
    .from(accounts)
    .orderBy(asc(accounts.name));
}
