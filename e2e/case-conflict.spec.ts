/**
 * Two coordinators edit the same case at once. The first save wins; the second is refused with a
 * message naming the first coordinator, nothing of it is written, and what the second one typed is
 * still in the form.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { cases, petitionEvents, petitions } from "@/db/schema";
import { buildSearchText } from "@/lib/search";
import { expect, signIn, type TestAccount, test } from "./fixtures";

async function openAs(browser: import("@playwright/test").Browser, account: TestAccount, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return { context, page };
}

test("the second of two concurrent edits gets a conflict naming the first editor and keeps its input", async ({
  browser,
  makeAccount,
  db,
}) => {
  const [first, second] = await Promise.all([makeAccount("coordinator"), makeAccount("coordinator")]);
  const ref = `DC-1952-${String(100000 + Math.floor(Math.random() * 899999))}`;
  const fullName = `Conflict Person ${randomUUID().slice(0, 6)}`;
  await db.insert(cases).values({
    ref,
    fullName,
    searchText: buildSearchText({ ref, fullName }),
    detainingCountry: "RU",
    nationality: "KR",
    facility: "Lefortovo pre-trial detention centre",
    facilityCity: "Moscow",
  });

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    for (const [page, account] of [
      [a, first],
      [b, second],
    ] as const) {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/cases/${ref}/edit`)}`);
      await signIn(page, account.email, account.password);
      await expect(page).toHaveURL(new RegExp(`/cases/${ref}/edit$`));
      await expect(page.getByLabel("Place of detention (facility)")).toHaveValue(
        "Lefortovo pre-trial detention centre",
      );
    }

    // The first coordinator saves.
    await a.getByLabel("Place of detention (facility)").fill("SIZO-1, Vladivostok");
    await a.getByRole("button", { name: "Save case" }).click();
    await expect(a).toHaveURL(new RegExp(`/cases/${ref}\\?saved=1$`));
    await expect(a.getByTestId("saved-banner")).toHaveText("Saved.");

    // The second, still on the version they opened, is refused.
    await b.getByLabel("Place of detention (facility)").fill("Matrosskaya Tishina, Moscow");
    await b.getByLabel("Next deadline", { exact: true }).fill("2024-09-01");
    await b.getByRole("button", { name: "Save case" }).click();
    const error = b.getByTestId("form-error");
    await expect(error).toContainText("Someone else saved this case first");
    await expect(error).toContainText(first.name);
    await expect(b).toHaveURL(new RegExp(`/cases/${ref}/edit$`));
    await expect(b.getByLabel("Place of detention (facility)")).toHaveValue("Matrosskaya Tishina, Moscow");
    await expect(b.getByLabel("Next deadline", { exact: true })).toHaveValue("2024-09-01");

    const [row] = await db.select().from(cases).where(eq(cases.ref, ref));
    expect(row).toMatchObject({ facility: "SIZO-1, Vladivostok", nextDeadline: null, version: 2, updatedBy: first.id });
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

test("a petition's state changed by one coordinator refuses the other's stale change, naming who and keeping the input", async ({
  browser,
  makeAccount,
  db,
}) => {
  const [first, second] = await Promise.all([makeAccount("coordinator"), makeAccount("coordinator")]);
  const ref = `DC-1952-${String(100000 + Math.floor(Math.random() * 899999))}`;
  const fullName = `Petition Person ${randomUUID().slice(0, 6)}`;
  const [kase] = await db
    .insert(cases)
    .values({ ref, fullName, searchText: buildSearchText({ ref, fullName }), detainingCountry: "RU" })
    .returning({ id: cases.id });
  const caseId = kase?.id as string;
  const [petition] = await db
    .insert(petitions)
    .values({
      caseId,
      petitioner: "Global Love Rice Sharing Foundation",
      addressee: "Embassy of the Russian Federation in Seoul",
      asks: "release",
      state: "submitted",
      filedOn: "2024-03-25",
      filedPrecision: "month",
      filedApprox: true,
      recordedBy: first.id,
    })
    .returning({ id: petitions.id });
  const petitionId = petition?.id as string;

  const a = await openAs(browser, first, `/cases/${ref}`);
  const b = await openAs(browser, second, `/cases/${ref}`);
  try {
    const change = async (page: import("@playwright/test").Page, toState: string, note: string) => {
      await page.getByTestId("petitions-table").getByRole("button", { name: "Change state" }).click();
      const form = page.getByTestId("petition-state-form");
      await form.getByLabel("New state").selectOption({ label: toState });
      const prefix = `ps-${petitionId.slice(0, 8)}-on`;
      await form.locator(`#${prefix}-year`).fill("2024");
      await form.locator(`#${prefix}-month`).selectOption("4");
      await form.getByLabel("Note", { exact: true }).fill(note);
      await form.getByRole("button", { name: "Change state" }).click();
      return form;
    };
    await change(a.page, "Acknowledged", "The embassy confirmed receipt.");
    await expect(a.page.getByTestId("petitions-table")).toContainText("Acknowledged");

    const form = await change(b.page, "Rejected", "Refused by the embassy.");
    const error = form.getByTestId("form-error");
    await expect(error).toContainText("Someone else changed this first");
    await expect(error).toContainText(first.name);
    await expect(form.getByLabel("Note", { exact: true })).toHaveValue("Refused by the embassy.");
    await expect(form.getByLabel("New state")).toHaveValue("rejected");

    const [row] = await db.select().from(petitions).where(eq(petitions.id, petitionId));
    expect(row).toMatchObject({ state: "acknowledged", version: 2 });
    const events = await db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId));
    expect(events.map((e) => e.toState)).toEqual(["acknowledged"]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
