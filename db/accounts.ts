/**
 * Account creation shared by the CLI (scripts/user-create.ts), the admin pages and tests. Not
 * behind a session: callers that act for a user check permissions first (db/dal/admin.ts).
 */
import { hashPassword } from "@/lib/password";
import { fieldErrorsOf, type NewAccountInput, newAccountSchema } from "@/lib/schemas/account";
import type { Db } from "./client";
import { writeAudit } from "./dal/audit";
import { accounts } from "./schema";

export type CreateAccountResult =
  | { ok: true; account: { id: string; email: string; role: string } }
  | { ok: false; fieldErrors: Record<string, string> };

export async function createAccount(
  db: Db,
  input: NewAccountInput,
  options: { actorId?: string | null; mustChangePassword?: boolean } = {},
): Promise<CreateAccountResult> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({ email, name, role, passwordHash, mustChangePassword: options.mustChangePassword ?? false })
      .onConflictDoNothing()
      .returning({ id: accounts.id, email: accounts.email, role: accounts.role });
    if (!row) return { ok: false as const, fieldErrors: { email: "An account with this email already exists." } };
    await writeAudit(tx, {
      actorId: options.actorId ?? null,
      action: "create",
      entity: "accounts",
      entityId: row.id,
      after: { email, name, role },
    });
    return { ok: true as const, account: row };
  });
}
