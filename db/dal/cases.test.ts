import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Role } from "@/lib/domain";
import { caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { makeDb } from "../client";
import { accounts } from "../schema";
import type { Actor } from "./actor";
import { assignCaseworker } from "./assignments";
import { createCase } from "./case-write";
import { getCase } from "./cases";

const db = makeDb(inject("databaseUrl"), { max: 2 });
afterAll(() => db.client.end());

const tag = randomUUID().slice(0, 8);
async function account(role: Role, name: string): Promise<Actor> {
  const [row] = await db
    .insert(accounts)
    .values({
      email: `cases-${name.toLowerCase()}-${tag}@test.example.org`,
      name: `${name} ${tag}`,
      role,
      passwordHash: "x",
    })
    .returning();
  if (!row) throw new Error("no account");
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: false };
}

let coordinator: Actor;
let zed: Actor;
let amy: Actor;
let other: Actor;
let ref: string;
let restrictedRef: string;

beforeAll(async () => {
  coordinator = await account("coordinator", "Coordinator");
  // Named so that the order by name differs from the order of assignment.
  zed = await account("caseworker", "Zed");
  amy = await account("caseworker", "Amy");
  other = await account("caseworker", "Other");
  const values = (fullName: string, restricted = false) =>
    caseFormSchema.parse({ ...EMPTY_CASE_FORM, fullName, nationality: "KR", detainingCountry: "RU", restricted });
  ({ ref } = await createCase(coordinator, values(`Get case ${tag}`)));
  ({ ref: restrictedRef } = await createCase(coordinator, values(`Get restricted ${tag}`, true)));
  await assignCaseworker(coordinator, ref, zed.id);
  await assignCaseworker(coordinator, ref, amy.id);
  await assignCaseworker(coordinator, restrictedRef, zed.id);
});

describe("getCase", () => {
  it("lists the case's assigned caseworkers, by name, and only this case's", async () => {
    const c = await getCase(coordinator, ref);
    expect(c.ref).toBe(ref);
    expect(c.assigned).toEqual([
      { id: amy.id, name: amy.name },
      { id: zed.id, name: zed.name },
    ]);
    const r = await getCase(coordinator, restrictedRef);
    expect(r.assigned).toEqual([{ id: zed.id, name: zed.name }]);
  });

  it("says who may change the case: any coordinator, an assigned caseworker, not another one", async () => {
    expect((await getCase(coordinator, ref)).canWrite).toBe(true);
    expect((await getCase(zed, ref)).canWrite).toBe(true);
    const seen = await getCase(other, ref);
    expect(seen.canWrite).toBe(false);
    expect(seen.assigned.map((a) => a.id)).toEqual([amy.id, zed.id]);
  });

  it("is NOT_FOUND for a restricted case the actor is not assigned to, and for no case at all", async () => {
    await expect(getCase(other, restrictedRef)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getCase(zed, restrictedRef)).canWrite).toBe(true);
    await expect(getCase(coordinator, `DC-0000-${tag}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
