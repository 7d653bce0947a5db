import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabase, databaseAvailable } from "./availability";

/** Blocks the event loop, as a request loading the server's chunks on its first render does. */
function busy(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
}

/** The part of the module's global state this test resets. */
interface ProbeHolder {
  probe: { end(options: { timeout: number }): Promise<void> } | null;
}

const realUrl = process.env.DATABASE_URL;
afterAll(() => {
  process.env.DATABASE_URL = realUrl;
});

describe("database availability", () => {
  it("says up when PostgreSQL answers", async () => {
    expect(await checkDatabase()).toBe(true);
    expect(await databaseAvailable()).toBe(true);
  });

  it("does not call the database down when the event loop was blocked past the check's timeout", async () => {
    expect(await checkDatabase()).toBe(true);
    const check = checkDatabase();
    // The loop is held for longer than the check's 1 s timeout, whether or not the query went out
    // before: when the loop turns, the timer is overdue, and that is the process's doing.
    busy(1500);
    expect(await check).toBe(true);
    expect(await databaseAvailable()).toBe(true);
  });

  it("calls a server that accepts connections but never answers down, within about a second", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket); // holds the connection open and says nothing
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      // A fresh probe client against the silent server.
      const { casefileDbAvailability: state } = globalThis as unknown as { casefileDbAvailability: ProbeHolder };
      await state.probe?.end({ timeout: 0 });
      state.probe = null;
      process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;

      const started = Date.now();
      expect(await checkDatabase()).toBe(false);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(1000);
      expect(elapsed).toBeLessThan(2500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
