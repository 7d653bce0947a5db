import { describe, expect, it } from "vitest";
import { nextStartArgs, serverNodeFlags } from "./next-server";

describe("the production server's Node flags", () => {
  it("cap the old space at CASEFILE_HEAP_MB (256 MB unset) and widen the young generation to 32 MB", () => {
    expect(serverNodeFlags({})).toEqual(["--max-old-space-size=256", "--max-semi-space-size=32"]);
    expect(serverNodeFlags({ CASEFILE_HEAP_MB: "512" })).toEqual([
      "--max-old-space-size=512",
      "--max-semi-space-size=32",
    ]);
  });

  it("leave each flag an operator set in NODE_OPTIONS to the operator", () => {
    expect(serverNodeFlags({ NODE_OPTIONS: "--max-old-space-size=1024" })).toEqual(["--max-semi-space-size=32"]);
    expect(serverNodeFlags({ NODE_OPTIONS: "--max-semi-space-size=8 --enable-source-maps" })).toEqual([
      "--max-old-space-size=256",
    ]);
    expect(serverNodeFlags({ NODE_OPTIONS: "--max-semi-space-size=64 --max-old-space-size=2048" })).toEqual([]);
  });

  it("refuse a bad CASEFILE_HEAP_MB even when NODE_OPTIONS sets the heap", () => {
    expect(() => serverNodeFlags({ CASEFILE_HEAP_MB: "lots" })).toThrow(/CASEFILE_HEAP_MB must be a whole number/);
    expect(() => serverNodeFlags({ CASEFILE_HEAP_MB: "64", NODE_OPTIONS: "--max-old-space-size=1024" })).toThrow(
      /from 128 to 65536, got "64"/,
    );
  });

  it("come before the server's script on the command line", () => {
    const args = nextStartArgs(3100, ["-H", "127.0.0.1"], {});
    expect(args.slice(0, 2)).toEqual(["--max-old-space-size=256", "--max-semi-space-size=32"]);
    expect(args[2]).toMatch(/scripts\/serve\.mjs$/);
    expect(args.slice(3)).toEqual(["-p", "3100", "--max-renders", "4", "-H", "127.0.0.1"]);
    expect(nextStartArgs(3100, [], { CASEFILE_MAX_RENDERS: "0" }).slice(3)).toEqual([
      "-p",
      "3100",
      "--max-renders",
      "0",
    ]);
  });

  it("refuse a bad CASEFILE_MAX_RENDERS before the server starts", () => {
    expect(() => nextStartArgs(3100, [], { CASEFILE_MAX_RENDERS: "-1" })).toThrow(
      /CASEFILE_MAX_RENDERS must be a whole number from 0 to 1000, got "-1"/,
    );
    expect(() => nextStartArgs(3100, [], { CASEFILE_MAX_RENDERS: "0" })).not.toThrow();
  });
});
