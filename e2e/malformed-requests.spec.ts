/**
 * Requests no browser sends, which Next.js or Auth.js answered with a 500 until the reliability
 * fuzzer found them (npm run test:reliability): each is now a 4xx, without detail.
 */

import { signIn } from "../scripts/lib/bench/session";
import { expect, test } from "./fixtures";
import { callAction, manifestActions } from "./lib/server-actions";

const actionKey = "app/(portal)/cases/_form/actions.ts#findDuplicatesAction";

test("a Server Action body that is not JSON, not an argument list, or over 1 MB, is refused with 400 or 413", async ({
  request,
  baseURL,
}) => {
  const id = manifestActions().get(actionKey)?.id as string;
  const post = (data: string) =>
    request.post("/cases/new", {
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: baseURL as string },
      data,
      maxRedirects: 0,
    });
  for (const body of ["[{", "\u0000\u0001", '{"a":', '["$1"]', '[{"fullName":"$@1"}]', "null", '"text"', "12"])
    expect((await post(body)).status(), JSON.stringify(body)).toBe(400);
  expect((await post(`["${"A".repeat(1_100_000)}"]`)).status()).toBe(413);
});

test("a path whose percent-encoding is not UTF-8 is refused with 400", async ({ request }) => {
  for (const path of ["/api/auth/%ED%A0%80", "/api/auth/callback/%ED%A0%80", "/cases/%ED%A0%80", "/%FF"])
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
});

test("Auth.js endpoints refuse a malformed callbackUrl with 400", async ({ request }) => {
  for (const path of ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers"]) {
    const response = await request.get(`${path}?callbackUrl=${encodeURIComponent("javascript:alert(1)")}`);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).not.toContain("at ");
  }
  const viaCookie = await request.get("/api/auth/session", {
    headers: { cookie: "authjs.callback-url=%3Cimg%20src%3Dx%3E" },
  });
  expect(viaCookie.status()).toBe(400);
  expect((await request.get("/api/auth/csrf?callbackUrl=%2Fcases")).status()).toBe(200);
});

test("a NUL character in any field is a validation answer naming the field, not a server error", async ({
  request,
  baseURL,
  makeAccount,
}) => {
  const coordinator = await makeAccount("coordinator");
  const cookie = await signIn(baseURL as string, coordinator.email, coordinator.password);
  const outcome = await callAction(request, {
    id: manifestActions().get(actionKey)?.id as string,
    page: "/cases/new",
    args: [{ fullName: "Baek\u0000Won-soon" }],
    origin: baseURL as string,
    cookie,
  });
  expect(outcome.kind === "result" && outcome.value.code).toBe("VALIDATION");
  expect(outcome.kind === "result" && outcome.value.fieldErrors).toHaveProperty("fullName");
});
