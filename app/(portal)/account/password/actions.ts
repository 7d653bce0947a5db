"use server";

import { changeOwnPassword } from "@/db/dal/admin";
import { signOut } from "@/lib/auth";
import { ownPasswordSchema } from "@/lib/schemas/account";
import { validatedAction } from "@/lib/server/action";

const change = validatedAction(ownPasswordSchema, async (actor, { current, next }) => {
  await changeOwnPassword(actor, { current, next });
  return null;
});

/** Changes the password, then ends this session too: sign in again with the new password. */
export async function changeOwnPasswordAction(raw: unknown) {
  const result = await change(raw);
  if (result.ok) await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  return result;
}
