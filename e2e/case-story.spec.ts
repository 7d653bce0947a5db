/**
 * A caseworker enters the Baek Won-soon story (seeds 000 and 001) through the UI from scratch:
 * opens the case, records the arrest, the transfer and the court's extension (with its deadline),
 * logs the ambassador's meeting, adds the foundation's two petitions, and reads it all back in
 * date order. Then bad input is refused beside the field with nothing written, and a retracted item
 * stays on the timeline, struck through, with its reason.
 */
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseAssignments, caseNotes, cases, statusChanges } from "@/db/schema";
import { buildSearchText } from "@/lib/search";
import { expect, signIn, type TestAccount, test } from "./fixtures";

async function signInAs(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/cases$/);
}

/** Opens one of the case page's "Add to the record" panels and returns its form. */
async function openPanel(page: Page, panel: string, title: string, formTestId: string): Promise<Locator> {
  const details = page.getByTestId(`panel-${panel}`);
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await details.getByText(title, { exact: true }).click();
  }
  return details.getByTestId(formTestId);
}

interface DateParts {
  year: string;
  month?: string;
  day?: string;
  part?: "early" | "mid" | "late";
  approx?: boolean;
}

/** Fills a PartialDateInput whose legend is `label`. */
async function fillDate(form: Locator, label: string, d: DateParts) {
  await form.getByLabel(`${label}: Year`).fill(d.year);
  await form.getByLabel(`${label}: Month`).selectOption(d.month ? { label: d.month } : { value: "" });
  await form.getByLabel(`${label}: Day`).fill(d.day ?? "");
  await form.getByLabel(`${label}: Part`).selectOption(d.part ?? "");
  const approx = form.locator(`fieldset:has(legend:text-is("${label}")) input[type=checkbox]`);
  if (d.approx) await approx.check();
  else await approx.uncheck();
}

async function recordStatus(
  page: Page,
  input: { status: string; when: DateParts; place?: string; deadline?: string; note?: string },
) {
  const form = await openPanel(page, "status", "Record a status change", "status-change-form");
  await form.getByLabel("Status", { exact: true }).selectOption({ label: input.status });
  await fillDate(form, "When it happened", input.when);
  await form.getByLabel("Place", { exact: true }).fill(input.place ?? "");
  await form.getByLabel("Deadline", { exact: true }).fill(input.deadline ?? "");
  await form.getByLabel("Note", { exact: true }).fill(input.note ?? "");
  await form.getByRole("button", { name: "Record status change" }).click();
}

const items = (page: Page) => page.getByTestId("timeline").getByTestId("timeline-item");

/** A case straight in the database, assigned to the caseworker: for the tests that are not about opening one. */
async function seedCase(db: Db, account: TestAccount) {
  const ref = `DC-1951-${String(100000 + Math.floor(Math.random() * 899999))}`;
  const fullName = `Story Person ${randomUUID().slice(0, 6)}`;
  const [row] = await db
    .insert(cases)
    .values({
      ref,
      fullName,
      searchText: buildSearchText({ ref, fullName }),
      detainingCountry: "RU",
      nationality: "KR",
    })
    .returning({ id: cases.id });
  const id = row?.id as string;
  await db.insert(caseAssignments).values({ caseId: id, accountId: account.id });
  return { id, ref };
}

test("a caseworker enters the Baek Won-soon story and reads it back in date order", async ({
  page,
  context,
  baseURL,
  makeAccount,
  db,
}) => {
  test.setTimeout(120_000);
  const worker = await makeAccount("caseworker");
  await signInAs(page, worker);

  // Open the case (a spelling variant of the demo case's name: the duplicate warning may show; it does not block).
  const tag = randomUUID().slice(0, 4);
  const name = `Paek Won-sun ${tag}`;
  await page.goto("/cases/new");
  // Typed before hydration, react-hook-form's register resets a field to its default: wait for the
  // submit button, which is enabled once the form is hydrated (lib/use-hydrated.ts).
  await expect(page.getByRole("button", { name: "Open case" })).toBeEnabled();
  await page.getByLabel("Name (as commonly romanized)").fill(name);
  await page.getByLabel("Name in original script").fill("백원순");
  await page.getByLabel("Nationality").selectOption({ label: "South Korea" });
  await page.getByLabel("Detaining country").selectOption({ label: "Russia" });
  await page.getByLabel("Date detained: Year").fill("2024");
  await page.getByLabel("Date detained: Part").selectOption("early");
  await page.getByLabel("Place of detention (facility)").fill("Lefortovo pre-trial detention centre");
  await page.getByLabel("City").fill("Moscow");
  await page.getByLabel("Allegations or charges").fill("Espionage (details classified top secret)");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page).toHaveURL(/\/cases\/DC-2024-\d{4,}\?saved=1$/, { timeout: 30_000 });
  await expect(page.getByTestId("saved-banner")).toHaveText("Saved.");
  const ref = ((await page.getByTestId("case-ref").textContent()) ?? "").trim();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByTestId("assigned-slot")).toContainText(worker.name);
  await expect(page.getByRole("link", { name: "Edit case" })).toBeVisible();

  // Status changes, entered as the news came in.
  await recordStatus(page, {
    status: "Detained",
    when: { year: "2024", part: "early", approx: true },
    place: "Vladivostok",
    note: "Arrested soon after entering Russia overland from China (TASS, Yonhap).",
  });
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByTestId("status-change-form").getByTestId("form-saved")).toHaveText("Saved.");
  await recordStatus(page, {
    status: "Under investigation",
    when: { year: "2024", month: "February", part: "late", approx: true },
    place: "Lefortovo pre-trial detention centre, Moscow",
    note: "Transferred to Moscow for investigation.",
  });
  await expect(items(page)).toHaveCount(2);
  await recordStatus(page, {
    status: "Detention extended",
    when: { year: "2024", month: "March", part: "early", approx: true },
    place: "Moscow",
    deadline: "2024-06-15",
    note: "A Russian court extended his detention until 15 June.",
  });
  await expect(items(page)).toHaveCount(3);
  await expect(page.getByTestId("case-status")).toHaveText("Detention extended");

  // The ambassador's meeting with the deputy foreign minister.
  const contact = await openPanel(page, "contact", "Log a consular contact", "contact-form");
  await contact.getByLabel("Kind of contact").selectOption({ label: "Meeting with officials" });
  await contact.getByLabel("With whom").selectOption("authorities");
  await fillDate(contact, "When", { year: "2024", month: "March", part: "mid", approx: true });
  await contact.getByLabel("Outcome").selectOption("pending");
  await contact.getByLabel("Our side").fill("Ambassador Lee Do-hoon");
  await contact.getByLabel("Their side").fill("Deputy Foreign Minister Andrey Rudenko");
  await contact
    .getByLabel("Summary")
    .fill("Asked Russia to cooperate in protecting Baek's well-being and rights; the embassy requested the meeting.");
  await contact.getByRole("button", { name: "Log contact" }).click();
  await expect(items(page)).toHaveCount(4);
  await expect(contact.getByTestId("form-saved")).toHaveText("Saved.");

  // The foundation's two petitions.
  const petition = await openPanel(page, "petition", "Add a petition", "petition-form");
  for (const [addressee, count] of [
    ["Ministry of Foreign Affairs of the Republic of Korea", 5],
    ["Embassy of the Russian Federation in Seoul", 6],
  ] as const) {
    await petition.getByLabel("Petitioner").fill("Global Love Rice Sharing Foundation");
    await petition.getByLabel("Addressed to").fill(addressee);
    await petition.getByLabel("What it asks").selectOption("release");
    await petition.getByLabel("State", { exact: true }).selectOption("submitted");
    await fillDate(petition, "Date filed", { year: "2024", month: "March", part: "late", approx: true });
    await petition.getByRole("button", { name: "Add petition" }).click();
    await expect(items(page)).toHaveCount(count);
  }

  // TASS's report, attached to the extension it reported.
  const source = await openPanel(page, "source", "Add a source", "source-form");
  await source.getByLabel("Kind of source").selectOption("news_agency");
  await source.getByLabel("Title").fill("TASS: South Korean citizen arrested in Vladivostok on espionage charges");
  await source.getByLabel("Publisher").fill("TASS");
  await fillDate(source, "Date published", { year: "2024", month: "March" });
  await source.getByLabel("Link").fill("https://tass.example/espionage-report");
  await source.getByLabel("Supports").selectOption({ label: "Status: Detention extended, early Mar 2024" });
  await source.getByRole("button", { name: "Add source" }).click();
  await expect(source.getByTestId("form-saved")).toHaveText("Saved.");
  const extension = items(page).filter({ hasText: "Detention extended" });
  await expect(
    extension.getByTestId("item-sources").getByRole("link", { name: /^TASS: South Korean citizen/ }),
  ).toHaveAttribute("href", "https://tass.example/espionage-report");

  // The timeline, oldest first: every item in date order, approximate dates shown as such.
  await page.getByTestId("timeline-order").getByRole("link", { name: "Oldest first" }).click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(items(page).getByTestId("timeline-date")).toHaveText([
    "early 2024",
    "late Feb 2024",
    "early Mar 2024",
    "mid-Mar 2024",
    "late Mar 2024",
    "late Mar 2024",
  ]);
  await expect(items(page).nth(0)).toContainText("Detained");
  await expect(items(page).nth(0)).toContainText("Vladivostok");
  await expect(items(page).nth(1)).toContainText("Under investigation");
  await expect(items(page).nth(2)).toContainText("Detention extended");
  await expect(items(page).nth(2)).toContainText("Deadline: 15 Jun 2024");
  await expect(items(page).nth(3)).toContainText("Ambassador Lee Do-hoon");
  await expect(items(page).nth(3)).toContainText("Deputy Foreign Minister Andrey Rudenko");
  await expect(items(page).nth(4)).toContainText("Ministry of Foreign Affairs of the Republic of Korea");
  await expect(items(page).nth(5)).toContainText("Embassy of the Russian Federation in Seoul");
  await expect(items(page).first()).toContainText(`Recorded by ${worker.name}`);

  // Newest first is the same list reversed; the filter keeps only the chosen kind.
  await page.getByTestId("timeline-order").getByRole("link", { name: "Newest first" }).click();
  await expect(items(page).first()).toContainText("Embassy of the Russian Federation in Seoul");
  await page
    .getByTestId("timeline-filter")
    .getByRole("link", { name: /^Consular contacts/ })
    .click();
  await expect(page).toHaveURL(/kinds=contact/);
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText("Ambassador Lee Do-hoon");

  // The header: current status and the court's deadline, counted from 1 June 2024.
  await context.addCookies([{ name: "casefile-today", value: "2024-06-01", url: baseURL as string }]);
  await page.reload();
  await expect(page.getByTestId("case-status")).toHaveText("Detention extended");
  await expect(page.getByTestId("next-deadline")).toContainText("15 Jun 2024 (14 days left)");
  await context.addCookies([{ name: "casefile-today", value: "2024-06-15", url: baseURL as string }]);
  await page.reload();
  await expect(page.getByTestId("next-deadline")).toContainText("15 Jun 2024 (Today)");
  await expect(page.getByTestId("next-deadline").locator(".text-destructive")).toBeVisible();

  // The tables.
  await expect(page.getByTestId("status-history-table").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("contacts-table")).toContainText("Deputy Foreign Minister Andrey Rudenko");
  await expect(page.getByTestId("petitions-table").locator("tbody tr")).toHaveCount(2);

  // And the database agrees.
  const [row] = await db.select().from(cases).where(eq(cases.ref, ref));
  expect(row).toMatchObject({
    status: "detention_extended",
    nextDeadline: "2024-06-15",
    lastContactOn: "2024-03-15",
    nativeName: "백원순",
  });
});

test("bad input is refused beside the field and nothing is written", async ({ page, makeAccount, db }) => {
  const worker = await makeAccount("caseworker");
  const kase = await seedCase(db, worker);
  await signInAs(page, worker);
  await page.goto(`/cases/${kase.ref}`);

  const nextYear = String(new Date().getUTCFullYear() + 1);
  await recordStatus(page, { status: "Charged", when: { year: nextYear, month: "January", day: "10" } });
  const form = page.getByTestId("status-change-form");
  await expect(form.locator('[data-field-error="sc-occurred"]')).toHaveText(
    "Date of the change: cannot be in the future.",
  );

  await fillDate(form, "When it happened", { year: "2024", month: "February", day: "31" });
  await form.getByRole("button", { name: "Record status change" }).click();
  await expect(form.locator('[data-field-error="sc-occurred"]')).toHaveText(
    "Date of the change: 31/2/2024 is not a real date.",
  );

  // A link that is not a web address.
  const source = await openPanel(page, "source", "Add a source", "source-form");
  await source.getByLabel("Title").fill("A report");
  await source.getByLabel("Link").fill("javascript:alert(1)");
  await source.getByRole("button", { name: "Add source" }).click();
  await expect(source.locator('[data-field-error="src-url"]')).toHaveText(
    "Link must be a web address starting with http:// or https://.",
  );

  await expect(items(page)).toHaveCount(0);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(statusChanges)
    .where(eq(statusChanges.caseId, kase.id));
  expect(count?.n).toBe(0);
  const [row] = await db
    .select({ status: cases.status, version: cases.version })
    .from(cases)
    .where(eq(cases.id, kase.id));
  expect(row).toEqual({ status: "detained", version: 1 });
});

test("a retracted item stays on the timeline, struck through, with its reason and who retracted it", async ({
  page,
  makeAccount,
  db,
}) => {
  const worker = await makeAccount("caseworker");
  const kase = await seedCase(db, worker);
  await signInAs(page, worker);
  await page.goto(`/cases/${kase.ref}`);

  const note = await openPanel(page, "note", "Add a note", "note-form");
  await fillDate(note, "Date the note is about", { year: "2024", month: "March", day: "20" });
  await note
    .getByLabel("Note", { exact: true })
    .fill("Foreign ministry spokeswoman: Moscow is considering consular access.");
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(items(page)).toHaveCount(1);

  // A retraction needs a reason.
  const item = items(page).first();
  await item.getByRole("button", { name: "Retract" }).click();
  const retractForm = item.getByTestId("retract-form");
  await retractForm.getByRole("button", { name: "Retract item" }).click();
  await expect(retractForm.getByText("Reason is required.")).toBeVisible();

  await retractForm.getByLabel("Why retract it?").fill("Attributed to the wrong spokesperson.");
  await retractForm.getByRole("button", { name: "Retract item" }).click();
  await expect(item).toHaveAttribute("data-retracted", "true");
  await expect(item.getByTestId("retraction")).toContainText(`Retracted by ${worker.name}`);
  await expect(item.getByTestId("retraction")).toContainText("Attributed to the wrong spokesperson.");
  const body = item.getByTestId("timeline-body");
  await expect(body).toContainText("Moscow is considering consular access.");
  await expect(body).toHaveCSS("text-decoration-line", "line-through");
  await expect(item.getByRole("button", { name: "Retract" })).toHaveCount(0);

  // Kept, not deleted.
  const [row] = await db.select().from(caseNotes).where(eq(caseNotes.caseId, kase.id));
  expect(row).toMatchObject({ retractedBy: worker.id, retractionReason: "Attributed to the wrong spokesperson." });
});

test("another caseworker sees the case but no controls to change it", async ({ page, makeAccount, db }) => {
  const owner = await makeAccount("caseworker");
  const other = await makeAccount("caseworker");
  const kase = await seedCase(db, owner);
  await signInAs(page, other);
  await page.goto(`/cases/${kase.ref}`);
  await expect(page.getByTestId("case-header")).toBeVisible();
  await expect(page.getByTestId("record-panel")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit case" })).toHaveCount(0);
});
