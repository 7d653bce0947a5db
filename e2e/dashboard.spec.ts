import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, expect, insertCase, signIn, test } from "./fixtures";

/** The server's "today" for this browser context (honoured by the e2e server only). */
async function setToday(context: import("@playwright/test").BrowserContext, baseURL: string, day: string) {
  await context.addCookies([{ name: "casefile-today", value: day, url: baseURL }]);
}

test("on 1 June 2024 the coordinator sees Baek Won-soon's 15 June deadline with 14 days left", async ({
  page,
  context,
  baseURL,
}) => {
  await setToday(context, baseURL as string, "2024-06-01");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, "coordinator@example.org", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-today")).toContainText("1 Jun 2024");
  // The list shows its first rows; other specs' cases may come before Baek's: open it in full.
  const more = page.getByTestId("deadlines-more");
  if (await more.count()) await more.click();
  const row = page.getByTestId("deadlines").locator('tr[data-ref="DC-2024-0001"]');
  await expect(row).toContainText("Baek Won-soon");
  await expect(row).toContainText("15 Jun 2024");
  await expect(row).toContainText("14 days left");
});

test("a case 31 days without consular contact is listed as quiet", async ({
  page,
  context,
  baseURL,
  db,
  makeAccount,
}) => {
  const ref = `DC-2024-${String(5000 + Math.floor(Math.random() * 4000))}`;
  const fullName = `Quiet Person ${randomUUID().slice(0, 6)}`;
  await insertCase(db, {
    ref,
    fullName,
    detainingCountry: "RU",
    detainedOn: "2024-03-01",
    detainedPrecision: "day",
    lastContactOn: "2024-05-01",
  });
  const coordinator = await makeAccount("coordinator");
  await setToday(context, baseURL as string, "2024-06-01");
  // The whole list (the dashboard shows its first rows only), straight after signing in.
  await page.goto("/sign-in?callbackUrl=%2Fdashboard%3Fshow%3Dquiet");
  await signIn(page, coordinator.email, coordinator.password);
  await expect(page).toHaveURL(/\/dashboard\?show=quiet/);
  const quietRow = page.getByTestId("quiet").locator(`tr[data-ref="${ref}"]`);
  await expect(quietRow).toContainText(fullName);
  await expect(quietRow).toContainText("31 days");
  // One day less silence is not quiet.
  await setToday(context, baseURL as string, "2024-05-31");
  await page.reload();
  await expect(page.getByTestId("quiet").locator(`tr[data-ref="${ref}"]`)).toHaveCount(0);
});

test("clicking a status count lands on the cases table filtered by that status", async ({ page, makeAccount }) => {
  const coordinator = await makeAccount("coordinator");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, coordinator.email, coordinator.password);
  const statusTable = page.getByTestId("by-status");
  const row = statusTable.getByRole("row", { name: /Detention extended/ });
  const count = Number(await row.getByRole("link").textContent());
  expect(count).toBeGreaterThan(0);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/cases\?.*status=detention_extended/);
  await expect(page.getByRole("link", { name: "Baek Won-soon" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Jun Kyung-chul/ })).toHaveCount(0);
});

test("a figure's chart, drawn once on screen, has a bar per row of its table, and a bar opens that row's list", async ({
  page,
  makeAccount,
}) => {
  const coordinator = await makeAccount("coordinator");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, coordinator.email, coordinator.password);
  const card = page.getByTestId("by-status");
  const links = card.locator("tbody tr").getByRole("link");
  const bars = card.getByTestId("bar-chart").locator(".recharts-bar-rectangle");
  await card.scrollIntoViewIfNeeded();
  await expect(bars).toHaveCount(await links.count());
  const firstHref = await links.first().getAttribute("href");
  await bars.first().click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === firstHref);
});

test("the detentions per month open as a table of the last 24 months, the month of 'today' last", async ({
  page,
  context,
  baseURL,
  makeAccount,
}) => {
  await setToday(context, baseURL as string, "2024-06-01");
  const coordinator = await makeAccount("coordinator");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, coordinator.email, coordinator.password);
  const card = page.getByTestId("per-month");
  const rows = card.locator("tbody tr");
  await expect(rows).toHaveCount(0); // built on request, not on every visit
  await card.getByText("Show as a table").click();
  await expect(rows).toHaveCount(24);
  await expect(rows.first()).toContainText("2022-07");
  await expect(rows.last()).toContainText("2024-06");
});

test("a caseworker's dashboard shows only their own cases", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, "caseworker2@example.org", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: /My cases/ })).toBeVisible();
  // caseworker2 is assigned Jun Kyung-chul only: Baek's case and the restricted 2004 case are absent.
  await expect(page.getByText("Baek Won-soon")).toHaveCount(0);
  await expect(page.getByText("DC-2004-0001")).toHaveCount(0);
  await expect(page.getByTestId("high-risk")).toContainText("Jun Kyung-chul");
});

test("a place of detention's count lands on the cases held in exactly that place", async ({ page, makeAccount }) => {
  const coordinator = await makeAccount("coordinator");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await signIn(page, coordinator.email, coordinator.password);
  const row = page
    .getByTestId("by-facility")
    .getByRole("row", { name: /Lefortovo pre-trial detention centre, Moscow/ });
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/cases\?.*place=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("place")).toBe("Lefortovo pre-trial detention centre");
  expect(url.searchParams.get("city")).toBe("Moscow");
  await expect(page.getByRole("link", { name: "Baek Won-soon" })).toBeVisible();
});

test("long lists show their first rows, and all of them on request", async ({ page, makeAccount }) => {
  // Every active caseworker has a caseload row: eleven more make sure the list is longer than 10.
  for (let i = 0; i < 11; i++) await makeAccount("caseworker");
  const coordinator = await makeAccount("coordinator");
  await page.goto("/sign-in?callbackUrl=%2Fdashboard%3Fshow%3Dcaseload");
  await signIn(page, coordinator.email, coordinator.password);
  const rows = page.getByTestId("caseload").locator("tbody tr");
  const more = page.getByTestId("caseload-more");
  await expect(more).toHaveText(/Show the first 10/);
  const all = await rows.count();
  expect(all).toBeGreaterThan(10);
  await more.click();
  await expect(rows).toHaveCount(10);
  await page.getByTestId("caseload-more").click();
  await expect(rows).toHaveCount(all);
});
