import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admission } from "./admission.mjs";

/** A server whose handler answers only when the test says so, behind the gate. */
async function gated(options: { limit: number; maxQueue: number }) {
  const gate = admission({ ...options, bypass: (url) => url === "/health" });
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  const server = http.createServer(
    gate.wrap((req, res) => {
      const url = req.url ?? "";
      started.push(url);
      pending.set(url, () => res.end(url));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string) =>
    fetch(base + path, { headers: { connection: "close" } }).then(async (r) => ({
      status: r.status,
      retryAfter: r.headers.get("retry-after"),
      body: await r.text(),
    }));
  const answer = (path: string) => pending.get(path)?.();
  const close = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { gate, base, started, get, answer, close };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("admission control", () => {
  it("handles at most `limit` requests at once and the rest in arrival order", async () => {
    const s = await gated({ limit: 2, maxQueue: 10 });
    close = s.close;
    const answers = ["/a", "/b", "/c", "/d"].map((p) => s.get(p));
    await until(() => s.gate.stats().queued === 2);
    expect(s.started).toEqual(["/a", "/b"]);
    expect(s.gate.stats()).toEqual({ active: 2, queued: 2 });

    s.answer("/b");
    await until(() => s.started.length === 3);
    expect(s.started[2]).toBe("/c"); // the first to wait, first in
    s.answer("/a");
    await until(() => s.started.length === 4);
    s.answer("/c");
    s.answer("/d");
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual(["/a", "/b", "/c", "/d"]);
    await until(() => s.gate.stats().active === 0);
  });

  it("lets bypassed requests through however busy it is", async () => {
    const s = await gated({ limit: 1, maxQueue: 10 });
    close = s.close;
    const first = s.get("/slow");
    await until(() => s.started.length === 1);
    const health = s.get("/health");
    await until(() => s.started.includes("/health"));
    s.answer("/health");
    expect(await health).toMatchObject({ status: 200, body: "/health" });
    expect(s.gate.stats()).toEqual({ active: 1, queued: 0 });
    s.answer("/slow");
    await first;
  });

  it("answers 503 with Retry-After once the queue is full, and handles nothing for it", async () => {
    const s = await gated({ limit: 1, maxQueue: 1 });
    close = s.close;
    const first = s.get("/1");
    await until(() => s.started.length === 1);
    const second = s.get("/2");
    await until(() => s.gate.stats().queued === 1);
    const refused = await s.get("/3");
    expect(refused).toMatchObject({ status: 503, retryAfter: "1" });
    expect(refused.body).toMatch(/busy/);
    s.answer("/1");
    await until(() => s.started.length === 2);
    s.answer("/2");
    expect([(await first).body, (await second).body]).toEqual(["/1", "/2"]);
    expect(s.started).toEqual(["/1", "/2"]); // never "/3"
  });

  it("skips a request whose client left while it waited, and frees the place of one that left mid-answer", async () => {
    const s = await gated({ limit: 1, maxQueue: 10 });
    close = s.close;
    const first = new AbortController();
    const leaving = fetch(`${s.base}/first`, { signal: first.signal }).catch(() => "aborted");
    await until(() => s.started.length === 1);
    const waiting = new AbortController();
    const gone = fetch(`${s.base}/gone`, { signal: waiting.signal }).catch(() => "aborted");
    await until(() => s.gate.stats().queued === 1);
    waiting.abort();
    expect(await gone).toBe("aborted");
    const last = s.get("/last");
    await until(() => s.gate.stats().queued === 2);
    first.abort(); // the answer in hand is never sent: its place is freed when the socket closes
    expect(await leaving).toBe("aborted");
    await until(() => s.started.includes("/last"));
    expect(s.started).toEqual(["/first", "/last"]);
    s.answer("/last");
    expect((await last).body).toBe("/last");
  });
});
