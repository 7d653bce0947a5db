import { z } from "zod";

/** The sign-in form's one schema: used by react-hook-form in the browser and re-parsed by the action. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(320, "emailInvalid").email("emailInvalid"),
  password: z.string().min(1, "passwordRequired").max(1024, "passwordRequired"),
  callbackUrl: z.string().max(2048).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths: never send the user to another origin after sign-in. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/cases";
  if (value.startsWith("/sign-in")) return "/cases";
  return value;
}
