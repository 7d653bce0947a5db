import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/db/dal/actor";
import { recordAccessDenied } from "@/db/dal/audit";
import { requireActorOrRedirect } from "@/db/dal/session";
import { can, type Permission } from "@/lib/permissions";

/** Admin pages do not exist for accounts without the permission: a 404, not a hint. */
export async function requireAdminPage(permission: Permission): Promise<Actor> {
  const actor = await requireActorOrRedirect();
  if (!can(actor.role, permission)) {
    await recordAccessDenied(actor.id, `page:${permission}`);
    notFound();
  }
  return actor;
}
