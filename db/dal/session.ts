import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { getDb } from "../client";
import { type Actor, loadActor } from "./actor";
import { DalError } from "./errors";

export { assertCan } from "./guard";

/** The signed-in account for this request, checked against the database (once per request). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.accountId || typeof session.sessionVersion !== "number") return null;
  return loadActor(getDb(), session.accountId, session.sessionVersion);
});

/** For pages: the actor, or a redirect to /sign-in that comes back to the page asked for. */
export async function requireActorOrRedirect(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const h = await headers();
    const back = h.get("x-casefile-path") ?? "/cases";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (actor.mustChangePassword) {
    // A temporary password set by an admin is changed before anything else is shown.
    const path = (await headers()).get("x-casefile-path") ?? "";
    if (!path.startsWith("/account/password")) redirect("/account/password");
  }
  return actor;
}

/** For actions and route handlers: the actor, or an UNAUTHENTICATED error. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DalError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return actor;
}
