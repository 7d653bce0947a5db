import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { makeDb } from "./client";
import { auditLog } from "./schema";

const db = makeDb(inject("databaseUrl"), { max: 2 });
afterAll(() => db.client.end());

describe("audit log", () => {
  it("is append-only in the database: UPDATE, DELETE and TRUNCATE fail", async () => {
    const [row] = await db
      .insert(auditLog)
      .values({ action: "create", entity: "test", entityId: "x" })
      .returning({ id: auditLog.id });
    expect(row).toBeDefined();
    const id = row?.id ?? 0;
    // Drizzle wraps the driver's error; the database's own message is its cause.
    const refused = (e: unknown) => /audit_log is append-only/.test(String((e as { cause?: Error }).cause?.message));
    await expect(db.update(auditLog).set({ entity: "changed" }).where(eq(auditLog.id, id))).rejects.toSatisfy(refused);
    await expect(db.delete(auditLog).where(eq(auditLog.id, id))).rejects.toSatisfy(refused);
    await expect(db.execute("truncate audit_log")).rejects.toSatisfy(refused);
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(still?.entity).toBe("test");
  });
});
