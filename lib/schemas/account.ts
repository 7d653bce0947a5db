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

/** Admin: a new account (the password is generated and shown once). */
export const adminNewAccountSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required.").max(200, "Name is too long (200 characters at most)."),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}.` }),
});
export type AdminNewAccountInput = z.input<typeof adminNewAccountSchema>;

const accountRef = {
  accountId: z.string().uuid("Account is not valid."),
  version: z.coerce.number().int().positive(),
};
export const changeRoleSchema = z.object({
  ...accountRef,
  role: z.enum(ROLES, { error: "Role must be one of the listed roles." }),
});
export const setActiveSchema = z.object({ ...accountRef, active: z.boolean() });
export const resetPasswordSchema = z.object(accountRef);

/** The signed-in user's own password change. */
export const ownPasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(1024),
    next: passwordSchema,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords do not match." });
export type OwnPasswordInput = z.input<typeof ownPasswordSchema>;
