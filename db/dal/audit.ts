import type { Tx } from "../client";
import { auditLog, type NewAuditEntry } from "../schema";

/** Appends one audit row inside the caller's transaction: the write and its record stand or fall together. */
export async function writeAudit(tx: Tx, entry: NewAuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
