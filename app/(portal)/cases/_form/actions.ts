"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCase, findPossibleDuplicates, updateCase } from "@/db/dal/case-write";
import { caseEditSchema, caseFormSchema } from "@/lib/schemas/case";
import { validatedAction } from "@/lib/server/action";

export const createCaseAction = validatedAction(caseFormSchema, async (actor, data) => {
  const result = await createCase(actor, data);
  revalidatePath("/cases");
  return result;
});

export const updateCaseAction = validatedAction(caseEditSchema, async (actor, { ref, version, values }) => {
  const result = await updateCase(actor, ref, version, values);
  revalidatePath(`/cases/${ref}`);
  revalidatePath("/cases");
  return result;
});

const duplicateProbe = z.object({
  fullName: z.string().max(200),
  nativeName: z.string().max(200).optional(),
  otherNames: z.string().max(2000).optional(),
  birthYear: z.string().max(4).regex(/^\d*$/).optional(),
  nationality: z.string().max(2).optional(),
  excludeRef: z.string().max(40).optional(),
});

/** "Possible match: DC-2024-0001 Baek Won-soon", among the cases the user may read. */
export const findDuplicatesAction = validatedAction(duplicateProbe, (actor, input) =>
  findPossibleDuplicates(actor, input),
);
