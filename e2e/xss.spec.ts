/**
 * Hostile text is stored as text and shown inert everywhere: a case, a consular contact, a
 * petition, a status change, a note, a source and an account whose names and texts are HTML and
 * script, written through the Server Actions, then every page and table that shows them is opened.
 * On each, the text must appear literally, no dialog may fire and no injected element may exist.
 * (Casefile has no CSV or other export yet; when one is added, it belongs in this list.)
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAccount } from "@/db/accounts";
import { EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { EMPTY_CONTACT, EMPTY_PETITION, EMPTY_SOURCE, EMPTY_STATUS_CHANGE } from "@/lib/schemas/records";
import { expect, signIn, test } from "./fixtures";
import { type ActionOutcome, callAction, manifestActions } from "./lib/server-actions";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = '"><script>alert(1)</script>';

/** Nothing injected: no element the payloads would create, no script whose whole text is theirs. */
async function expectInert(page: Page, where: string, dialogs: string[]) {
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.trim() === "alert(1)").length,
  }));
  expect(injected, `${where}: injected elements`).toEqual({ imgs: 0, scripts: 0 });
  expect(dialogs, `${where}: dialogs`).toEqual([]);
}

function okData<T>(outcome: ActionOutcome, what: string): T {
  if (outcome.kind !== "result" || !outcome.value.ok) throw new Error(`${what}: ${JSON.stringify(outcome)}`);
  return outcome.value.data as T;
}

test("HTML and script in names and texts are stored as text and shown inert on every page", async ({
  page,
  makeAccount,
  db,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const tag = randomUUID().slice(0, 6);
  const admin = await makeAccount("admin");
  const caseworkerName = `${IMG} Worker ${tag}`;
  const created = await createAccount(db, {
    email: `xss-${tag}@e2e.example.org`,
    name: caseworkerName,
    role: "caseworker",
    password: `pw-${tag}-long-enough`,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));

  await page.goto("/sign-in");
  await signIn(page, admin.email, admin.password);
  await expect(page).not.toHaveURL(/sign-in/);

  // Written through the app's own actions, with the browser's session.
  const manifest = manifestActions();
  const call = (key: string, pagePath: string, args: unknown[]) =>
    callAction(page.request, {
      id: manifest.get(key)?.id ?? "missing",
      page: pagePath,
      args,
      origin: baseURL as string,
    });
  const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const today = new Date();
  const on = {
    year: String(today.getUTCFullYear()),
    month: String(today.getUTCMonth() + 1),
    day: String(today.getUTCDate()),
    part: "",
    approx: false,
  };
  const { ref } = okData<{ ref: string }>(
    await call("app/(portal)/cases/_form/actions.ts#createCaseAction", "/cases/new", [
      {
        ...EMPTY_CASE_FORM,
        fullName: IMG,
        nativeName: SCRIPT,
        otherNames: `Xssperson ${tag}`,
        detainingCountry: "RU",
        facility: SCRIPT,
        facilityCity: IMG,
        allegations: `${IMG} ${SCRIPT}`,
        riskLevel: "critical",
        nextDeadline: soon,
        nextDeadlineNote: SCRIPT,
        summary: `${SCRIPT}\n${IMG}`,
      },
    ]),
    "create case",
  );
  const onCase = (key: string, values: unknown) =>
    call(`app/(portal)/cases/[ref]/_lib/actions.ts#${key}`, `/cases/${ref}`, [{ ref, values }]);
  okData(
    await onCase("recordStatusChangeAction", {
      ...EMPTY_STATUS_CHANGE,
      status: "charged",
      occurred: on,
      place: IMG,
      note: SCRIPT,
    }),
    "status change",
  );
  okData(
    await onCase("logContactAction", {
      ...EMPTY_CONTACT,
      occurred: on,
      ourParticipants: IMG,
      theirParticipants: SCRIPT,
      summary: `${IMG} ${SCRIPT}`,
      detaineeCondition: SCRIPT,
      followUpOn: soon,
    }),
    "contact",
  );
  okData(
    await onCase("addPetitionAction", {
      ...EMPTY_PETITION,
      petitioner: IMG,
      addressee: SCRIPT,
      asksDetail: IMG,
      filed: on,
      answerDue: soon,
    }),
    "petition",
  );
  okData(await onCase("addNoteAction", { occurred: on, body: `${SCRIPT} ${IMG}` }), "note");
  okData(
    await onCase("addSourceAction", {
      ...EMPTY_SOURCE,
      title: IMG,
      publisher: SCRIPT,
      url: `https://example.org/?q=${encodeURIComponent(SCRIPT)}`,
    }),
    "source",
  );
  okData(
    await call("app/(portal)/cases/[ref]/_assign/actions.ts#assignAction", `/cases/${ref}`, [
      { ref, accountId: created.account.id },
    ]),
    "assign",
  );

  // Every page and table that shows them; the text must be there, literally, and inert.
  const q = encodeURIComponent(ref);
  const pages: Array<{ path: string; shows: string[] }> = [
    { path: `/cases/${ref}`, shows: [IMG, SCRIPT, caseworkerName] },
    { path: `/cases/${ref}/edit`, shows: [] },
    { path: `/cases?q=${q}`, shows: [IMG] },
    { path: `/contacts?q=${q}`, shows: [IMG] },
    { path: `/petitions?q=${q}`, shows: [IMG] },
    { path: "/dashboard", shows: [IMG, caseworkerName] },
    { path: "/admin/audit?entity=cases", shows: [] },
    { path: "/admin/audit", shows: [] },
    { path: "/admin/users", shows: [caseworkerName] },
  ];
  for (const { path, shows } of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    for (const text of shows)
      await expect(page.getByText(text, { exact: false }).first(), `${path} shows ${text}`).toBeVisible();
    await expectInert(page, path, dialogs);
  }

  // The edit form holds the values as values, not markup.
  await page.goto(`/cases/${ref}/edit`);
  await expect(page.getByLabel("Name (as commonly romanized)")).toHaveValue(IMG);
  await expect(page.getByLabel("Name in original script")).toHaveValue(SCRIPT);
  await expectInert(page, "edit form", dialogs);

  // The audit log shows the values before and after as text (in each row's closed <details>).
  await page.goto("/admin/audit?entity=cases");
  await page.locator("table details").evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
  await expect(page.getByRole("table").getByText(IMG, { exact: false }).first()).toBeVisible();
  await expectInert(page, "audit log, values open", dialogs);
});
