import { z } from "zod";

export const assignmentSchema = z.object({
  ref: z.string().trim().min(1, "Case is required.").max(40),
  accountId: z.string().uuid("Choose a caseworker."),
});
export type AssignmentInput = z.input<typeof assignmentSchema>;
