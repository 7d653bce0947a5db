/**
 * The browser's render of each page matches the server's HTML: no hydration error, no uncaught
 * error. A mismatch makes React throw the server's HTML away and render the page again (React
 * error #418), which costs the user a blocked main thread and loses what they typed meanwhile.
 * Country names are the known trap: Chromium names Hong Kong, Macao and Palestine otherwise than
 * Node.js does, so the spec's case is held in Hong Kong by a national of Macao.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, insertCase, signIn, test } from "./fixtures";

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  return errors;
}

test("every portal page hydrates without an error, country names included", async ({ page, db, makeAccount }) => {
  const tag = randomUUID().slice(0, 6);
  const ref = `DC-2023-${String(7000 + Math.floor(Math.random() * 2000))}`;
  const fullName = `Hydration Person ${tag}`;
  await insertCase(db, {
    ref,
    fullName,
    nationality: "MO",
    detainingCountry: "HK",
    detainedOn: "2023-05-01",
    detainedPrecision: "day",
  });
  const coordinator = await makeAccount("coordinator");
  const errors = collectErrors(page);
  await page.goto("/sign-in");
  await signIn(page, coordinator.email, coordinator.password);
  await expect(page).toHaveURL(/\/cases$/);
  for (const path of [
    `/cases?q=${encodeURIComponent(fullName)}`,
    `/cases/${ref}`,
    `/cases/${ref}/edit`,
    "/cases/new",
    "/dashboard",
    "/dashboard?country=HK",
    "/contacts",
    "/petitions",
  ]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.locator("main").first()).toBeVisible();
  }
  await page.goto(`/cases?q=${encodeURIComponent(fullName)}`, { waitUntil: "networkidle" });
  await expect(page.getByTestId("cases-table")).toContainText(fullName);
  expect(errors).toEqual([]);
});
