"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  addNote,
  addPetition,
  addSource,
  attachSource,
  changePetitionState,
  detachSource,
  linkCases,
  logContact,
  recordStatusChange,
  retract,
  unlinkCases,
} from "@/db/dal/records";
import { listSourceTargets } from "@/db/dal/timeline";
import {
  attachSourceSchema,
  caseRefField,
  contactSchema,
  linkCaseSchema,
  noteSchema,
  petitionSchema,
  petitionStateSchema,
  RETRACTABLE_KINDS,
  retractFormSchema,
  sourceSchema,
  statusChangeSchema,
} from "@/lib/schemas/records";
import { validatedAction } from "@/lib/server/action";
import { targetOptions } from "./source-targets";

/*
 * The case page's Server Actions: each re-parses the form's own schema (validatedAction), calls
 * the DAL (which checks access inside its queries and parses again), then refreshes the case page
 * and the lists whose columns a timeline write can change (status, deadline, last contact).
 */

const ref = z.string().trim().min(1).max(40);
const uuid = z.string().trim().uuid();
const version = z.coerce.number().int().positive();

/** The form's values under `values`, with the case they belong to. */
const onCase = <S extends z.ZodType>(values: S) => z.object({ ref, values });

function refresh(caseRef: string) {
  revalidatePath(`/cases/${caseRef}`);
  revalidatePath("/cases");
}

export const recordStatusChangeAction = validatedAction(onCase(statusChangeSchema), async (actor, input) => {
  const result = await recordStatusChange(actor, input.ref, input.values);
  refresh(result.ref);
  return result;
});

export const logContactAction = validatedAction(onCase(contactSchema), async (actor, input) => {
  const result = await logContact(actor, input.ref, input.values);
  refresh(result.ref);
  return result;
});

export const addPetitionAction = validatedAction(onCase(petitionSchema), async (actor, input) => {
  const result = await addPetition(actor, input.ref, input.values);
  refresh(result.ref);
  return result;
});

export const changePetitionStateAction = validatedAction(
  z.object({ petitionId: uuid, version, values: petitionStateSchema }),
  async (actor, input) => {
    const result = await changePetitionState(actor, input.petitionId, input.version, input.values);
    refresh(result.ref);
    return result;
  },
);

export const addNoteAction = validatedAction(onCase(noteSchema), async (actor, input) => {
  const result = await addNote(actor, input.ref, input.values);
  refresh(result.ref);
  return result;
});

export const addSourceAction = validatedAction(onCase(sourceSchema), async (actor, input) => {
  const result = await addSource(actor, input.ref, input.values);
  refresh(result.ref);
  return result;
});

export const attachSourceAction = validatedAction(z.object({ values: attachSourceSchema }), async (actor, input) => {
  const result = await attachSource(actor, input.values.sourceId, input.values.target);
  refresh(result.ref);
  return result;
});

export const detachSourceAction = validatedAction(z.object({ linkId: uuid }), async (actor, input) => {
  const result = await detachSource(actor, input.linkId);
  refresh(result.ref);
  return result;
});

export const linkCaseAction = validatedAction(onCase(linkCaseSchema), async (actor, input) => {
  const result = await linkCases(actor, input.ref, input.values);
  refresh(result.ref);
  refresh(input.values.otherRef);
  return result;
});

export const unlinkCaseAction = validatedAction(z.object({ ref, otherRef: caseRefField }), async (actor, input) => {
  const result = await unlinkCases(actor, input.ref, input.otherRef);
  refresh(result.ref);
  refresh(input.otherRef);
  return result;
});

export const retractAction = validatedAction(
  z.object({ kind: z.enum(RETRACTABLE_KINDS), id: uuid, version, values: retractFormSchema }),
  async (actor, input) => {
    const result = await retract(actor, {
      kind: input.kind,
      id: input.id,
      version: input.version,
      reason: input.values.reason,
    });
    refresh(result.ref);
    return result;
  },
);

/** What a source on the case can support now, for the forms' "Supports" select (loaded when opened). */
export const sourceTargetsAction = validatedAction(z.object({ ref }), async (actor, input) => {
  return targetOptions(await listSourceTargets(actor, input.ref));
});
