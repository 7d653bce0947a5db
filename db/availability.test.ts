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
  checking: Promise<boolean> | null;
}

const realUrl = process.env.DATABASE_URL;

/** A TCP server on a free port; close() also drops the connections it holds. */
async function listen(onConnection: (socket: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The next check opens a fresh probe connection to `url`. */
async function pointProbeAt(url: string) {
  const { casefileDbAvailability: state } = globalThis as unknown as { casefileDbAvailability: ProbeHolder };
  await state.checking?.catch(() => {}); // a check the last test's closing set off
  await state.probe?.end({ timeout: 0 });
  state.probe = null;
  process.env.DATABASE_URL = url;
}
afterAll(() => {
  process.env.DATABASE_URL = realUrl;
});

describe("database availability", () => {
  it("says up when PostgreSQL answers", async () => {
    expect(await checkDatabase()).toBe(true);
    expect(await databaseAvailable()).toBe(true);
  });

  it("does not call the database down when the event loop was blocked past the check's timeout", async () => {
    // PostgreSQL through a proxy that delivers its answers 100 ms late: after the loop is held past
    // the timeout, the answer is not in the socket yet when the overdue timer fires. Only a check
    // that counts the held time as the process's own waits for it.
    const target = new URL(realUrl as string);
    const proxy = await listen((client) => {
      const server = net.connect(Number(target.port || 5432), target.hostname);
      client.pipe(server);
      server.on("data", (chunk) => setTimeout(() => client.write(chunk), 100));
      const close = () => {
        client.destroy();
        server.destroy();
      };
      client.on("error", close).on("close", close);
      server.on("error", close).on("close", close);
    });
    try {
      const viaProxy = new URL(target);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      await pointProbeAt(viaProxy.href);
      expect(await checkDatabase()).toBe(true); // the probe's connection is open
      const check = checkDatabase();
      busy(3000);
      expect(await check).toBe(true);
      expect(await databaseAvailable()).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it("calls a server that accepts connections but never answers down, once the check times out", async () => {
    const silent = await listen(() => {}); // holds each connection open and says nothing
    try {
      await pointProbeAt(`postgres://postgres@127.0.0.1:${silent.port}/postgres`);

      const started = Date.now();
      expect(await checkDatabase()).toBe(false);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(2500);
      expect(elapsed).toBeLessThan(4000);
    } finally {
      await silent.close();
    }
  });
});
