import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, inject, it } from "vitest";

/** Runs `npm start`'s script with the given environment; it must stop on its own with one sentence. */
function start(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, AUTH_SECRET: undefined, SEED_DEMO: undefined, ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function expectOneSentence(result: { code: number | null; output: string }, sentence: RegExp) {
  expect(result.code).toBe(1);
  expect(result.output).toMatch(sentence);
  expect(result.output).not.toMatch(/^\s+at /m); // no stack trace
}

describe("npm start refuses bad configuration with one clear sentence", () => {
  it("a malformed DATABASE_URL", async () => {
    expectOneSentence(await start({ DATABASE_URL: "not a url" }), /DATABASE_URL is not a valid URL/);
    expectOneSentence(await start({ DATABASE_URL: "mysql://x@y/z" }), /DATABASE_URL must start with postgres:\/\//);
  });

  it("an unreachable database", async () => {
    const result = await start({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/casefile" });
    expectOneSentence(result, /Cannot reach PostgreSQL at 127\.0\.0\.1:1\/casefile .*check DATABASE_URL/);
  });

  it("a missing AUTH_SECRET with DATABASE_URL (production)", async () => {
    const result = await start({ DATABASE_URL: inject("databaseUrl") });
    expectOneSentence(result, /AUTH_SECRET is not set: it is required with DATABASE_URL/);
  });

  it("a port already in use", async () => {
    const server = net.createServer().listen(0);
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const result = await start({
        DATABASE_URL: inject("databaseUrl"),
        AUTH_SECRET: "a-test-secret-that-is-long-enough-0123",
        PORT: String(port),
      });
      expectOneSentence(result, new RegExp(`Port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it("a PORT that is not a port", async () => {
    expectOneSentence(await start({ PORT: "eighty" }), /PORT must be a whole number from 1 to 65535/);
  });

  it("a heap limit that is no number of megabytes", async () => {
    expectOneSentence(
      await start({ CASEFILE_HEAP_MB: "lots" }),
      /CASEFILE_HEAP_MB must be a whole number of megabytes from 128 to 65536, got "lots"/,
    );
  });
});
