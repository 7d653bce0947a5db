import { expect, test } from "./fixtures";

test("every page carries a nonce-based CSP and the other security headers", async ({ page, request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(h["x-content-type-options"]).toBe("nosniff");

  // Every inline script Next.js writes carries this response's nonce.
  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? "");
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attrs of inlineScripts) expect(attrs).toContain(`nonce="${nonce}"`);

  // Two requests, two nonces.
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  // And the page runs under it: the sign-in form hydrates and validates on the client.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  expect(violations).toEqual([]);
});

async function sessionCookie(
  request: import("@playwright/test").APIRequestContext,
  headers: Record<string, string> = {},
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { email: "coordinator@example.org", password: "casefile-demo", csrfToken },
    maxRedirects: 0,
  });
  return (
    response.headersArray().filter((x) => x.name.toLowerCase() === "set-cookie" && /session-token=/.test(x.value))[0]
      ?.value ?? ""
  );
}

test("the session cookie is HttpOnly and SameSite=Lax, and Secure over HTTPS", async ({ playwright, baseURL }) => {
  const plain = await playwright.request.newContext({ baseURL });
  const cookie = await sessionCookie(plain);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  await plain.dispose();

  const https = await playwright.request.newContext({ baseURL });
  const secure = await sessionCookie(https, { "x-forwarded-proto": "https" });
  expect(secure).toMatch(/^__Secure-authjs\.session-token=/);
  expect(secure).toMatch(/;\s*Secure/i);
  expect(secure).toMatch(/HttpOnly/i);
  await https.dispose();
});

test("a Server Action called cross-site, with Origin null, or without an Origin is refused", async ({
  request,
  baseURL,
}) => {
  const call = (origin: string | undefined) =>
    request.post("/sign-in", {
      headers: {
        "next-action": "0000000000000000000000000000000000000000",
        "content-type": "text/plain;charset=UTF-8",
        ...(origin === undefined ? {} : { origin }),
      },
      data: JSON.stringify([{ email: "coordinator@example.org", password: "casefile-demo" }]),
      maxRedirects: 0,
    });
  expect((await call("https://evil.example.com")).status()).toBe(403);
  expect((await call("null")).status()).toBe(403);
  expect((await call(undefined)).status()).toBe(403);
  // Same origin gets past the check (and then fails only because the action id is made up).
  expect((await call(baseURL)).status()).not.toBe(403);
});
