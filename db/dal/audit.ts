import { getDb, type Tx } from "../client";
import { auditLog, type NewAuditEntry } from "../schema";

/** Appends one audit row inside the caller's transaction: the write and its record stand or fall together. */
export async function writeAudit(tx: Tx, entry: NewAuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** Records a refused attempt (a page or action the account may not use). Never throws. */
export async function recordAccessDenied(
  actorId: string | null,
  what: string,
  meta: Record<string, unknown> = {},
): Promise<void> {
  try {
    await getDb()
      .insert(auditLog)
      .values({ actorId, action: "access_denied", entity: "access", entityId: what.slice(0, 200), meta });
  } catch {
    // Auditing a refusal must not turn the refusal into an error page.
  }
}
