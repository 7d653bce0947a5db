import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { type Case, cases } from "../schema";
import { canReadCase, canWriteCase } from "./access";
import type { Actor } from "./actor";
import { DalError, notFound } from "./errors";

/** What the audit log keeps of a case: its columns, without the derived search text. */
export function caseAuditView(row: Case) {
  const { searchText: _s, ...rest } = row;
  return rest;
}

const readOnly = () =>
  new DalError("FORBIDDEN", "You may read this case but not change it: it is not assigned to you.");

/**
 * Locks a case row for the rest of the transaction, if the actor may read it (else NOT_FOUND) and
 * write it (else FORBIDDEN). Every write locks its case first, so writes to one case queue up and
 * locks are always taken in the same order (case, then record).
 */
export async function lockWritableCase(tx: Tx, actor: Actor, which: SQL): Promise<Case> {
  const [current] = await tx
    .select()
    .from(cases)
    .where(and(which, canReadCase(actor)))
    .for("update");
  if (!current) throw notFound("Case");
  const [writable] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, current.id), canWriteCase(actor)));
  if (!writable) throw readOnly();
  return current;
}
