import { describe, expect, it } from "vitest";
import { checkDatabase, databaseAvailable } from "./availability";

/** Blocks the event loop, as a request loading the server's chunks on its first render does. */
function busy(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
}

describe("database availability", () => {
  it("says up when PostgreSQL answers", async () => {
    expect(await checkDatabase()).toBe(true);
    expect(await databaseAvailable()).toBe(true);
  });

  it("does not call the database down when the answer came while the event loop was blocked past the check's timeout", async () => {
    expect(await checkDatabase()).toBe(true); // the probe's connection is open
    const check = checkDatabase();
    // The query goes out (postgres.js writes it from a microtask) and PostgreSQL answers into the
    // socket while the loop is blocked for longer than the check's 1 s timeout: when the loop turns,
    // the timer and the answer are both due.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    busy(1500);
    expect(await check).toBe(true);
    expect(await databaseAvailable()).toBe(true);
  });
});
