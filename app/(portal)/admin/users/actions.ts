"use server";

import { revalidatePath } from "next/cache";
import { adminCreateAccount, changeRole, resetPassword, setAccountActive } from "@/db/dal/admin";
import { adminNewAccountSchema, changeRoleSchema, resetPasswordSchema, setActiveSchema } from "@/lib/schemas/account";
import { validatedAction } from "@/lib/server/action";

export const createAccountAction = validatedAction(adminNewAccountSchema, async (actor, input) => {
  const created = await adminCreateAccount(actor, input);
  revalidatePath("/admin/users");
  return created;
});

export const changeRoleAction = validatedAction(changeRoleSchema, async (actor, { accountId, version, role }) => {
  await changeRole(actor, accountId, version, role);
  revalidatePath("/admin/users");
  return null;
});

export const setActiveAction = validatedAction(setActiveSchema, async (actor, { accountId, version, active }) => {
  await setAccountActive(actor, accountId, version, active);
  revalidatePath("/admin/users");
  return null;
});

export const resetPasswordAction = validatedAction(resetPasswordSchema, async (actor, { accountId, version }) => {
  const result = await resetPassword(actor, accountId, version);
  revalidatePath("/admin/users");
  return result;
});
