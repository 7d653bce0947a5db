import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Db } from "@/db/client";
import { cases, petitions } from "@/db/schema";
import type { CaseStatus } from "@/lib/domain";
import { buildSearchText } from "@/lib/search";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

/**
 * Rows a spec adds are restricted, closed and unassigned, with a place of their own: only
 * coordinators and admins see them, no dashboard counts them, and the facility filter (which
 * matches the city) scopes a view to one spec's rows.
 */
async function seedCases(db: Db, count: number, status: (i: number) => CaseStatus) {
  const city = `E2E-${randomUUID().slice(0, 8)}`;
  const serial = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
  const rows = Array.from({ length: count }, (_, i) => {
    const ref = `DC-6${serial.slice(0, 3)}-${serial.slice(3)}${String(i).padStart(2, "0")}`;
    const fullName = `Pager ${String(i).padStart(2, "0")} ${city}`;
    return {
      ref,
      fullName,
      searchText: buildSearchText({ ref, fullName }),
      detainingCountry: "RU",
      facilityCity: city,
      status: status(i),
      isOpen: false,
      restricted: true,
    };
  });
  const inserted = await db.insert(cases).values(rows).returning({ id: cases.id, ref: cases.ref });
  return { city, refs: inserted.map((r) => r.ref).sort(), ids: inserted.map((r) => r.id) };
}

const table = (page: Page) => page.getByTestId("cases-table");
const bodyRows = (page: Page) => table(page).locator("tbody tr");
const firstRef = (page: Page) => bodyRows(page).first().locator("td").first();
const search = (page: Page) => page.getByRole("searchbox", { name: "Search cases by name or reference" });
const toolbar = (page: Page) => page.getByTestId("data-table-toolbar");

async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/cases$/);
}

test("searching 'Paek Won Sun' finds Baek Won-soon (DC-2024-0001) first", async ({ page, makeAccount }) => {
  const account = await makeAccount("coordinator");
  await signInAs(page, account.email, account.password);
  await search(page).fill("Paek Won Sun");
  await expect(page).toHaveURL(/[?&]q=Paek/);
  await expectBestMatch(page, "DC-2024-0001", /(Baek|Paek|Paik) ?Won/i);

  await search(page).fill("Jeon Kyong-chol");
  await expectBestMatch(page, "DC-2017-0001", /(Jun|Jeon|Chon) ?(Kyung|Kyong|Gyong)/i);
});

/**
 * The case is found, and only other spellings of the same name rank above it: specs running in
 * parallel may add their own Baek/Paek cases, which are just as right to come first.
 */
async function expectBestMatch(page: Page, ref: string, sameName: RegExp) {
  await expect(bodyRows(page).filter({ hasText: ref })).toHaveCount(1);
  const rows = await bodyRows(page).allTextContents();
  const at = rows.findIndex((row) => row.includes(ref));
  expect(at).toBeGreaterThanOrEqual(0);
  for (const row of rows.slice(0, at + 1)) expect(row).toMatch(sameName);
}

test("a status filter changes the URL and goes back to the first page", async ({ page, makeAccount, db }) => {
  const account = await makeAccount("coordinator");
  // 20 charged, then 10 detained: by name, the first page (25) holds all charged and 5 detained.
  const seeded = await seedCases(db, 30, (i) => (i % 3 === 2 ? "detained" : "charged"));
  await signInAs(page, account.email, account.password);
  await page.goto(`/cases?facility=${seeded.city}&sort=ref.asc`);
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(page.getByTestId("data-table-total")).toHaveText("30 results");
  await expect(firstRef(page)).toHaveText(seeded.refs[0] ?? "");

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(bodyRows(page)).toHaveCount(5);
  await expect(firstRef(page)).toHaveText(seeded.refs[25] ?? "");

  await toolbar(page).getByRole("button", { name: "Status" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Detained" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]status=detained/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByTestId("data-table-total")).toHaveText("10 results");
  const detained = seeded.refs.filter((_, i) => i % 3 === 2);
  await expect(firstRef(page)).toHaveText(detained[0] ?? "");
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();
});

test("the URL reproduces the view in a new page, and back/forward step through views", async ({
  page,
  context,
  makeAccount,
  db,
}) => {
  const account = await makeAccount("coordinator");
  const seeded = await seedCases(db, 6, (i) => (i < 3 ? "charged" : "on_trial"));
  await signInAs(page, account.email, account.password);
  await page.goto(`/cases?facility=${seeded.city}`);
  await expect(bodyRows(page)).toHaveCount(6);

  // Sort by reference, descending: two clicks on the header.
  const refHeader = table(page).getByRole("columnheader", { name: "Reference" });
  await refHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=ref\.asc/);
  await expect(refHeader).toHaveAttribute("aria-sort", "ascending");
  await refHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=ref\.desc/);
  await expect(refHeader).toHaveAttribute("aria-sort", "descending");
  await expect(firstRef(page)).toHaveText(seeded.refs[5] ?? "");

  await toolbar(page).getByRole("button", { name: "Status" }).click();
  await page.getByRole("menuitemcheckbox", { name: "On trial" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/status=on_trial/);
  await expect(bodyRows(page)).toHaveCount(3);
  const view = await bodyRows(page).locator("td:first-child").allTextContents();

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(bodyRows(other)).toHaveCount(3);
  expect(await bodyRows(other).locator("td:first-child").allTextContents()).toEqual(view);
  await expect(table(other).getByRole("columnheader", { name: "Reference" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(toolbar(other).getByRole("button", { name: /Status/ })).toContainText("On trial");
  await other.close();

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(bodyRows(page)).toHaveCount(6);
  await page.goBack();
  await expect(page).toHaveURL(/sort=ref\.asc/);
  await expect(firstRef(page)).toHaveText(seeded.refs[0] ?? "");
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/status=on_trial/);
  await expect(bodyRows(page)).toHaveCount(3);
});

test("changes made faster than the server answers never leave Back showing another view's rows", async ({
  page,
  context,
  makeAccount,
  db,
}) => {
  const account = await makeAccount("coordinator");
  const seeded = await seedCases(db, 6, (i) => (i % 2 ? "charged" : "on_trial"));
  await signInAs(page, account.email, account.password);
  await page.goto(`/cases?facility=${seeded.city}`);
  await expect(bodyRows(page)).toHaveCount(6);
  const button = table(page).getByRole("columnheader", { name: "Reference" }).getByRole("button");
  await button.click();
  await button.click(); // before the first answer arrives
  await expect(page).toHaveURL(/sort=ref\.desc/);
  await expect(firstRef(page)).toHaveText(seeded.refs[5] ?? "");

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=ref\.desc/);
  // Whatever entry Back lands on, its rows are the rows its URL gives in a fresh page.
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expect(bodyRows(fresh).first()).toBeVisible();
  const expected = await bodyRows(fresh).locator("td:first-child").allTextContents();
  await fresh.close();
  await expect(bodyRows(page).locator("td:first-child")).toHaveText(expected);
});

test("a search with no match shows the empty state, and 'Clear filters' brings the list back", async ({
  page,
  makeAccount,
}) => {
  const account = await makeAccount("coordinator");
  await signInAs(page, account.email, account.password);
  await search(page).fill("Xqzv Wqxj");
  await expect(page).toHaveURL(/[?&]q=Xqzv/);
  const empty = page.getByTestId("data-table-empty");
  await expect(empty).toContainText("Nothing matches");
  await expect(page.getByTestId("data-table-total")).toHaveText("No results");
  await empty.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(search(page)).toHaveValue("");
  await expect(table(page)).toContainText("DC-2024-0001");
});

test("caseworker2 never sees the restricted DC-2004-0001; caseworker, assigned to it, does", async ({ page }) => {
  await signInAs(page, "caseworker2@example.org");
  await expect(table(page)).toContainText("DC-2024-0001");
  await expect(table(page)).not.toContainText("DC-2004-0001");
  // No restricted filter for a role that does not see restricted cases by role…
  await expect(toolbar(page).getByRole("combobox", { name: "Restricted cases" })).toHaveCount(0);
  await search(page).fill("Unidentified North Korean defector");
  await expect(page).toHaveURL(/[?&]q=Unidentified/);
  await expect(page.getByTestId("data-table-empty")).toBeVisible();
  await expect(table(page)).not.toContainText("DC-2004-0001");
  // …and the URL alone does not get around the query's authorization.
  await page.goto("/cases?restricted=only&q=DC-2004-0001");
  await expect(page.getByTestId("data-table-empty")).toBeVisible();
  await expect(page.getByTestId("data-table-total")).toHaveText("No results");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInAs(page, "caseworker@example.org");
  await search(page).fill("DC-2004-0001");
  await expect(table(page)).toContainText("DC-2004-0001");
  await search(page).fill("Unidentified North Korean defector");
  await expect(firstRef(page)).toHaveText("DC-2004-0001");
});

test("/contacts and /petitions render and show their overdue views", async ({ page, makeAccount, db }) => {
  const account = await makeAccount("coordinator");
  const seeded = await seedCases(db, 1, () => "case_closed");
  const caseId = seeded.ids[0] ?? "";
  await db.insert(petitions).values({
    caseId,
    petitioner: `Overdue petitioner ${seeded.city}`,
    addressee: "Ministry of Foreign Affairs",
    asks: "release",
    state: "submitted",
    filedOn: "2024-03-01",
    filedPrecision: "day",
    answerDue: "2024-04-01",
    recordedBy: account.id,
  });
  await signInAs(page, account.email, account.password);

  // Baek's consular-support contact asked for a follow-up on 1 April 2024: long overdue.
  await page.goto("/contacts");
  await expect(page.getByRole("heading", { name: "Consular contacts" })).toBeVisible();
  await expect(page.getByTestId("contacts-table")).toContainText("Baek Won-soon");
  await page.getByRole("link", { name: "Overdue follow-ups" }).click();
  await expect(page).toHaveURL(/followUp=overdue/);
  const contacts = page.getByTestId("contacts-table");
  await expect(contacts).toContainText("DC-2024-0001");
  await expect(contacts).toContainText("days overdue");
  await expect(contacts).not.toContainText("Ambassador Lee Do-hoon"); // the meeting asked for no follow-up

  await page.goto("/petitions");
  await expect(page.getByRole("heading", { name: "Petitions" })).toBeVisible();
  await page.getByRole("link", { name: "Answers overdue" }).click();
  await expect(page).toHaveURL(/answer=overdue/);
  const list = page.getByTestId("petitions-table");
  await expect(list).toContainText(`Overdue petitioner ${seeded.city}`);
  await expect(list).toContainText("days overdue");
  // The demo petitions await an answer but have no due date: not overdue.
  await expect(list).not.toContainText("Global Love Rice Sharing Foundation");
});
