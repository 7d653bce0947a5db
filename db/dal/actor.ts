import { and, eq } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import type { Db } from "../client";
import { accounts } from "../schema";

/** The signed-in account as every DAL function receives it: checked against the database on each request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

/** Loads the account behind a session token, or null when it is gone, deactivated or signed out. */
export async function loadActor(db: Db, accountId: string, sessionVersion: number): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      name: accounts.name,
      role: accounts.role,
      mustChangePassword: accounts.mustChangePassword,
    })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.active, true), eq(accounts.sessionVersion, sessionVersion)))
    .limit(1);
  return row ?? null;
}
