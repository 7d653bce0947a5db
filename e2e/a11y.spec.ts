import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

/**
 * The four pages the performance issue scores with Lighthouse, checked with axe-core against WCAG
 * 2.1 A and AA: no serious or critical violation. A failure lists each rule, its impact and the
 * elements it found, so that the fix can start from the message.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("sign-in has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("signed in as a coordinator", () => {
  test.beforeEach(async ({ page, makeAccount }) => {
    const account = await makeAccount("coordinator");
    await page.goto("/sign-in");
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/cases$/);
  });

  test("the cases list has no serious or critical accessibility violation", async ({ page }) => {
    await expect(page.getByTestId("cases-table")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a case page, with its record panel open, has no serious or critical accessibility violation", async ({
    page,
  }) => {
    await page.goto("/cases/DC-2024-0001");
    await expect(page.getByTestId("timeline")).toBeVisible();
    await page.getByTestId("panel-source").locator("summary").click();
    await expect(page.locator("#src-target option").nth(1)).toBeAttached();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the dashboard has no serious or critical accessibility violation", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
