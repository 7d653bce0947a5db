import { describe, expect, it } from "vitest";
import { hasAcceptableCallbackUrls, isAcceptableCallbackUrl } from "./callback-url";

const origin = "http://localhost:3000";

describe("callback URLs handed to Auth.js", () => {
  it("accepts paths and http(s) URLs, as Auth.js does", () => {
    expect(isAcceptableCallbackUrl("/cases", origin)).toBe(true);
    expect(isAcceptableCallbackUrl("https://example.org/x", origin)).toBe(true);
  });

  // Found by the reliability fuzzer: Auth.js answered these with 500 instead of refusing them.
  it("refuses what Auth.js would turn into a 500", () => {
    expect(isAcceptableCallbackUrl("<img src=x onerror=alert(1)>", origin)).toBe(false);
    expect(isAcceptableCallbackUrl("javascript:alert(1)", origin)).toBe(false);
    expect(hasAcceptableCallbackUrls(new Request(`${origin}/api/auth/csrf?callbackUrl=javascript:alert(1)`))).toBe(
      false,
    );
    expect(
      hasAcceptableCallbackUrls(
        new Request(`${origin}/api/auth/session`, { headers: { cookie: "authjs.callback-url=%3Cimg%3E" } }),
      ),
    ).toBe(false);
    expect(hasAcceptableCallbackUrls(new Request(`${origin}/api/auth/session?callbackUrl=%2Fcases`))).toBe(true);
  });
});
