"use server";

import { signOut } from "@/lib/auth";

/** Ends the session everywhere (the account's session version is bumped in the signOut event). */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
