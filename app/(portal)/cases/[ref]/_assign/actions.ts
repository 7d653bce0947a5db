"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignCaseworker, listAssignableCaseworkers, unassignCaseworker } from "@/db/dal/assignments";
import { assignmentSchema } from "@/lib/schemas/assignment";
import { validatedAction } from "@/lib/server/action";

export const assignAction = validatedAction(assignmentSchema, async (actor, { ref, accountId }) => {
  await assignCaseworker(actor, ref, accountId);
  revalidatePath(`/cases/${ref}`);
  return null;
});

export const unassignAction = validatedAction(assignmentSchema, async (actor, { ref, accountId }) => {
  await unassignCaseworker(actor, ref, accountId);
  revalidatePath(`/cases/${ref}`);
  return null;
});

/**
 * The caseworkers one may assign, for the assignment select: loaded when it is shown, so that a case
 * page does not carry every caseworker's name in its HTML.
 */
export const assignableCaseworkersAction = validatedAction(z.object({}), async (actor) =>
  (await listAssignableCaseworkers(actor)).map(({ id, name }) => ({ id, name })),
);
