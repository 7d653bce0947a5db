"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { LOCKOUT, mustChangePassword } from "@/db/dal/auth";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl, signInSchema } from "./schema";

export type SignInState = {
  /** Message keys in the SignIn namespace, per field. */
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  error?: "failed" | "locked";
  lockMinutes?: number;
};

export async function signInAction(input: unknown): Promise<SignInState> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = "code" in error && error.code === "locked";
      return locked ? { error: "locked", lockMinutes: LOCKOUT.windowMinutes } : { error: "failed" };
    }
    throw error;
  }
  // Signed in. A temporary password goes straight to the password page (not via a redirect chain).
  const mustChange = await mustChangePassword(getDb(), parsed.data.email);
  redirect(mustChange ? "/account/password" : safeCallbackUrl(parsed.data.callbackUrl));
}
