/**
 * Beyond one machine: a second production server on another port, sharing only the database and
 * AUTH_SECRET with the first (as two replicas behind a load balancer would). Sessions and lockouts
 * live in PostgreSQL, so each holds on both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { eq } from "drizzle-orm";
import { signInAttempts } from "@/db/schema";
import { nextStartArgs } from "../scripts/lib/next-server";
import { testDatabaseUrl } from "../scripts/test/databases";
import { expect, signIn, test } from "./fixtures";

let second: ChildProcess | undefined;
let secondUrl = "";
const output: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  second = spawn(process.execPath, nextStartArgs(port), {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: testDatabaseUrl("e2e"),
      CASEFILE_TEST_CLOCK: "1",
      // The same secret as the first server (scripts/test/e2e-server.ts), as replicas must share it.
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
    },
  });
  for (const stream of [second.stdout, second.stderr]) stream?.on("data", (c: Buffer) => output.push(c.toString()));
  // localhost, like the first server's baseURL: cookies belong to a host, not a port, so the browser
  // sends the same session cookie to both, as it would to one name in front of two replicas.
  secondUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${secondUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || second.exitCode !== null)
      throw new Error(`The second server did not start:\n${output.join("").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  second?.kill("SIGTERM");
});

test("a session made on one server works on the other, and signing out on the other ends it on both", async ({
  page,
  makeAccount,
  baseURL,
}) => {
  expect(new URL(secondUrl).port).not.toBe(new URL(baseURL as string).port);
  const account = await makeAccount("coordinator");
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);

  await page.goto(`${secondUrl}/dashboard`);
  await expect(page).toHaveURL(`${secondUrl}/dashboard`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const session = await page.context().cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The cookie from before sign-out, replayed against the first server, is refused there too.
  await page.context().addCookies(session);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a replayed session cookie signed out through one server is refused by the other", async ({
  browser,
  makeAccount,
  baseURL,
}) => {
  const account = await makeAccount("caseworker");
  const first = await browser.newContext({ baseURL });
  const page = await first.newPage();
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
  const session = await first.cookies();

  // A second browser holding a copy of the same cookie uses it on the second server…
  const copy = await browser.newContext();
  await copy.addCookies(session);
  const other = await copy.newPage();
  await other.goto(`${secondUrl}/cases`);
  await expect(other).toHaveURL(`${secondUrl}/cases`);

  // …until the owner signs out through the first server: then the second refuses it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await other.goto(`${secondUrl}/cases`);
  await expect(other).toHaveURL(/\/sign-in/);
  await first.close();
  await copy.close();
});

test("a lockout made through one server holds on the other", async ({ page, makeAccount, db }) => {
  const account = await makeAccount("caseworker");
  const failures = async () =>
    (await db.select({ id: signInAttempts.id }).from(signInAttempts).where(eq(signInAttempts.email, account.email)))
      .length;
  await page.goto("/sign-in");
  const error = page.getByTestId("sign-in-error");
  for (let i = 1; i <= 10; i++) {
    await signIn(page, account.email, `wrong-password-${i}`);
    await expect.poll(failures).toBe(i); // each attempt recorded before the next is made
  }
  await expect(error).toHaveText("Email or password is incorrect.");

  await page.goto(`${secondUrl}/sign-in`);
  await signIn(page, account.email, account.password);
  await expect(error).toHaveText(/Too many failed sign-ins/);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${secondUrl}/cases`);
  await expect(page).toHaveURL(/\/sign-in/);
});
