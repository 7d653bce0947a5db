/**
 * The case page on a long case: the record tables show their first 10 rows, sorted by the server as
 * the URL says, with "Show all" for the rest; the timeline shows 25 items a page; the timeline's
 * links keep the tables' state; and a coordinator assigns a caseworker from a list loaded when the
 * select shows.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseAssignments, cases, consularContacts } from "@/db/schema";
import { CONTACT_OUTCOMES } from "@/lib/domain";
import { buildSearchText } from "@/lib/search";
import { expect, signIn, type TestAccount, test } from "./fixtures";

async function signInAs(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
}

/** A case with 28 contacts, one a day from 1 to 28 March 2023, outcomes in turn. */
async function seedLongCase(db: Db, recorder: TestAccount) {
  const ref = `DC-1952-${String(100000 + Math.floor(Math.random() * 899999))}`;
  const fullName = `Tables Person ${randomUUID().slice(0, 6)}`;
  const [row] = await db
    .insert(cases)
    .values({ ref, fullName, searchText: buildSearchText({ ref, fullName }), detainingCountry: "RU" })
    .returning({ id: cases.id });
  const caseId = row?.id as string;
  await db.insert(consularContacts).values(
    Array.from({ length: 28 }, (_, i) => ({
      caseId,
      kind: "call" as const,
      counterpart: "authorities" as const,
      occurredOn: `2023-03-${String(i + 1).padStart(2, "0")}`,
      outcome: CONTACT_OUTCOMES[i % CONTACT_OUTCOMES.length] as (typeof CONTACT_OUTCOMES)[number],
      summary: `Call number ${i + 1}`,
      recordedBy: recorder.id,
    })),
  );
  return { caseId, ref };
}

const contactRows = (page: Page) => page.getByTestId("contacts-table").locator("tbody tr");

test("a long case's contacts: 10 newest first, sorted by the server, all on request; the timeline in pages", async ({
  page,
  makeAccount,
  db,
}) => {
  const coordinator = await makeAccount("coordinator");
  const { ref } = await seedLongCase(db, coordinator);
  await signInAs(page, coordinator);
  await page.goto(`/cases/${ref}`);

  // Newest first: 28 March down to 19 March; the 18 older ones wait behind "Show all".
  await expect(contactRows(page)).toHaveCount(10);
  await expect(contactRows(page).first()).toContainText("28 Mar 2023");
  await expect(contactRows(page).last()).toContainText("19 Mar 2023");
  await page.getByTestId("show-all-contacts").click();
  await expect(page).toHaveURL(/show=contacts/);
  await expect(contactRows(page)).toHaveCount(28);
  await expect(contactRows(page).last()).toContainText("1 Mar 2023");

  // Oldest first: the server sorts the whole table, not the rows it had sent.
  await page.getByTestId("show-all-contacts").click(); // "Show only the first 10"
  await expect(contactRows(page)).toHaveCount(10);
  await page.getByTestId("contacts-table").getByRole("button", { name: "Date" }).click();
  await expect(page).toHaveURL(/contactsSort=when\.asc/);
  await expect(contactRows(page).first()).toContainText("1 Mar 2023");
  await expect(contactRows(page).last()).toContainText("10 Mar 2023");
  await expect(page.getByTestId("contacts-table").locator("th[aria-sort=ascending]")).toContainText("Date");

  // The timeline: 25 items a page, newest first; its links keep the table's order.
  const items = page.getByTestId("timeline-item");
  await expect(items).toHaveCount(25);
  await expect(page.getByTestId("timeline-pages")).toContainText("Items 1–25 of 28");
  await page.getByTestId("timeline-next").click();
  await expect(page.getByTestId("timeline-pages")).toContainText("Items 26–28 of 28");
  await expect(items).toHaveCount(3);
  await expect(items.last().getByTestId("timeline-date")).toHaveText("1 Mar 2023");
  await expect(page).toHaveURL(/contactsSort=when\.asc/);
  await page.getByTestId("timeline-order").getByRole("link", { name: "Oldest first" }).click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(page).not.toHaveURL(/after=/);
  await expect(page).toHaveURL(/contactsSort=when\.asc/);
  await expect(items.first().getByTestId("timeline-date")).toHaveText("1 Mar 2023");
  await expect(contactRows(page).first()).toContainText("1 Mar 2023");

  // A sort value that is no column falls back to the default order instead of failing.
  await page.goto(`/cases/${ref}?contactsSort=nonsense.up`);
  await expect(contactRows(page).first()).toContainText("28 Mar 2023");
});

test("a coordinator assigns a caseworker from the list the select loads, and unassigns them", async ({
  page,
  makeAccount,
  db,
}) => {
  const coordinator = await makeAccount("coordinator");
  const worker = await makeAccount("caseworker");
  const { ref, caseId } = await seedLongCase(db, coordinator);
  await signInAs(page, coordinator);
  await page.goto(`/cases/${ref}`);

  const controls = page.getByTestId("assignment-controls");
  const select = controls.getByLabel("Choose a caseworker");
  await expect(select.locator("option", { hasText: worker.name })).toHaveCount(1);
  await select.selectOption({ label: worker.name });
  await controls.getByRole("button", { name: "Assign" }).click();
  await expect(controls.getByRole("button", { name: `Unassign ${worker.name}` })).toBeVisible();
  // An assigned caseworker is no longer offered.
  await expect(select.locator("option", { hasText: worker.name })).toHaveCount(0);
  const assigned = await db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId));
  expect(assigned.map((a) => a.accountId)).toEqual([worker.id]);

  await controls.getByRole("button", { name: `Unassign ${worker.name}` }).click();
  await expect(controls.getByRole("button", { name: `Unassign ${worker.name}` })).toHaveCount(0);
  await expect(select.locator("option", { hasText: worker.name })).toHaveCount(1);
});
