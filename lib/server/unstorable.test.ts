import { describe, expect, it } from "vitest";
import { unstorablePaths } from "./unstorable";

describe("unstorablePaths", () => {
  it("finds NUL in nested values and keys, by dotted path", () => {
    expect(unstorablePaths({ ref: "DC-2024-0001", values: { summary: "a\u0000b", list: ["ok", "\u0000"] } })).toEqual([
      "values.summary",
      "values.list.1",
    ]);
    expect(unstorablePaths({ "x\u0000": 1 })).toEqual(["x\u0000"]);
    expect(unstorablePaths("\u0000")).toEqual(["_form"]);
  });

  it("passes everything else, Unicode edge cases included", () => {
    expect(unstorablePaths({ a: "백원순 \ud800 \u202e 👩‍👩‍👧", b: [1, null, true], c: { d: "" } })).toEqual([]);
  });
});
