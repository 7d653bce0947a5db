import { z } from "zod";
import { ROLES } from "@/lib/domain";

export const PASSWORD_MIN = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(320, "Email is too long (320 characters at most).")
  .email("Email must look like name@example.org.");

/** A new password: at least 12 characters, and not the account's email. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(1024, "Password is too long (1,024 characters at most).");

export const newAccountSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "Name is required.").max(200, "Name is too long (200 characters at most)."),
    role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}.` }),
    password: passwordSchema,
  })
  .refine((v) => v.password.trim().toLowerCase() !== v.email, {
    path: ["password"],
    message: "Password must not be the email address.",
  });
export type NewAccountInput = z.input<typeof newAccountSchema>;

/** zod issues as one message per field, the first for each. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
