"use server";

import { revalidatePath } from "next/cache";
import { assignCaseworker, unassignCaseworker } from "@/db/dal/assignments";
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
