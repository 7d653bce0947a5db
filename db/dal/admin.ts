import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { accounts, auditLog } from "../schema";
import type { Actor } from "./actor";
import { assertCan } from "./guard";

/** Accounts for the admin table: never the password hash. */
export async function listAccounts(actor: Actor) {
  assertCan(actor, "account:manage");
  return getDb()
    .select({
      id: accounts.id,
      email: accounts.email,
      name: accounts.name,
      role: accounts.role,
      active: accounts.active,
    })
    .from(accounts)
    .orderBy(asc(accounts.email));
}

/** The newest audit entries, with who made them. */
export async function listAudit(actor: Actor, options: { limit?: number } = {}) {
  assertCan(actor, "audit:read");
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      actorName: accounts.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(options.limit ?? 100, 500));
}
