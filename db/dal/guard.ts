import { can, type Permission } from "@/lib/permissions";
import type { Actor } from "./actor";
import { DalError } from "./errors";

/** Throws FORBIDDEN unless the actor's role holds the permission (lib/permissions.ts). */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new DalError("FORBIDDEN", "You are not allowed to do this.");
}
