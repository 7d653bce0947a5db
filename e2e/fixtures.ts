/**
 * What specs use to seed their own rows straight into this run's e2e database, and to sign in.
 * Every account a spec makes has a unique email, so specs run in parallel without meeting.
 */
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createAccount } from "@/db/accounts";
import { type Db, makeDb } from "@/db/client";
import { accounts, cases, type NewCase } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { buildSearchText } from "@/lib/search";
import { testDatabaseUrl } from "../scripts/test/databases";

export const DEMO_PASSWORD = "casefile-demo";

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
}

export const test = base.extend<{ makeAccount: (role: Role) => Promise<TestAccount> }, { db: Db }>({
  db: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const db = makeDb(testDatabaseUrl("e2e"), { max: 2 });
      await use(db);
      await db.client.end();
    },
    { scope: "worker" },
  ],
  makeAccount: async ({ db }, use) => {
    await use(async (role) => {
      const tag = randomUUID().slice(0, 8);
      const input = {
        email: `${role}-${tag}@e2e.example.org`,
        name: `E2E ${role} ${tag}`,
        role,
        password: `pw-${tag}-long-enough`,
      };
      const result = await createAccount(db, input);
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      return { ...input, id: result.account.id };
    });
  },
});

export async function signIn(page: Page, email: string, password: string) {
  // Enabled once hydrated: text typed before that would be reset by react-hook-form.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function deactivate(db: Db, accountId: string) {
  await db.update(accounts).set({ active: false }).where(eq(accounts.id, accountId));
}

export { expect };

/** A case written straight into this run's e2e database, its search text derived as the app derives it. */
export async function insertCase(db: Db, values: Omit<NewCase, "searchText">) {
  await db.insert(cases).values({ ...values, searchText: buildSearchText(values) });
}
