import { describe, expect, it } from "vitest";
import { basicFold, buildSearchText, phoneticFold } from "./search";

describe("name folding", () => {
  it("strips accents, case and punctuation", () => {
    expect(basicFold("  Baek  Won-Soon ")).toBe("baek won soon");
    expect(basicFold("Jürgen Müller")).toBe("jurgen muller");
  });
  it("brings Korean romanization variants to one form", () => {
    expect(phoneticFold("Paek Won Sun")).toBe(phoneticFold("Baek Won-soon"));
    expect(phoneticFold("Paik Won-sun")).toBe(phoneticFold("Baek Won-soon"));
    expect(phoneticFold("Jeon Kyong-chol")).toBe(phoneticFold("Chon Kyong-chol"));
  });
  it("keeps different names apart", () => {
    expect(phoneticFold("Kim Ki-hyun")).not.toBe(phoneticFold("Baek Won-soon"));
  });
  it("builds search text with every name, its folded form, the native script and the reference", () => {
    const text = buildSearchText({
      ref: "DC-2024-0001",
      fullName: "Baek Won-soon",
      nativeName: "백원순",
      otherNames: ["Paek Won-soon"],
    });
    expect(text).toContain("baek won soon");
    expect(text).toContain("baekwonsoon");
    expect(text).toContain("백원순");
    expect(text).toContain("dc-2024-0001");
    expect(text).toContain(phoneticFold("Paek Won-soon"));
  });
});
