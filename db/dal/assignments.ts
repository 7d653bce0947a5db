import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { accounts, caseAssignments, cases } from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { invalid, notFound } from "./errors";
import { assertCan } from "./guard";

/** Active caseworkers, for the assignment picker (coordinators and admins only). */
export async function listAssignableCaseworkers(actor: Actor) {
  assertCan(actor, "case:assign");
  return getDb()
    .select({ id: accounts.id, name: accounts.name, email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.role, "caseworker"), eq(accounts.active, true)))
    .orderBy(asc(accounts.name));
}

async function caseIdFor(actor: Actor, ref: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.ref, ref), canReadCase(actor)));
  if (!row) throw notFound("Case");
  return row.id;
}

/** Assigns an active caseworker to a case; they may then read it (even restricted) and write it. */
export async function assignCaseworker(actor: Actor, ref: string, accountId: string): Promise<void> {
  assertCan(actor, "case:assign");
  const caseId = await caseIdFor(actor, ref);
  await getDb().transaction(async (tx) => {
    const [person] = await tx
      .select({ role: accounts.role, active: accounts.active })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for("share");
    if (!person?.active || person.role !== "caseworker") {
      throw invalid({ accountId: "Choose an active caseworker." });
    }
    const inserted = await tx
      .insert(caseAssignments)
      .values({ caseId, accountId, assignedBy: actor.id })
      .onConflictDoNothing()
      .returning({ caseId: caseAssignments.caseId });
    if (inserted.length === 0) throw invalid({ accountId: "This caseworker is already assigned." });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "assign",
      entity: "case_assignments",
      entityId: `${caseId}:${accountId}`,
      caseId,
      after: { caseId, accountId },
    });
  });
}

export async function unassignCaseworker(actor: Actor, ref: string, accountId: string): Promise<void> {
  assertCan(actor, "case:assign");
  const caseId = await caseIdFor(actor, ref);
  await getDb().transaction(async (tx) => {
    const removed = await tx
      .delete(caseAssignments)
      .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.accountId, accountId)))
      .returning({ accountId: caseAssignments.accountId });
    if (removed.length === 0) throw invalid({ accountId: "This caseworker is not assigned to the case." });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "unassign",
      entity: "case_assignments",
      entityId: `${caseId}:${accountId}`,
      caseId,
      before: { caseId, accountId },
    });
  });
}
