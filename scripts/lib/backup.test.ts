import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDb } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { adminUrl, createTestDatabase, testDatabaseName } from "@/scripts/test/databases";
import { backupDatabase, fingerprint, restoreDatabase } from "./backup";
import { ensureDatabase } from "./database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casefile-backup-"));
const file = path.join(dir, "casefile.dump");
let source: string;

/** An empty database of this run (dropped with the run's others). */
const emptyDatabase = (part: string) => ensureDatabase(adminUrl(), testDatabaseName(part));

beforeAll(async () => {
  source = await createTestDatabase("backup_source");
  const db = makeDb(source, { max: 2 });
  try {
    await seedDemo(db);
    // Text that must survive byte for byte: markup, quotes, Hangul, an emoji, a NUL-free control char.
    await db.client`update cases set summary = ${'<img src=x onerror=alert(1)> "quoted" \t 백원순 🕊'} where ref = (select min(ref) from cases)`;
  } finally {
    await db.client.end();
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("db:backup and db:restore", () => {
  it("restores a dump into an empty database that matches its source, table by table", async () => {
    await backupDatabase(source, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP"); // pg_dump's custom format

    const target = await emptyDatabase("backup_target");
    await restoreDatabase(target, file);

    const before = await fingerprint(source);
    const after = await fingerprint(target);
    expect(before.find((t) => t.table === "public.cases")?.rows).toBe(10);
    expect(before.find((t) => t.table === "public.audit_log")?.rows).toBeGreaterThan(100);
    expect(after).toEqual(before);

    // The restored database keeps its rules: the audit log is still append-only.
    const sql = postgres(target, { max: 1, onnotice: () => {} });
    try {
      await expect(sql`delete from audit_log`).rejects.toThrow(/append-only|not allowed|refuse/i);
    } finally {
      await sql.end();
    }
  });

  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    if (!fs.existsSync(file)) await backupDatabase(source, file);
    const before = await fingerprint(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/is not empty/);
    expect(await fingerprint(source)).toEqual(before);
  });

  it("restores nothing from a damaged file", async () => {
    if (!fs.existsSync(file)) await backupDatabase(source, file);
    const damaged = path.join(dir, "damaged.dump");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await emptyDatabase("backup_damaged");
    await expect(restoreDatabase(target, damaged)).rejects.toThrow(/pg_restore failed/);
    expect(await fingerprint(target)).toEqual([]);
  });
});
