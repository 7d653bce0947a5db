import { DEMO_PASSWORD, deactivate, expect, signIn, test } from "./fixtures";

const NAV_BY_ROLE = [
  { email: "admin@example.org", role: "Admin", nav: ["Cases", "Contacts", "Petitions", "Dashboard", "Admin"] },
  { email: "coordinator@example.org", role: "Coordinator", nav: ["Cases", "Contacts", "Petitions", "Dashboard"] },
  { email: "caseworker@example.org", role: "Caseworker", nav: ["Cases", "Contacts", "Petitions", "Dashboard"] },
  { email: "caseworker2@example.org", role: "Caseworker", nav: ["Cases", "Contacts", "Petitions", "Dashboard"] },
];

for (const account of NAV_BY_ROLE) {
  test(`demo ${account.email} signs in and sees the navigation of a ${account.role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/cases$/);
    const nav = page.getByTestId("main-nav");
    await expect(nav.getByRole("link")).toHaveText(account.nav);
    await expect(page.getByTestId("signed-in-user")).toContainText(`(${account.role})`);
    await expect(page.getByTestId("cases-table")).toBeVisible();
  });
}

test("a wrong password and an unknown email get the same generic message", async ({ page, makeAccount }) => {
  const account = await makeAccount("caseworker");
  await page.goto("/sign-in");
  await signIn(page, account.email, "not-the-password");
  const error = page.getByTestId("sign-in-error");
  await expect(error).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, "nobody-at-all@e2e.example.org", "whatever-password");
  await expect(error).toHaveText("Email or password is incorrect.");
});

test("an empty form shows field errors and does not sign in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a signed-out visit to /cases lands on /sign-in and returns to /cases", async ({ page, makeAccount }) => {
  const account = await makeAccount("coordinator");
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcases$/);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { name: "Cases" })).toBeVisible();
});

test("a deep link survives sign-in: /dashboard comes back to /dashboard", async ({ page, makeAccount }) => {
  const account = await makeAccount("coordinator");
  await page.goto("/dashboard");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("an account deactivated in the database is signed out on its next request", async ({ page, makeAccount, db }) => {
  const account = await makeAccount("caseworker");
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);

  await deactivate(db, account.id);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  // And it cannot sign in again.
  await signIn(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
});

test("sign-out ends the session: the old session cookie no longer works", async ({ page, makeAccount, context }) => {
  const account = await makeAccount("caseworker");
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
  const before = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await context.addCookies(before);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a caseworker who types /admin/users gets no admin page", async ({ page, makeAccount }) => {
  const account = await makeAccount("caseworker");
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("accounts-table")).toHaveCount(0);
});

test("before the page's script runs, the sign-in form cannot be submitted (nothing typed ends up in a URL)", async ({
  browser,
  baseURL,
}) => {
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone@e2e.example.org");
  await page.getByLabel("Password").fill("a-secret-password");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.getByLabel("Password").press("Enter"); // implicit submission is blocked too
  await page.waitForTimeout(300);
  expect(page.url()).not.toContain("secret");
  expect(await page.getByRole("button", { name: "Sign in" }).evaluate((b) => b.closest("form")?.method)).toBe("post");
  await noScript.close();
});
