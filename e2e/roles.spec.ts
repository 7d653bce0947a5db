import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { caseLinks, cases } from "@/db/schema";
import { buildSearchText } from "@/lib/search";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

test("an admin creates an account; its temporary password must be changed at first sign-in", async ({
  browser,
  page,
  makeAccount,
}) => {
  const admin = await makeAccount("admin");
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId("accounts-table")).toBeVisible();
  const email = `new-${randomUUID().slice(0, 8)}@e2e.example.org`;
  await page.getByLabel("Name", { exact: true }).fill("Newly Made");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("caseworker");
  await page.getByRole("button", { name: "Create account" }).click();
  const shown = page.getByTestId("temporary-password");
  await expect(shown).toContainText(email);
  const temporary = ((await shown.locator("code").textContent()) ?? "").trim();
  expect(temporary).toHaveLength(20);

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await newcomer.goto("/sign-in");
  await signIn(newcomer, email, temporary);
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await expect(newcomer.getByText("Choose your own before you go on")).toBeVisible();
  await newcomer.goto("/cases");
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await newcomer.getByLabel("Current password").fill(temporary);
  await newcomer.getByLabel("New password", { exact: true }).fill("my-own-long-password");
  await newcomer.getByLabel("New password again").fill("my-own-long-password");
  await newcomer.getByRole("button", { name: "Change password" }).click();
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await expect(newcomer.getByText("Your password was changed")).toBeVisible();
  await signIn(newcomer, email, "my-own-long-password");
  await expect(newcomer).toHaveURL(/\/cases$/);
  await other.close();
});

test("a role change takes effect on the account's very next request", async ({ browser, page, makeAccount }) => {
  const admin = await makeAccount("admin");
  const coordinator = await makeAccount("coordinator");
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(them, coordinator.email, coordinator.password);
  await expect(them.getByRole("heading", { name: /All cases/ })).toBeVisible();

  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await signIn(page, admin.email, admin.password);
  const row = page.locator(`tr[data-account="${coordinator.email}"]`);
  await row.getByLabel(`Role for ${coordinator.email}`).selectOption("caseworker");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toContainText("Role changed");

  await them.reload();
  await expect(them.getByRole("heading", { name: /My cases/ })).toBeVisible();
  await theirs.close();
});

test("the audit log shows sign-ins and role changes with before and after, filtered by account", async ({
  page,
  makeAccount,
}) => {
  const admin = await makeAccount("admin");
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Faudit");
  await signIn(page, admin.email, admin.password);
  await page.getByLabel("Who").selectOption({ label: `${admin.name} (${admin.email})` });
  await page.getByLabel("Action").selectOption("sign_in");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("sign_in");
});

test("coordinators get no admin pages; caseworkers get no admin pages either", async ({ browser, makeAccount }) => {
  for (const role of ["coordinator", "caseworker"] as const) {
    const account = await makeAccount(role);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByTestId("main-nav").getByRole("link", { name: "Admin" })).toHaveCount(0);
    for (const path of ["/admin/users", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(404);
    }
    await context.close();
  }
});

test("a restricted case does not exist for a caseworker not assigned to it, not even as a link", async ({
  page,
  db,
  browser,
}) => {
  // caseworker2 may read Jun Kyung-chul's case; link it to the restricted 2004 case.
  const ref = `DC-2018-${String(1000 + Math.floor(Math.random() * 8999))}`;
  const fullName = `Linked Visible ${randomUUID().slice(0, 6)}`;
  const [visible] = await db
    .insert(cases)
    .values({ ref, fullName, searchText: buildSearchText({ ref, fullName }), detainingCountry: "RU" })
    .returning({ id: cases.id });
  const [restricted] = await db.select({ id: cases.id }).from(cases).where(eq(cases.ref, "DC-2004-0001"));
  const [a, b] = [visible?.id as string, restricted?.id as string].sort();
  await db.insert(caseLinks).values({ caseA: a as string, caseB: b as string, kind: "related" });

  await page.goto("/sign-in");
  await signIn(page, "caseworker2@example.org", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/cases$/);
  const direct = await page.goto("/cases/DC-2004-0001");
  expect(direct?.status()).toBe(404);
  await page.goto(`/cases/${ref}`);
  await expect(page.getByRole("heading", { name: fullName })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("DC-2004-0001");
  await page.goto("/cases?q=Vladivostok%20consulate");
  await expect(page.locator("body")).not.toContainText("DC-2004-0001");

  // The assigned caseworker, in a browser of their own, sees the link.
  const theirs = await browser.newContext();
  const assigned = await theirs.newPage();
  await assigned.goto("/sign-in");
  await signIn(assigned, "caseworker@example.org", DEMO_PASSWORD);
  await expect(assigned).toHaveURL(/\/cases$/);
  await assigned.goto(`/cases/${ref}`);
  await expect(assigned.locator("body")).toContainText("DC-2004-0001");
  await theirs.close();
});
