import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { accounts, auditLog } from "../schema";
import { type ConflictInfo, DalError } from "./errors";

/** Who last wrote a record and when, from the audit log (which every write goes through). */
export async function lastWriter(tx: Tx, entity: string, entityId: string): Promise<ConflictInfo> {
  const [row] = await tx
    .select({ at: auditLog.at, name: accounts.name })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return { by: row?.name ?? "someone", at: (row?.at ?? new Date()).toISOString() };
}

/**
 * The refusal for saving over a newer version: names who changed the record and when. The form
 * keeps what the user typed; nothing is written.
 */
export async function conflict(tx: Tx, entity: string, entityId: string): Promise<DalError> {
  const info = await lastWriter(tx, entity, entityId);
  return new DalError(
    "CONFLICT",
    `This record was changed by ${info.by} at ${info.at.slice(0, 16).replace("T", " ")} UTC after you opened it. Nothing was saved: reload to see their changes, then apply yours again.`,
    { conflict: info },
  );
}
