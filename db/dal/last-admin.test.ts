import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain";
import { createTestDatabase } from "@/scripts/test/databases";
import { createAccount } from "../accounts";
import { type Db, makeDb } from "../client";
import { accounts } from "../schema";
import { type Actor, loadActor } from "./actor";
import { changeRole, setAccountActive } from "./admin";
import { DalError } from "./errors";

// Counting "every other active admin" needs a database where this file's admins are the only ones.
let db: Db;
beforeAll(async () => {
  const url = await createTestDatabase("lastadmin");
  process.env.DATABASE_URL = url; // before the DAL's shared client is first created in this worker
  db = makeDb(url, { max: 2 });
});
afterAll(() => db.client.end());

async function person(role: Role): Promise<Actor> {
  const r = await createAccount(db, {
    email: `la-${randomUUID().slice(0, 8)}@test.example.org`,
    name: "T",
    role,
    password: "a-long-enough-password",
  });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return (await loadActor(db, r.account.id, 1)) as Actor;
}
const versionOf = async (id: string) =>
  (await db.select({ v: accounts.version }).from(accounts).where(eq(accounts.id, id)))[0]?.v ?? 0;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof DalError ? Object.values(e.fieldErrors ?? {})[0] : String(e)),
  );

describe("the last active admin", () => {
  it("cannot be demoted or deactivated; once a second admin exists, one can be", async () => {
    const first = await person("admin");
    expect(await refusal(changeRole(first, first.id, await versionOf(first.id), "coordinator"))).toMatch(
      /last active admin/,
    );
    const second = await person("admin");
    expect(await refusal(changeRole(second, first.id, await versionOf(first.id), "coordinator"))).toBe("ok");
    expect(await refusal(setAccountActive(first, second.id, await versionOf(second.id), false))).toMatch(
      /your own account|last active admin/,
    );
    const third = await person("admin");
    expect(await refusal(setAccountActive(third, second.id, await versionOf(second.id), false))).toBe("ok");
    expect(await refusal(setAccountActive(second, third.id, await versionOf(third.id), false))).toMatch(
      /last active admin/,
    );
  });
});
